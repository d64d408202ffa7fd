#!/usr/bin/env bash
# The machine a result was measured on, as markdown: CPU model, cores, RAM, OS, .NET SDK.
set -euo pipefail
model=$(lscpu | sed -n 's/^Model name: *//p' | head -1)
cores=$(nproc)
ram=$(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
os=$(. /etc/os-release && echo "$PRETTY_NAME")
sdk=$(dotnet --version 2>/dev/null || echo "not installed")
echo "Machine: $model, $cores cores, $ram RAM, $os, .NET SDK $sdk"
