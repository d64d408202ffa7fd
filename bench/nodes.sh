#!/usr/bin/env bash
# Scale-out: /v1/compare requests/s from 1 and 2 API nodes sharing one PostgreSQL database, behind an nginx
# round-robin upstream, under wrk. Everything runs on loopback on this machine: a throwaway cluster
# (scripts/postgres.sh), the API published in Release, nginx, wrk. Prints a markdown table.
# Usage: bench/nodes.sh   (env: DURATION=10s WARMUP=5s THREADS=2 CONNECTIONS=64 WORK=folder)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
duration="${DURATION:-10s}"
threads="${THREADS:-2}"
connections="${CONNECTIONS:-64}"
work="${WORK:-$(mktemp -d)}"
mkdir -p "$work/nginx"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

need_tools nginx wrk curl
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)

pids=() pg=""
stop() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  bash scripts/postgres.sh stop "$pg" >/dev/null 2>&1 || true
}
trap stop EXIT

pg=$(mktemp -d /tmp/remitcompare-pg-XXXXXX) # the server's own user must be able to reach it
admin=$(bash scripts/postgres.sh start "$pg")
database="${admin/Database=postgres/Database=remitcompare}"
psql -q -h 127.0.0.1 -p "$(cat "$pg/port")" -U postgres -d postgres -c "CREATE DATABASE remitcompare"
dotnet publish src/RemitCompare.Api -c Release -o "$work/api" -v q >/dev/null

popular="/v1/compare?from=KEN&to=UGA&amount=10000&currency=KES"
ports=()
for node in 1 2; do
  port=$(free_port)
  Store__Provider=postgres Store__ConnectionString="$database" RateLimits__PermitLimit=1000000000 \
    Logging__LogLevel__Default=Warning "$work/api/RemitCompare.Api" --urls "http://127.0.0.1:$port" >"$work/node$node.log" 2>&1 &
  pids+=($!)
  ports+=("$port")
  # The first node migrates and loads the default data; the second starts on a filled database.
  wait_for "http://127.0.0.1:$port$popular" "$!"
done

proxy() { # NAME PORT...  -> an nginx on $proxy_port, round-robin over the nodes, keep-alive both ways
  local name=$1 port servers=""
  shift
  port=$(free_port)
  for p in "$@"; do servers+="server 127.0.0.1:$p; "; done
  mkdir -p "$work/nginx/$name"
  cat >"$work/nginx/$name/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $work/nginx/$name/nginx.pid;
error_log $work/nginx/$name/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $work/nginx/$name; proxy_temp_path $work/nginx/$name; fastcgi_temp_path $work/nginx/$name;
  uwsgi_temp_path $work/nginx/$name; scgi_temp_path $work/nginx/$name;
  upstream nodes { $servers keepalive 64; }
  server {
    listen 127.0.0.1:$port;
    location / { proxy_pass http://nodes; proxy_http_version 1.1; proxy_set_header Connection ""; }
  }
}
CONF
  "$nginx_bin" -c "$work/nginx/$name/nginx.conf" -p "$work/nginx/$name" &
  pids+=($!)
  wait_for "http://127.0.0.1:$port$popular" "$!"
  proxy_port=$port
}
proxy one "${ports[0]}"
one=$proxy_port
proxy two "${ports[0]}" "${ports[1]}"
two=$proxy_port

# Every request a new amount, so each is computed rather than answered from the response cache.
cat >"$work/unique.lua" <<'LUA'
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", "/v1/compare?from=KEN&to=UGA&currency=KES&amount=" .. (5000 + n))
end
LUA

run() { # URL [SCRIPT] -> "rps p99"
  local out
  out=$(wrk -t"$threads" -c"$connections" -d"$duration" --latency ${2:+-s "$2"} "$1$popular")
  if grep -q "Non-2xx" <<<"$out"; then echo "wrk saw errors from $1: $out" >&2; exit 1; fi
  echo "$(awk '/Requests\/sec/ { printf "%.0f", $2 }' <<<"$out") $(awk '$1 == "99%" { print $2 }' <<<"$out")"
}

echo "$(machine). $(uptime | sed 's/^ *//')."
echo "wrk: $threads threads, $connections connections, $duration per run, through one nginx worker (round-robin, keep-alive);"
echo "PostgreSQL $(psql --version | awk '{ print $3 }') on the same machine. Both nodes share the same CPUs as nginx, wrk and PostgreSQL."
echo
echo "| scenario | 1 node req/s | p99 | 2 nodes req/s | p99 | 2 / 1 |"
echo "| --- | --- | --- | --- | --- | --- |"
for scenario in "one popular request (response cache)|" "all-unique amounts (computed)|$work/unique.lua"; do
  IFS='|' read -r name script <<<"$scenario"
  for url in "http://127.0.0.1:$one" "http://127.0.0.1:$two"; do
    wrk -t"$threads" -c"$connections" -d"${WARMUP:-5s}" ${script:+-s "$script"} "$url$popular" >/dev/null
  done
  read -r rps1 p99_1 <<<"$(run "http://127.0.0.1:$one" "$script")"
  read -r rps2 p99_2 <<<"$(run "http://127.0.0.1:$two" "$script")"
  echo "| $name | $rps1 | $p99_1 | $rps2 | $p99_2 | $(awk -v a="$rps2" -v b="$rps1" 'BEGIN { printf "%.2f", a / b }') |"
done
