#!/usr/bin/env bash
# Open-data benchmark: ten years of demo data, then the nightly export of every dataset as CSV and JSON (≤ 60 s), with
# the time per dataset, the bytes written and the memory the process used.
#
# Usage: bench/OpenData/run.sh [postgres] [sqlite]     (default: postgres)
# Settings (environment):
#   POSTGRES="Host=127.0.0.1;Port=55433;Username=postgres;Database=postgres"   a running server; the bench makes and drops
#                     its own database there
#   YEARS=10
set -euo pipefail
REPO=$(cd "$(dirname "$0")/../.." && pwd)
POSTGRES=${POSTGRES:-"Host=127.0.0.1;Port=55433;Username=postgres;Database=postgres"}
dotnet build "$REPO/bench/OpenData" -c Release -nologo -v quiet >/dev/null
for engine in ${*:-postgres}; do
  echo
  dotnet "$REPO/bench/OpenData/bin/Release/net10.0/OpenData.Bench.dll" --engine "$engine" --postgres "$POSTGRES" --years "${YEARS:-10}" 2>/dev/null
done
