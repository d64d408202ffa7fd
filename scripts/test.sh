#!/usr/bin/env bash
# The whole test suite. Extra arguments go to `dotnet test` (e.g. --filter, --results-directory).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-chromium.sh
dotnet test RemitCompare.sln --configuration Release --logger "trx;LogFilePrefix=results" --logger "console;verbosity=minimal" "$@"
