#!/usr/bin/env bash
# Register import (targets in bench/RESULTS.md): the 600,000-row extract uploaded through the running web app (Kestrel in the bench process),
# upload to stored ≤ 15 s, and the database write ≥ 50,000 rows/s, on SQLite and on a throw-away PostgreSQL 15 that this script
# starts (initdb in /tmp, as the postgres user, on PG_PORT) and stops again.
#   bench/Labs/import.sh [sqlite] [postgres]          (default: both)
#   RUNS=3 ROWS=600000 PG_PORT=55471 bench/Labs/import.sh
set -euo pipefail
REPO=$(cd "$(dirname "$0")/../.." && pwd)
cd "$REPO"
RUNS=${RUNS:-3}
ROWS=${ROWS:-600000}
PG_PORT=${PG_PORT:-55471}
DATA=${DATA:-/tmp/masterplan-register-$ROWS.csv}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build -c Release bench/Sortition -v q -nologo >/dev/null
[ -f "$DATA" ] || dotnet bench/Sortition/bin/Release/net10.0/Sortition.Bench.dll stage1 generate "$DATA" "$ROWS"
dotnet build -c Release bench/Labs -v q -nologo >/dev/null
BENCH=bench/Labs/bin/Release/net10.0/Labs.Bench.dll
echo "extract: $DATA, sha256 $(sha256sum "$DATA" | cut -c1-16)…; commit $(git rev-parse --short HEAD)"

for engine in ${*:-sqlite postgres}; do
  echo
  if [ "$engine" = postgres ]; then
    PGDIR=$(mktemp -d /tmp/masterplan-bench-pg.XXXXXX)
    chown postgres "$PGDIR"
    runuser -u postgres -- /usr/lib/postgresql/15/bin/initdb -D "$PGDIR/data" -A trust -U postgres >/dev/null
    runuser -u postgres -- /usr/lib/postgresql/15/bin/postgres -D "$PGDIR/data" -p "$PG_PORT" -k "$PGDIR" -c listen_addresses=127.0.0.1 \
      >"$PGDIR/log" 2>&1 &
    for _ in $(seq 60); do
      [ -f "$PGDIR/data/postmaster.pid" ] && runuser -u postgres -- /usr/lib/postgresql/15/bin/pg_isready -h 127.0.0.1 -p "$PG_PORT" -q && break
      sleep 0.5
    done
    PGPID=$(head -1 "$PGDIR/data/postmaster.pid")
    dotnet "$BENCH" --engine postgres --postgres "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres" --pg-pid "$PGPID" \
      --file "$DATA" --runs "$RUNS" 2>/dev/null || echo "bench failed (exit $?)"
    kill "$PGPID"
    while kill -0 "$PGPID" 2>/dev/null; do sleep 0.2; done
    rm -rf "$PGDIR"
  else
    dotnet "$BENCH" --engine sqlite --file "$DATA" --runs "$RUNS" 2>/dev/null || echo "bench failed (exit $?)"
  fi
done
