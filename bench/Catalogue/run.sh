#!/usr/bin/env bash
# Catalogue benchmark (issue 6, "Performance"): with 5,000 measures, 50,000 status updates and 200 indicators with 10 years
# of monthly values, the public catalogue page server time p95 ≤ 100 ms, the catalogue as of a date ≤ 300 ms, the status
# overview PDF for 500 measures ≤ 3 s; on SQLite and on PostgreSQL.
#
# Usage: bench/Catalogue/run.sh [sqlite] [postgres]      (default: both; as root for the PostgreSQL part)
# Settings (environment):
#   SOURCE=HEAD       the app (src/) is built from this commit via git archive, so edits in progress in the working copy
#                     do not reach the figures; SOURCE=worktree takes the working copy. bench/Catalogue itself always
#                     comes from the working copy.
#   REQUESTS=500 WARMUP=50 RUNS=5 MEASURES=5000 PDF_MEASURES=500 WRK_SECONDS=10 (WRK_SECONDS=0: no wrk cross-check)
#   FULL_PDF=1        also render the overview once with all MEASURES (what the Office page renders on that database)
#   PG_PORT=55445     port of the throw-away PostgreSQL server (127.0.0.1 only); PG_BIN=/usr/lib/postgresql/15/bin
#   WAIT_IDLE=1       before each engine, wait (up to WAIT_MINUTES=30) until the 1-minute load average is below MAX_LOAD
#                     (default 1.0); the report gives, per measurement, the CPU share other processes used meanwhile
#   OUT=DIR           keep the reports, the SQL of one request per page, the pages' HTML and the PDFs there (default: a temp dir)
#   KEEP=1            keep the temporary build folder
#
# Each engine runs in its own process: the app on Kestrel on a loopback port (Production environment, fresh
# database, migrations and reference data at start), seeded through its own AppDbContext; see Program.cs.
set -euo pipefail

REPO=$(cd "$(dirname "$0")/../.." && pwd)
ENGINES=${*:-sqlite postgres}
SOURCE=${SOURCE:-HEAD}
PG_PORT=${PG_PORT:-55445}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
log() { echo "[bench] $*" >&2; }

