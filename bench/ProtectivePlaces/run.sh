#!/usr/bin/env bash
# Schutzorte benchmark: "open now near an address" with 2,000 places (p95 ≤ 30 ms server time) and the public page's
# transfer size without tiles, on SQLite and on PostgreSQL. About a minute per engine after the build.
#
# Usage: bench/ProtectivePlaces/run.sh [sqlite] [postgres]     (default: both)
# Settings (environment):
#   POSTGRES="Host=127.0.0.1;Port=55433;Username=postgres;Database=postgres"   a running server; the bench makes and drops
#                     its own database there
#   PLACES=2000 REQUESTS=300 WARMUP=50
set -euo pipefail
REPO=$(cd "$(dirname "$0")/../.." && pwd)
POSTGRES=${POSTGRES:-"Host=127.0.0.1;Port=55433;Username=postgres;Database=postgres"}
dotnet build "$REPO/bench/ProtectivePlaces" -c Release -nologo -v quiet >/dev/null
for engine in ${*:-sqlite postgres}; do
  echo
  dotnet "$REPO/bench/ProtectivePlaces/bin/Release/net10.0/ProtectivePlaces.Bench.dll" --engine "$engine" --postgres "$POSTGRES" \
    --places "${PLACES:-2000}" --requests "${REQUESTS:-300}" --warmup "${WARMUP:-50}" 2>/dev/null
done
