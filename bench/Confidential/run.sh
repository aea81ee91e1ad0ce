#!/usr/bin/env bash
# Confidential benchmark: opening a mailbox with its secret (the slow hash included, ≤ 500 ms) and a unit's case list with
# 10,000 encrypted cases (p95 ≤ 150 ms on PostgreSQL, decryption included), on SQLite and on PostgreSQL.
#
# Usage: bench/Confidential/run.sh [sqlite] [postgres]     (default: both)
# Settings (environment):
#   POSTGRES="Host=127.0.0.1;Port=55433;Username=postgres;Database=postgres"   a running server; the bench makes and drops
#                     its own database there
#   CASES=10000 REQUESTS=200 WARMUP=20
set -euo pipefail
REPO=$(cd "$(dirname "$0")/../.." && pwd)
POSTGRES=${POSTGRES:-"Host=127.0.0.1;Port=55433;Username=postgres;Database=postgres"}
dotnet build "$REPO/bench/Confidential" -c Release -nologo -v quiet >/dev/null
for engine in ${*:-sqlite postgres}; do
  echo
  dotnet "$REPO/bench/Confidential/bin/Release/net10.0/Confidential.Bench.dll" --engine "$engine" --postgres "$POSTGRES" \
    --cases "${CASES:-10000}" --requests "${REQUESTS:-200}" --warmup "${WARMUP:-20}" 2>/dev/null
done
