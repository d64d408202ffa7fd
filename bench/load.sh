#!/usr/bin/env bash
# Load test: RemitCompare (Release) and nginx serving a real /v1/compare answer from a static file, both on
# loopback, loaded by wrk with the same threads and connections, for (a) one popular request repeated, (b) a mix of
# 200 corridor/amount combinations, (c) all-unique amounts; then a fixed-rate run (hey) at half the API's peak of (a).
# Prints a markdown table. Usage: bench/load.sh   (env: DURATION=10s WARMUP=5s THREADS=2 CONNECTIONS=32 WORK=folder)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
duration="${DURATION:-10s}"
threads="${THREADS:-2}"
connections="${CONNECTIONS:-32}"
work="${WORK:-$(mktemp -d)}"
mkdir -p "$work/www" "$work/nginx"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

need_tools nginx wrk hey curl
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)


api_pid="" nginx_pid=""
stop() {
  for p in $api_pid $nginx_pid; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
}
trap stop EXIT

dotnet publish src/RemitCompare.Api -c Release -o "$work/api" -v q >/dev/null
api_port=$(free_port)
# wrk and hey are one client address: the per-address rate limit is lifted so that the service itself is measured.
Store__Path="$work/load.db" Snapshot__PollInterval=01:00:00 Logging__LogLevel__Default=Warning RateLimits__PermitLimit=1000000000 \
  "$work/api/RemitCompare.Api" --urls "http://127.0.0.1:$api_port" >"$work/api.log" 2>&1 &
api_pid=$!
api="http://127.0.0.1:$api_port"
popular="/v1/compare?from=KEN&to=UGA&amount=10000&currency=KES"
wait_for "$api$popular" "$api_pid"

# nginx serves the API's own answer to the popular request, whatever the path.
curl -fsS "$api$popular" -o "$work/www/compare.json"
nginx_port=$(free_port)
cat >"$work/nginx/nginx.conf" <<CONF
worker_processes auto;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  client_body_temp_path $work/nginx; proxy_temp_path $work/nginx; fastcgi_temp_path $work/nginx;
  uwsgi_temp_path $work/nginx; scgi_temp_path $work/nginx;
  server {
    listen 127.0.0.1:$nginx_port;
    root $work/www;
    default_type application/json;
    location / { try_files /compare.json =404; }
  }
}
CONF
"$nginx_bin" -c "$work/nginx/nginx.conf" -p "$work/nginx" &
nginx_pid=$!
nginx="http://127.0.0.1:$nginx_port"
wait_for "$nginx$popular" "$nginx_pid"

# The 200 combinations: every corridor held, at amounts spread over what people send.
corridors=$(curl -fsS "$api/v1/corridors" | grep -o '"from":"[A-Z]*","to":"[A-Z]*"' | sed 's/"from":"\([A-Z]*\)","to":"\([A-Z]*\)"/\1 \2/')
mapfile -t pairs <<<"$corridors"
{
  echo "paths = {"
  for i in $(seq 0 199); do
    read -r from to <<<"${pairs[$((i % ${#pairs[@]}))]}"
    echo "  \"/v1/compare?from=$from&to=$to&amount=$((2000 + (i / ${#pairs[@]}) * 3000))\","
  done
  echo "}"
  echo 'i = 0'
  echo 'request = function() i = i % #paths + 1; return wrk.format("GET", paths[i]) end'
} >"$work/mix.lua"
{
  echo "corridors = {"
  for pair in "${pairs[@]}"; do read -r from to <<<"$pair"; echo "  \"/v1/compare?from=$from&to=$to&amount=\","; done
  echo "}"
  cat <<'LUA'
local counter = 0
local id = 0
local next_id = 0
function setup(thread) thread:set("id", next_id); next_id = next_id + 1 end
-- Every request a new amount (a per-thread counter, threads interleaved), so no two requests are alike.
request = function()
  counter = counter + 1
  local path = corridors[counter % #corridors + 1]
  return wrk.format("GET", string.format("%s%d", path, 5000 + counter * 64 + id))
end
LUA
} >"$work/unique.lua"

to_ms() { # wrk/hey latency such as 812.00us, 1.20ms, 0.0012 secs -> ms
  awk -v v="$1" 'BEGIN {
    if (v ~ /us$/) { sub(/us$/, "", v); printf "%.2f", v / 1000 }
    else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.2f", v }
    else if (v ~ /s$/) { sub(/s$/, "", v); printf "%.2f", v * 1000 }
    else printf "%.2f", v * 1000 }'
}

