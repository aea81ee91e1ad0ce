#!/usr/bin/env bash
# The driver both HTTP benchmarks share (bench/Catalogue/run.sh and bench/Meetings/run.sh source it and call
# http_bench): builds the harness in Release in a temporary folder, then runs it once per engine, each in its own
# process, the PostgreSQL part against a throw-away server on a loopback port. The settings (environment) are
# described in the two run.sh files.
#
# http_bench NAME DEFAULT_REQUESTS DEFAULT_PG_PORT [EXTRA ARGUMENT …] -- [ENGINE …]
#   NAME               the harness folder under bench/ (Catalogue, Meetings); its project is NAME.Bench.csproj
#   EXTRA ARGUMENT     passed to the harness as they are (its own options, e.g. --measures 5000)
#   ENGINE             sqlite, postgres (default: both)
set -euo pipefail

http_bench() {
  local name=$1 default_requests=$2 default_pg_port=$3
  shift 3
  local extra=()
  while [ $# -gt 0 ] && [ "$1" != -- ]; do extra+=("$1"); shift; done
  [ $# -gt 0 ] && shift
  local engines=${*:-sqlite postgres}
  local lower
  lower=$(echo "$name" | tr '[:upper:]' '[:lower:]')

  REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
  SOURCE=${SOURCE:-HEAD}
  PG_PORT=${PG_PORT:-$default_pg_port}
  PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
  export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

  WORK=$(mktemp -d "/tmp/masterplan-bench-$lower.XXXXXX")
  OUT=${OUT:-$WORK/out}
  mkdir -p "$OUT"
  PG_DIR=""
  trap http_bench_cleanup EXIT

  # ---- build (Release, in the temporary folder: no collision with builds in the working copy) ----------------------
  mkdir -p "$WORK/tree/bench"
  if [ "$SOURCE" = worktree ]; then
    SOURCE_DESC="working copy on $(git -C "$REPO" rev-parse --short HEAD)"
    tar -C "$REPO" --exclude=bin --exclude=obj --exclude='*.db*' -cf - Directory.Build.props Directory.Packages.props src | tar -C "$WORK/tree" -xf -
  else
    SOURCE_DESC="commit $(git -C "$REPO" rev-parse --short "$SOURCE")"
    git -C "$REPO" archive "$SOURCE" Directory.Build.props Directory.Packages.props src | tar -x -C "$WORK/tree"
  fi
  tar -C "$REPO/bench" --exclude=bin --exclude=obj -cf - Common "$name" | tar -C "$WORK/tree/bench" -xf -
  bench_log "building bench/$name with src/ from $SOURCE_DESC (Release) in $WORK/tree"
  dotnet build "$WORK/tree/bench/$name" -c Release -nologo -v quiet >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; exit 1; }
  local bench="$WORK/tree/bench/$name/bin/Release/net10.0/$name.Bench.dll"

  echo "source: $SOURCE_DESC; $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo); $(. /etc/os-release && echo "$PRETTY_NAME"); SDK $(dotnet --version); wrk: $(command -v wrk || echo none)"

  local common=(--requests "${REQUESTS:-$default_requests}" --warmup "${WARMUP:-50}" --runs "${RUNS:-5}" "${extra[@]}" --out "$OUT")
  if [ "${WRK_SECONDS:-10}" = 0 ]; then common+=(--no-wrk); else common+=(--wrk-seconds "${WRK_SECONDS:-10}"); fi
  local status=0 engine
  for engine in $engines; do
    bench_wait_idle
    case "$engine" in
      sqlite)
        echo
        dotnet "$bench" --engine sqlite "${common[@]}" 2>"$OUT/app-sqlite.log" | tee "$OUT/report-sqlite.md" || status=1
        bench_log_summary "$OUT/app-sqlite.log" | tee -a "$OUT/report-sqlite.md"
        ;;
      postgres)
        bench_start_postgres
        echo
        dotnet "$bench" --engine postgres --postgres "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres" \
          --pg-pid "$(head -1 "$PG_DIR/data/postmaster.pid")" "${common[@]}" \
          2>"$OUT/app-postgres.log" | tee "$OUT/report-postgres.md" || status=1
        bench_log_summary "$OUT/app-postgres.log" | tee -a "$OUT/report-postgres.md"
        kill "$(head -1 "$PG_DIR/data/postmaster.pid")" 2>/dev/null || true
        sleep 1
        ;;
      *) echo "unknown engine $engine (sqlite, postgres)" >&2; exit 2 ;;
    esac
  done
  return "$status"
}

