#!/usr/bin/env bash
# Ordnungsdienst benchmark: 100,000 receipts and 10,000 incidents stored — the officer's form to the receipt PDF (p95 ≤ 1 s) and
# a year's figures (≤ 1 s), on SQLite and on PostgreSQL.
#
# Usage: bench/Enforcement/run.sh [sqlite] [postgres]     (default: both)
# Settings (environment):
#   POSTGRES="Host=127.0.0.1;Port=55433;Username=postgres;Database=postgres"   a running server; the bench makes and drops
#                     its own database there
#   RECEIPTS=100000 INCIDENTS=10000 REQUESTS=100 WARMUP=10
set -euo pipefail
REPO=$(cd "$(dirname "$0")/../.." && pwd)
POSTGRES=${POSTGRES:-"Host=127.0.0.1;Port=55433;Username=postgres;Database=postgres"}
dotnet build "$REPO/bench/Enforcement" -c Release -nologo -v quiet >/dev/null
for engine in ${*:-sqlite postgres}; do
  echo
  dotnet "$REPO/bench/Enforcement/bin/Release/net10.0/Enforcement.Bench.dll" --engine "$engine" --postgres "$POSTGRES" \
    --receipts "${RECEIPTS:-100000}" --incidents "${INCIDENTS:-10000}" --requests "${REQUESTS:-100}" --warmup "${WARMUP:-10}" 2>/dev/null
done
