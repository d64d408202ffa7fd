# Functions shared by the bench scripts (source this file).

# The machine a result was measured on, as one line: CPU model, cores, RAM, OS, .NET SDK.
machine() {
  local model ram os sdk
  model=$(lscpu | sed -n 's/^Model name: *//p' | head -1)
  ram=$(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
  os=$(. /etc/os-release && echo "$PRETTY_NAME")
  sdk=$(dotnet --version 2>/dev/null || echo "not installed")
  echo "Machine: $model, $(nproc) cores, $ram RAM, $os, .NET SDK $sdk"
}

# A loopback port nothing listens on, so that the answers timed are this run's own.
free_port() {
  local p
  for _ in $(seq 50); do
    p=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi
  done
  echo "no free port found" >&2
  return 1
}

# Waits until URL answers 2xx; gives up (exit 1) after 180 s or when process PID has ended.
wait_for() { # URL PID
  local deadline=$((SECONDS + 180))
  until curl -fsS -o /dev/null "$1" 2>/dev/null; do
    if [ $SECONDS -gt $deadline ] || ! kill -0 "$2" 2>/dev/null; then echo "no answer from $1" >&2; exit 1; fi
    sleep 0.05
  done
}

# Installs from Debian (root, apt-get) whichever of the named tools is missing: need_tools nginx wrk hey curl
need_tools() {
  local missing=() tool
  for tool in "$@"; do
    case "$tool" in
      nginx) command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx-light) ;;
      *) command -v "$tool" >/dev/null || missing+=("$tool") ;;
    esac
  done
  if [ ${#missing[@]} -gt 0 ]; then
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}
