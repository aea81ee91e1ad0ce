#!/usr/bin/env bash
# Reports benchmark: ten years of demo data, then a half-year report compiled with its charts as the Office's page
# (HTML ≤ 2 s), tagged PDF (≤ 5 s) and DOCX (≤ 5 s), with the memory it takes; PostgreSQL by default.
#
# Usage: bench/Reports/run.sh [postgres] [sqlite]     (default: postgres)
# Settings (environment):
#   POSTGRES="Host=127.0.0.1;Port=55433;Username=postgres;Database=postgres"   a running server; the bench makes and drops
#                     its own database there
#   YEARS=10 REQUESTS=5 WARMUP=2
set -euo pipefail
REPO=$(cd "$(dirname "$0")/../.." && pwd)
POSTGRES=${POSTGRES:-"Host=127.0.0.1;Port=55433;Username=postgres;Database=postgres"}
dotnet build "$REPO/bench/Reports" -c Release -nologo -v quiet >/dev/null
for engine in ${*:-postgres}; do
  echo
  dotnet "$REPO/bench/Reports/bin/Release/net10.0/Reports.Bench.dll" --engine "$engine" --postgres "$POSTGRES" \
    --years "${YEARS:-10}" --requests "${REQUESTS:-5}" --warmup "${WARMUP:-2}" 2>/dev/null
done
