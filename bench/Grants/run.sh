#!/usr/bin/env bash
# Förderprogramm benchmark: a call with 500 applications — the reviewer's list and the ranking (p95 ≤ 100 ms each) and the
# decision letters of 100 funded projects as tagged PDFs (≤ 10 s), on SQLite and on PostgreSQL.
#
# Usage: bench/Grants/run.sh [sqlite] [postgres]     (default: both)
# Settings (environment):
#   POSTGRES="Host=127.0.0.1;Port=55433;Username=postgres;Database=postgres"   a running server; the bench makes and drops
#                     its own database there
#   APPLICATIONS=500 REQUESTS=200 WARMUP=20
set -euo pipefail
REPO=$(cd "$(dirname "$0")/../.." && pwd)
POSTGRES=${POSTGRES:-"Host=127.0.0.1;Port=55433;Username=postgres;Database=postgres"}
dotnet build "$REPO/bench/Grants" -c Release -nologo -v quiet >/dev/null
for engine in ${*:-sqlite postgres}; do
  echo
  dotnet "$REPO/bench/Grants/bin/Release/net10.0/Grants.Bench.dll" --engine "$engine" --postgres "$POSTGRES" \
    --applications "${APPLICATIONS:-500}" --requests "${REQUESTS:-200}" --warmup "${WARMUP:-20}" 2>/dev/null
done
