#!/usr/bin/env bash
# Cold start and memory: from process start to the first successful /v1/compare answer, and the resident set size
# (RSS) then, for the default-data store and for a synthetic store of about one million observations.
# Prints a markdown table. Usage: bench/coldstart.sh [RUNS]   (env: PORT, WORK to reuse a folder and its stores)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
runs="${1:-3}"
work="${WORK:-$(mktemp -d)}"
mkdir -p "$work"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet publish src/RemitCompare.Api -c Release -o "$work/api" -v q >/dev/null
dotnet publish src/RemitCompare.Cli -c Release -o "$work/cli" -v q >/dev/null
dotnet build bench/RemitCompare.Benchmarks -c Release -o "$work/bench" -v q >/dev/null

port="${PORT:-$(free_port)}"

pid=""
stop() { if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=""; fi; }
trap stop EXIT

# start_once DB LOAD_DEFAULT QUERY -> prints "wall_ms rss_mib cpu_ms" (CPU time: user + system, robust to a busy machine)
start_once() {
  local started ended deadline
  started=$(date +%s%N)
  Store__Path="$1" Store__LoadDefaultData="$2" Snapshot__PollInterval=01:00:00 Logging__LogLevel__Default=Warning \
    "$work/api/RemitCompare.Api" --urls "http://127.0.0.1:$port" >"$work/api.log" 2>&1 &
  pid=$!
  deadline=$((started + 300 * 1000000000))
  until curl -fsS -o /dev/null "http://127.0.0.1:$port$3" 2>/dev/null; do
    if [ "$(date +%s%N)" -gt "$deadline" ] || ! kill -0 "$pid" 2>/dev/null; then
      echo "API did not answer: see $work/api.log" >&2; tail -20 "$work/api.log" >&2; exit 1
    fi
    sleep 0.005
  done
  ended=$(date +%s%N)
  local ticks
  ticks=$(getconf CLK_TCK)
  echo "$(((ended - started) / 1000000)) $(awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$pid/status")" \
    "$(awk -v t="$ticks" '{ printf "%.0f", ($14 + $15) * 1000 / t }' "/proc/$pid/stat")"
  stop
}

report() { # NAME DB LOAD_DEFAULT QUERY
  local results=() line
  for _ in $(seq "$runs"); do results+=("$(start_once "$2" "$3" "$4")"); done
  line=$(printf '%s\n' "${results[@]}" | sort -n | awk '{ ms[NR] = $1; rss[NR] = $2; cpu[NR] = $3 } END { m = int((NR + 1) / 2); printf "%s ms | %s ms | %s ms | %s MiB", ms[1], ms[m], cpu[m], rss[m] }')
  echo "| $1 | $line |"
}

small="$work/default.db"
if [ ! -f "$small" ]; then start_once "$small" true "/healthz" >/dev/null; fi  # the first start fills the store

big="$work/million.db"
if [ ! -f "$big" ]; then
  dotnet "$work/bench/RemitCompare.Benchmarks.dll" survey 44 60 "$work/million.csv"
  ingest_started=$(date +%s%N)
  "$work/cli/remitcompare" ingest rpw "$work/million.csv" --db "$big" >"$work/ingest.log" 2>&1
  echo "ingested $(grep -m1 'accepted' "$work/ingest.log" | awk '{print $2}') observations in $((($(date +%s%N) - ingest_started) / 1000000)) ms" >&2
  rm -f "$work/million.csv"
fi
observations=$(sqlite3 "$big" "SELECT COUNT(*) FROM quote_observations")

echo "$(machine). $runs starts per store; load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)."
echo
echo "| store | fastest start → first answer | median | CPU time to first answer (median run) | RSS at first answer (median run) |"
echo "| --- | --- | --- | --- | --- |"
report "default data" "$small" true "/v1/compare?from=KEN&to=UGA&amount=10000&currency=KES"
report "synthetic, $observations observations" "$big" false "/v1/compare?from=GBR&to=KEN&amount=200&currency=GBP"