bench_log() { echo "[bench] $*" >&2; }

http_bench_cleanup() {
  if [ -n "$PG_DIR" ] && [ -f "$PG_DIR/data/postmaster.pid" ]; then
    kill "$(head -1 "$PG_DIR/data/postmaster.pid")" 2>/dev/null || true
    sleep 1
  fi
  [ -z "$PG_DIR" ] || rm -rf "$PG_DIR"
  if [ "${KEEP:-0}" = 1 ]; then bench_log "kept $WORK"; else case "$OUT" in "$WORK"/*) bench_log "reports were in $OUT (removed; set OUT= to keep)";; esac; rm -rf "$WORK"; fi
}

# WAIT_IDLE=1: wait (up to WAIT_MINUTES=30) until the 1-minute load average is below MAX_LOAD (default 1.0).
bench_wait_idle() {
  [ "${WAIT_IDLE:-0}" = 1 ] || return 0
  for _ in $(seq 1 $(( ${WAIT_MINUTES:-30} * 6 ))); do
    awk -v max="${MAX_LOAD:-1.0}" '{exit !($1 < max)}' /proc/loadavg && return 0
    bench_log "load $(cut -d' ' -f1-3 /proc/loadavg), waiting for < ${MAX_LOAD:-1.0}"
    sleep 10
  done
  bench_log "still busy after ${WAIT_MINUTES:-30} minutes: measuring anyway (see \"others' CPU\" in the report)"
}

# A throw-away server on a loopback port, as .ci/run starts one (but with the default fsync), in a new folder under
# PG_PARENT (default /tmp); PG_OPTS adds server settings (e.g. "-c fsync=on -c max_connections=300"; later ones win).
bench_start_postgres() {
  [ -x "$PG_BIN/postgres" ] || { echo "PostgreSQL 15 is missing ($PG_BIN); apt-get install postgresql" >&2; exit 1; }
  [ "$(id -u)" -eq 0 ] || { echo "the PostgreSQL part starts a server as the postgres user: run as root" >&2; exit 1; }
  PG_DIR=$(mktemp -d "${PG_PARENT:-/tmp}/masterplan-bench-pg.XXXXXX")
  chown postgres:postgres "$PG_DIR"
  runuser -u postgres -- "$PG_BIN/initdb" -D "$PG_DIR/data" -A trust -U postgres >/dev/null
  # shellcheck disable=SC2086 # PG_OPTS is a list of arguments
  runuser -u postgres -- "$PG_BIN/postgres" -D "$PG_DIR/data" -p "$PG_PORT" -k "$PG_DIR" \
    -c listen_addresses=127.0.0.1 -c max_connections=100 ${PG_OPTS:-} >"$PG_DIR/server.log" 2>&1 &
  for _ in $(seq 1 60); do "$PG_BIN/pg_isready" -h 127.0.0.1 -p "$PG_PORT" -q && break; sleep 0.5; done
  "$PG_BIN/pg_isready" -h 127.0.0.1 -p "$PG_PORT" -q || { cat "$PG_DIR/server.log" >&2; exit 1; }
}

# The app log's warnings and errors; antiforgery's "Cache-Control … overridden" warnings counted apart (they are expected).
bench_log_summary() {
  echo "app log ($1): $(grep -c 'warn:' "$1" || true) warnings, of them $(grep -c 'DefaultAntiforgery\[8\]' "$1" || true) 'Cache-Control … overridden' from antiforgery; $(grep -c 'fail:' "$1" || true) errors"
}
