#!/usr/bin/env bash
# The whole test suite. Extra arguments go to `dotnet test` (e.g. --filter, --results-directory).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/browser-deps.sh
bash scripts/postgres.sh install   # the PostgreSQL tests start their own throwaway cluster with it
dotnet test RemitCompare.sln --configuration Release --logger "trx;LogFilePrefix=results" --logger "console;verbosity=minimal" "$@"
