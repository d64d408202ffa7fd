#!/usr/bin/env bash
# The whole test suite, twice over the store: every test on SQLite, then every store test again on PostgreSQL
# (a throwaway cluster the tests start themselves). TEST_STORES="sqlite" or "postgres" runs one pass only.
# Extra arguments go to each `dotnet test` (e.g. --results-directory; a --filter of your own replaces the
# PostgreSQL pass's filter, so combine it with TEST_STORES=sqlite).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/browser-deps.sh
bash scripts/postgres.sh install
dotnet build RemitCompare.sln --configuration Release --nologo -v quiet

status=0
for store in ${TEST_STORES:-sqlite postgres}; do
  case "$store" in
    sqlite)
      dotnet test RemitCompare.sln --configuration Release --no-build \
        --logger "trx;LogFilePrefix=sqlite" --logger "console;verbosity=minimal" "$@" || status=$? ;;
    postgres)
      # Tests of the SQLite file itself (backup, page cap, kill -9 of a file writer, --db) and browser tests
      # (which read the same API already tested here) run in the SQLite pass only.
      REMITCOMPARE_TEST_STORE=postgres dotnet test RemitCompare.sln --configuration Release --no-build \
        --filter "TestCategory!=SqliteOnly&TestCategory!=Browser&TestCategory!=Postgres" \
        --logger "trx;LogFilePrefix=postgres" --logger "console;verbosity=minimal" "$@" || status=$? ;;
    *) echo "unknown store '$store' in TEST_STORES (use sqlite, postgres)" >&2; exit 2 ;;
  esac
done
exit "$status"