run_wrk() { # URL [SCRIPT] -> "rps p50 p99"
  local out
  out=$(wrk -t"$threads" -c"$connections" -d"$duration" --latency ${2:+-s "$2"} "$1$popular")
  if grep -q "Non-2xx" <<<"$out"; then echo "wrk saw errors from $1: $out" >&2; exit 1; fi
  echo "$(awk '/Requests\/sec/ { printf "%.0f", $2 }' <<<"$out") $(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")") $(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")"
}

echo "$(machine). wrk: $threads threads, $connections connections, $duration per run; response $(wc -c <"$work/www/compare.json") bytes."
echo
echo "| scenario | RemitCompare req/s | p50 ms | p99 ms | nginx req/s | p50 ms | p99 ms | ratio | target |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"
scenarios=("a) one popular request||0.7" "b) mix of 200 combinations|$work/mix.lua|0.7" "c) all-unique amounts|$work/unique.lua|0.5")
# Warm-up: every scenario once on both servers, so that the JIT has finished with the API before anything is timed.
for scenario in "${scenarios[@]}"; do
  IFS='|' read -r _ script _ <<<"$scenario"
  for url in "$api" "$nginx"; do wrk -t"$threads" -c"$connections" -d"${WARMUP:-5s}" ${script:+-s "$script"} "$url$popular" >/dev/null; done
done
peak=0
for scenario in "${scenarios[@]}"; do
  IFS='|' read -r name script target <<<"$scenario"
  read -r a_rps a_p50 a_p99 <<<"$(run_wrk "$api" "$script")"
  read -r n_rps n_p50 n_p99 <<<"$(run_wrk "$nginx" "$script")"
  [ "$peak" -eq 0 ] && peak=$a_rps
  ratio=$(awk -v a="$a_rps" -v n="$n_rps" 'BEGIN { printf "%.2f", a / n }')
  echo "| $name | $a_rps | $a_p50 | $a_p99 | $n_rps | $n_p50 | $n_p99 | $ratio | ≥ $target |"
done

# Fixed rate: half the API's peak for (a), spread over hey's workers (-q is per worker). The peak is measured again
# with hey itself: hey costs far more CPU per request than wrk, and on a small machine it shares the cores with the
# server, so half of wrk's peak would be most of what the server can do beside hey.
workers=$connections
hey_peak=$(hey -z "$duration" -c "$workers" "$api$popular" | awk '/Requests\/sec/ { printf "%.0f", $2 }')
rate=$((hey_peak / 2))
per_worker=$(( (rate + workers - 1) / workers ))
echo
echo "Fixed rate: half the API's peak under hey ($hey_peak requests/s unthrottled; wrk's peak above: $peak)."
echo
echo "| fixed rate, one popular request | requests/s asked | requests/s served | p50 ms | p99 ms | target p99 |"
echo "| --- | --- | --- | --- | --- | --- |"
for target in "RemitCompare|$api" "nginx|$nginx"; do
  IFS='|' read -r name url <<<"$target"
  out=$(hey -z "$duration" -c "$workers" -q "$per_worker" "$url$popular")
  served=$(awk '/Requests\/sec/ { printf "%.0f", $2 }' <<<"$out")
  p50=$(awk '/50% in/ { print $3 }' <<<"$out")
  p99=$(awk '/99% in/ { print $3 }' <<<"$out")
  echo "| $name | $((per_worker * workers)) | $served | $(to_ms "$p50") | $(to_ms "$p99") | < 5 |"
done
