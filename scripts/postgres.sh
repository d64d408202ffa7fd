#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on loopback, for tests and local trials. Idempotent and quiet.
#
#   scripts/postgres.sh install      install Debian's postgresql when initdb/pg_ctl are missing (nothing else)
#   scripts/postgres.sh start [DIR]  create (first time) and start a cluster in DIR (default: a new temporary folder);
#                                    prints its admin connection string, e.g.
#                                    export REMITCOMPARE_TEST_PG="$(scripts/postgres.sh start /tmp/rc-pg)"
#                                    Run again with the same DIR: prints the string of the cluster already up.
#   scripts/postgres.sh stop DIR     stop the cluster and delete DIR
#
# The cluster is for throwaway data only: trust authentication on 127.0.0.1 (nothing else is listened on) and
# fsync/synchronous_commit/full_page_writes off, so a power cut may lose or corrupt it. As root, the server runs as
# the unprivileged `postgres` user the Debian package creates (PostgreSQL refuses to run as root).
set -euo pipefail

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

pg_bin() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then echo "$dir"; fi
}

install() {
  [ -n "$(pg_bin)" ] && return 0
  echo "Installing postgresql for the PostgreSQL tests…" >&2
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  # The package starts a system cluster of its own; the tests never use it.
  if command -v pg_ctlcluster >/dev/null 2>&1; then
    for conf in /etc/postgresql/*/main; do
      [ -d "$conf" ] || continue
      version="$(basename "$(dirname "$conf")")"
      as_root pg_ctlcluster "$version" main stop >/dev/null 2>&1 || true
    done
  fi
  [ -n "$(pg_bin)" ] || { echo "postgresql installed but initdb/pg_ctl not found under /usr/lib/postgresql" >&2; exit 1; }
}

# Runs a PostgreSQL program as the cluster's owner: `postgres` when we are root, else ourselves.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

connection_string() { echo "Host=127.0.0.1;Port=$1;Username=postgres;Database=postgres"; }

running() { as_owner "$(pg_bin)/pg_ctl" -D "$1/data" status >/dev/null 2>&1; }

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

create() {
  local dir="$1" bin
  bin="$(pg_bin)"
  mkdir -p "$dir"
  chmod 0755 "$dir"
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$dir"
    runuser -u postgres -- test -x "$dir" || { echo "the postgres user cannot reach $dir: use a folder whose parents it may enter (e.g. under /tmp)" >&2; exit 1; }
  fi
  as_owner "$bin/initdb" -D "$dir/data" -U postgres --locale=C --encoding=UTF8 --auth=trust >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  cat >"$dir/data/pg_hba.conf" <<'EOF'
local all all trust
host  all all 127.0.0.1/32 trust
EOF
  cat >>"$dir/data/postgresql.conf" <<EOF
# Throwaway test cluster: durability off (fsync, full page writes), loopback only, small memory.
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
fsync = off
synchronous_commit = off
full_page_writes = off
shared_buffers = 32MB
max_connections = 200
max_wal_size = 256MB
log_min_messages = warning
EOF
}

start() {
  local dir="${1:-}" bin port attempt
  install
  bin="$(pg_bin)"
  if [ -z "$dir" ]; then dir="$(mktemp -d /tmp/remitcompare-pg-XXXXXX)"; echo "cluster in $dir" >&2; fi
  mkdir -p "$dir"
  dir="$(cd "$dir" && pwd)"
  if [ -f "$dir/port" ] && running "$dir"; then
    connection_string "$(cat "$dir/port")"
    return 0
  fi
  [ -f "$dir/data/PG_VERSION" ] || create "$dir"
  for attempt in 1 2 3 4 5 6 7 8 9 10; do
    port=$((20000 + RANDOM % 40000))
    port_in_use "$port" && continue
    if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -o "-p $port" -w -t 60 start >/dev/null 2>&1; then
      echo "$port" >"$dir/port"
      connection_string "$port"
      return 0
    fi
  done
  echo "PostgreSQL did not start in $dir:" >&2
  tail -n 20 "$dir/server.log" >&2 || true
  exit 1
}

stop() {
  local dir="${1:?usage: scripts/postgres.sh stop DIR}" bin
  bin="$(pg_bin)"
  if [ -n "$bin" ] && [ -f "$dir/data/PG_VERSION" ]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w -t 60 stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}

case "${1:-}" in
  install) install ;;
  start) start "${2:-}" ;;
  stop) stop "${2:-}" ;;
  *) echo "usage: scripts/postgres.sh install | start [DIR] | stop DIR" >&2; exit 2 ;;
esac
