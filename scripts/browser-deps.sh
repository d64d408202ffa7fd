#!/usr/bin/env bash
# What the browser tests need besides the .NET SDK: Debian's chromium (Playwright drives it; it never downloads a
# browser of its own) and axe-core from npm. Idempotent and quiet: does nothing when both are already there.
set -euo pipefail
cd "$(dirname "$0")/.."
web=tests/RemitCompare.Tests/Web

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "Installing ${missing[*]} for the browser tests…"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ ! -f "$web/node_modules/axe-core/axe.min.js" ]; then
  echo "Installing axe-core for the browser tests…"
  (cd "$web" && npm install --no-audit --no-fund --silent --no-package-lock)
fi