WORK=$(mktemp -d /tmp/masterplan-bench-catalogue.XXXXXX)
OUT=${OUT:-$WORK/out}
mkdir -p "$OUT"
PG_DIR=""
cleanup() {
  if [ -n "$PG_DIR" ] && [ -f "$PG_DIR/data/postmaster.pid" ]; then
    kill "$(head -1 "$PG_DIR/data/postmaster.pid")" 2>/dev/null || true
    sleep 1
  fi
  [ -z "$PG_DIR" ] || rm -rf "$PG_DIR"
  if [ "${KEEP:-0}" = 1 ]; then log "kept $WORK"; else case "$OUT" in "$WORK"/*) log "reports were in $OUT (removed; set OUT= to keep)";; esac; rm -rf "$WORK"; fi
}
trap cleanup EXIT

# ---- build (Release, in the temporary folder: no collision with builds in the working copy) ------------------------
mkdir -p "$WORK/tree/bench"
if [ "$SOURCE" = worktree ]; then
  SOURCE_DESC="working copy on $(git -C "$REPO" rev-parse --short HEAD)"
  tar -C "$REPO" --exclude=bin --exclude=obj --exclude='*.db*' -cf - Directory.Build.props Directory.Packages.props src | tar -C "$WORK/tree" -xf -
else
  SOURCE_DESC="commit $(git -C "$REPO" rev-parse --short "$SOURCE")"
  git -C "$REPO" archive "$SOURCE" Directory.Build.props Directory.Packages.props src | tar -x -C "$WORK/tree"
fi
tar -C "$REPO/bench" --exclude=bin --exclude=obj -cf - Catalogue | tar -C "$WORK/tree/bench" -xf -
log "building bench/Catalogue with src/ from $SOURCE_DESC (Release) in $WORK/tree"
dotnet build "$WORK/tree/bench/Catalogue" -c Release -nologo -v quiet >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; exit 1; }
BENCH="$WORK/tree/bench/Catalogue/bin/Release/net10.0/Catalogue.Bench.dll"

# ---- machine -------------------------------------------------------------------------------------------------------
wait_idle() {
  [ "${WAIT_IDLE:-0}" = 1 ] || return 0
  for _ in $(seq 1 $(( ${WAIT_MINUTES:-30} * 6 ))); do
    awk -v max="${MAX_LOAD:-1.0}" '{exit !($1 < max)}' /proc/loadavg && return 0
    log "load $(cut -d' ' -f1-3 /proc/loadavg), waiting for < ${MAX_LOAD:-1.0}"
    sleep 10
  done
  log "still busy after ${WAIT_MINUTES:-30} minutes: measuring anyway (see \"others' CPU\" in the report)"
}
echo "source: $SOURCE_DESC; $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo); $(. /etc/os-release && echo "$PRETTY_NAME"); SDK $(dotnet --version); wrk: $(command -v wrk || echo none)"

ARGS="--measures ${MEASURES:-5000} --pdf-measures ${PDF_MEASURES:-500} $( [ "${FULL_PDF:-1}" = 1 ] || echo --no-full-pdf )"
status=0
for engine in $ENGINES; do
  wait_idle
  case "$engine" in
    sqlite)
      echo
      dotnet "$BENCH" --engine sqlite --requests "${REQUESTS:-500}" --warmup "${WARMUP:-50}" --runs "${RUNS:-5}" $ARGS \
        $( [ "${WRK_SECONDS:-10}" = 0 ] && echo --no-wrk || echo --wrk-seconds "${WRK_SECONDS:-10}" ) --out "$OUT" \
        2>"$OUT/app-sqlite.log" | tee "$OUT/report-sqlite.md" || status=1
      echo "app log ($OUT/app-sqlite.log): $(grep -c 'warn:' "$OUT/app-sqlite.log" || true) warnings, $(grep -c 'fail:' "$OUT/app-sqlite.log" || true) errors" | tee -a "$OUT/report-sqlite.md"
      ;;
    postgres)
      # A throw-away server on a loopback port, as .ci/run starts one (but with the default fsync).
      [ -x "$PG_BIN/postgres" ] || { echo "PostgreSQL 15 is missing ($PG_BIN); apt-get install postgresql" >&2; exit 1; }
      [ "$(id -u)" -eq 0 ] || { echo "the PostgreSQL part starts a server as the postgres user: run as root" >&2; exit 1; }
      PG_DIR=$(mktemp -d /tmp/masterplan-bench-pg.XXXXXX)
      chown postgres:postgres "$PG_DIR"
      runuser -u postgres -- "$PG_BIN/initdb" -D "$PG_DIR/data" -A trust -U postgres >/dev/null
      runuser -u postgres -- "$PG_BIN/postgres" -D "$PG_DIR/data" -p "$PG_PORT" -k "$PG_DIR" \
        -c listen_addresses=127.0.0.1 -c max_connections=100 >"$PG_DIR/server.log" 2>&1 &
      for _ in $(seq 1 60); do "$PG_BIN/pg_isready" -h 127.0.0.1 -p "$PG_PORT" -q && break; sleep 0.5; done
      "$PG_BIN/pg_isready" -h 127.0.0.1 -p "$PG_PORT" -q || { cat "$PG_DIR/server.log" >&2; exit 1; }
      echo
      dotnet "$BENCH" --engine postgres --postgres "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres" \
        --pg-pid "$(head -1 "$PG_DIR/data/postmaster.pid")" --requests "${REQUESTS:-500}" --warmup "${WARMUP:-50}" --runs "${RUNS:-5}" $ARGS \
        $( [ "${WRK_SECONDS:-10}" = 0 ] && echo --no-wrk || echo --wrk-seconds "${WRK_SECONDS:-10}" ) --out "$OUT" \
        2>"$OUT/app-postgres.log" | tee "$OUT/report-postgres.md" || status=1
      echo "app log ($OUT/app-postgres.log): $(grep -c 'warn:' "$OUT/app-postgres.log" || true) warnings, $(grep -c 'fail:' "$OUT/app-postgres.log" || true) errors" | tee -a "$OUT/report-postgres.md"
      kill "$(head -1 "$PG_DIR/data/postmaster.pid")" 2>/dev/null || true
      sleep 1
      ;;
    *) echo "unknown engine $engine (sqlite, postgres)" >&2; exit 2 ;;
  esac
done
exit "$status"
