#!/usr/bin/env bash
# Foundation benchmark (targets in docs/domain.md#performance-targets): cold start to the first healthy /health on SQLite, resident memory,
# and the start page's requests per second next to a bare endpoint returning the same number of bytes.
#
# Usage: bench/Foundation/run.sh            (as root if wrk has to be installed)
# Settings (environment):
#   RUNS=5          cold starts and warm restarts
#   DURATION=15s    length of each measured wrk run; WARMUP=5s per endpoint before the measured runs
#   PORT            loopback port (only 127.0.0.1 is ever used); default: the first free one from 18790
#   SOURCE=HEAD     build this commit (any git revision, via git archive); SOURCE=worktree builds the working copy
#   WAIT_IDLE=1     wait (up to WAIT_MINUTES=10) until the 1-minute load average is below MAX_LOAD (default 1.0)
#   KEEP=1          keep the temporary folder (build, databases, server logs, wrk output)
#   DOTNET_*        runtime settings (e.g. DOTNET_gcServer=0) reach the server unchanged and are listed in the report
#
# The app is published as the docs (docs/operations.md) say for a server: `dotnet publish -c Release -r linux-x64
# --self-contained false`, which the project makes ReadyToRun (precompiled) since b777f9e; the report says
# whether the published Masterplan.Web.dll actually is ReadyToRun (older commits are not).
#
# Every start runs the published Release build as `dotnet Masterplan.Web.dll --urls http://127.0.0.1:PORT`.
# A cold start runs in a fresh copy of the publish folder (working directory and content root, as in a
# deployment) without ./data/, so ./data/masterplan.db is created, migrated and seeded in that start; a warm
# restart runs again in the first copy. A separate row starts the app from a fresh EMPTY working directory
# (`dotnet <publish>/Masterplan.Web.dll`): the content root is then that directory, so appsettings.json
# (log levels) and wwwroot are not found, and the database lands in <empty dir>/data/.
#
# The machine may be shared: for every start and every wrk run the script also reports the CPU time that
# OTHER processes used in that interval (from /proc/stat minus the server's and wrk's own CPU time), in % of
# all cores. Near 0 % means the figure was taken on an otherwise idle machine.
set -euo pipefail

REPO=$(cd "$(dirname "$0")/../.." && pwd)
RUNS=${RUNS:-5}
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-5s}
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
if [ -z "${PORT:-}" ]; then
  PORT=18790
  while port_open "$PORT"; do PORT=$((PORT + 1)); done
fi
SOURCE=${SOURCE:-HEAD}
MAX_LOAD=${MAX_LOAD:-1.0}
THREADS=2
CONNECTIONS=16
BASE="http://127.0.0.1:$PORT"

log() { echo "[bench] $*" >&2; }

# ---- tools ------------------------------------------------------------------------------------------------
if ! command -v wrk >/dev/null; then
  log "wrk missing: installing it from Debian"
  if [ "$(id -u)" -ne 0 ]; then echo "wrk is missing; run as root or: apt-get install -y wrk" >&2; exit 1; fi
  apt-get install -y -o DPkg::Lock::Timeout=300 wrk >/dev/null 2>&1 \
    || { apt-get update -o DPkg::Lock::Timeout=300 >/dev/null && apt-get install -y -o DPkg::Lock::Timeout=300 wrk >/dev/null; }
fi
for tool in curl dotnet git; do command -v "$tool" >/dev/null || { echo "$tool is missing" >&2; exit 1; }; done
if port_open "$PORT"; then echo "port $PORT is in use; set PORT=" >&2; exit 1; fi

# ---- machine ----------------------------------------------------------------------------------------------
if [ "${WAIT_IDLE:-0}" = 1 ]; then
  for _ in $(seq 1 $(( ${WAIT_MINUTES:-10} * 6 ))); do
    awk -v max="$MAX_LOAD" '{exit !($1 < max)}' /proc/loadavg && break
    log "load $(cut -d' ' -f1-3 /proc/loadavg), waiting for < $MAX_LOAD"
    sleep 10
  done
fi
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
CPU_MODEL=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
RAM_GB=$(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)
COMMIT=$(git -C "$REPO" rev-parse --short "$([ "$SOURCE" = worktree ] && echo HEAD || echo "$SOURCE")")
TICK=$(getconf CLK_TCK)

WORK=$(mktemp -d /tmp/masterplan-bench-foundation.XXXXXX)
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  if [ "${KEEP:-0}" = 1 ]; then log "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

# ---- build ------------------------------------------------------------------------------------------------
mkdir -p "$WORK/src"
if [ "$SOURCE" = worktree ]; then
  SOURCE_DESC="working copy on $COMMIT"
  tar -C "$REPO" --exclude=bin --exclude=obj --exclude=./data --exclude='*.db*' --exclude=node_modules -cf - . | tar -C "$WORK/src" -xf -
else
  SOURCE_DESC="commit $COMMIT"
  git -C "$REPO" archive "$COMMIT" | tar -x -C "$WORK/src"
fi
log "publishing ($SOURCE_DESC, Release) into $WORK/publish"
dotnet publish "$WORK/src/src/Masterplan.Web" -c Release -r linux-x64 --self-contained false -o "$WORK/publish" --nologo -v quiet >"$WORK/publish.log" 2>&1 \
  || { cat "$WORK/publish.log" >&2; exit 1; }
PUB="$WORK/publish"
GC_SERVER=$(grep -o '"System.GC.Server": *[a-z]*' "$PUB/Masterplan.Web.runtimeconfig.json" | awk '{print $2}')
GC_SERVER=${GC_SERVER:-default}
# ReadyToRun images carry the managed-native header signature "RTR" (0x00525452) in their R2R header.
if LC_ALL=C grep -q -a -P 'RTR\x00' "$PUB/Masterplan.Web.dll"; then R2R="ReadyToRun"; else R2R="not ReadyToRun (JIT only)"; fi
DOTNET_ENV=$(env | grep '^DOTNET_' | grep -v -e '^DOTNET_ROOT' -e '^DOTNET_CLI' -e '^DOTNET_NOLOGO' -e '^DOTNET_SKIP' | sort | tr '\n' ' ' || true)

# ---- helpers (no process is spawned while a start is being timed, except one curl per open port) --------
now_us() { echo "${EPOCHREALTIME/./}"; }
# machine_cpu: sets M_BUSY and M_TOTAL (clock ticks over all cores since boot)
machine_cpu() {
  local _c u n s i w q sq st
  read -r _c u n s i w q sq st _ </proc/stat
  M_BUSY=$((u + n + s + q + sq + st)); M_TOTAL=$((M_BUSY + i + w))
}
# proc_cpu PID: prints user+system clock ticks of a process
proc_cpu() {
  local line; read -r line <"/proc/$1/stat"; line=${line##*) }
  # shellcheck disable=SC2086
  set -- $line; echo $(( ${12} + ${13} ))
}
# children_cpu: user+system clock ticks of this shell's waited-for descendants
children_cpu() {
  local line; read -r line <"/proc/$$/stat"; line=${line##*) }
  # shellcheck disable=SC2086
  set -- $line; echo $(( ${14} + ${15} ))
}

# deploy DIR: a fresh copy of the publish folder (no ./data/).
deploy() { cp -a "$PUB" "$1"; }

# start_server DIR DLL ARGS... : launches `dotnet DLL` with DIR as working directory; sets SERVER_PID.
start_server() {
  local dir=$1 dll=$2; shift 2
  mkdir -p "$dir"
  # Another server on the port would answer /health in our place (e.g. a second run of this script).
  if port_open "$PORT"; then echo "port $PORT was taken by another process during the run; set PORT=" >&2; exit 1; fi
  machine_cpu; START_BUSY=$M_BUSY; START_TOTAL=$M_TOTAL
  START_US=$(now_us)
  (cd "$dir" && exec dotnet "$dll" --urls "$BASE" "$@" >>"$dir.log" 2>&1) &
  SERVER_PID=$!
}

# wait_healthy: waits until /health answers 200 (connect attempts every 20 ms, then one GET per open port).
# Sets HEALTHY_MS (since launch), SERVER_CPU_MS (server CPU time until then), OTHERS_PCT (other processes).
wait_healthy() {
  local code deadline=$(( START_US + 60000000 ))
  while :; do
    if port_open "$PORT"; then
      code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$BASE/health" || true)
      if [ "$code" = 200 ]; then
        HEALTHY_MS=$(( ($(now_us) - START_US) / 1000 ))
        local own; own=$(proc_cpu "$SERVER_PID"); machine_cpu
        SERVER_CPU_MS=$(( own * 1000 / TICK ))
        OTHERS_PCT=$(( (M_BUSY - START_BUSY - own) * 100 / (M_TOTAL - START_TOTAL > 0 ? M_TOTAL - START_TOTAL : 1) ))
        [ "$OTHERS_PCT" -lt 0 ] && OTHERS_PCT=0
        return 0
      fi
    fi
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "server exited during start, see its log in $WORK" >&2; return 1; }
    [ "$(now_us)" -lt "$deadline" ] || { echo "no healthy /health within 60 s" >&2; return 1; }
    sleep 0.02
  done
}

rss_mb() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$SERVER_PID/status"; }
hwm_mb() { awk '/VmHWM/ {printf "%.0f", $2/1024}' "/proc/$SERVER_PID/status"; }

stop_server() {
  kill "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
}

# run_wrk URL DURATION: sets WRK_RPS, WRK_P50, WRK_P99 and WRK_OTHERS (CPU % of other processes during the run);
# fails on socket errors or non-2xx responses.
run_wrk() {
  local c0 s0 b0 t0 out
  c0=$(children_cpu); s0=$(proc_cpu "$SERVER_PID"); machine_cpu; b0=$M_BUSY; t0=$M_TOTAL
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2" --latency "$1" >"$WORK/wrk.out"
  local c1 s1; c1=$(children_cpu); s1=$(proc_cpu "$SERVER_PID"); machine_cpu
  WRK_OTHERS=$(( (M_BUSY - b0 - (s1 - s0) - (c1 - c0)) * 100 / (M_TOTAL - t0) ))
  [ "$WRK_OTHERS" -lt 0 ] && WRK_OTHERS=0
  out=$(cat "$WORK/wrk.out"); echo "$out" >>"$WORK/wrk.log"
  if echo "$out" | grep -q -e 'Non-2xx' -e 'Socket errors'; then echo "$out" >&2; echo "wrk reported errors for $1" >&2; return 1; fi
  WRK_RPS=$(echo "$out" | awk '/Requests\/sec/ {printf "%.0f", $2}')
  WRK_P50=$(echo "$out" | awk '$1 == "50%" {print $2}')
  WRK_P99=$(echo "$out" | awk '$1 == "99%" {print $2}')
}

# ---- 1. cold starts (database created, migrated, seeded) and warm restarts ---------------------------------
COLD=""; COLD_CPU=""; COLD_OTHERS=""; RSS_START=""; WARM=""; WARM_CPU=""; WARM_OTHERS=""
for i in $(seq 1 "$RUNS"); do
  deploy "$WORK/cold$i"
  start_server "$WORK/cold$i" Masterplan.Web.dll
  wait_healthy
  COLD="$COLD $HEALTHY_MS"; COLD_CPU="$COLD_CPU $SERVER_CPU_MS"; COLD_OTHERS="$COLD_OTHERS $OTHERS_PCT"
  rss=$(rss_mb); RSS_START="$RSS_START $rss"
  log "cold start $i: $HEALTHY_MS ms (server CPU $SERVER_CPU_MS ms, others $OTHERS_PCT %), RSS $rss MB"
  stop_server
done
[ -f "$WORK/cold1/data/masterplan.db" ] || { echo "no database under ./data/ after the cold start" >&2; exit 1; }
for i in $(seq 1 "$RUNS"); do
  start_server "$WORK/cold1" Masterplan.Web.dll
  wait_healthy
  WARM="$WARM $HEALTHY_MS"; WARM_CPU="$WARM_CPU $SERVER_CPU_MS"; WARM_OTHERS="$WARM_OTHERS $OTHERS_PCT"
  log "warm restart $i: $HEALTHY_MS ms (server CPU $SERVER_CPU_MS ms, others $OTHERS_PCT %)"
  stop_server
done
# Cold start from a fresh empty working directory (content root = that directory: no appsettings.json, no wwwroot).
EMPTY=""; EMPTY_OTHERS=""
for i in $(seq 1 "$RUNS"); do
  start_server "$WORK/empty$i" "$PUB/Masterplan.Web.dll"
  wait_healthy
  EMPTY="$EMPTY $HEALTHY_MS"; EMPTY_OTHERS="$EMPTY_OTHERS $OTHERS_PCT"
  log "cold start from an empty working directory $i: $HEALTHY_MS ms (server CPU $SERVER_CPU_MS ms, others $OTHERS_PCT %)"
  stop_server
done
[ -f "$WORK/empty1/data/masterplan.db" ] || { echo "no database under ./data/ of the empty working directory" >&2; exit 1; }
LOAD_AFTER_STARTS=$(cut -d' ' -f1-3 /proc/loadavg)

# ---- 2./3. memory and throughput: one cold-started server with the bare endpoint ---------------------------
deploy "$WORK/load"
start_server "$WORK/load" Masterplan.Web.dll --Bench:BareEndpoint=true
wait_healthy
LOAD_START_MS=$HEALTHY_MS
RSS_AT_HEALTHY=$(rss_mb)
sleep 2
RSS_AFTER_START=$(rss_mb)
BYTES=$(curl -s "$BASE/" | wc -c)
BARE_BYTES=$(curl -s "$BASE/bench/bare?bytes=$BYTES" | wc -c)
[ "$BYTES" = "$BARE_BYTES" ] || { echo "bare endpoint returned $BARE_BYTES bytes, start page $BYTES" >&2; exit 1; }
PAGE_URL="$BASE/"; BARE_URL="$BASE/bench/bare?bytes=$BYTES"
log "start page: $BYTES bytes; warming up ($WARMUP each)"
run_wrk "$BARE_URL" "$WARMUP"
run_wrk "$PAGE_URL" "$WARMUP"
BARE_RUNS=""; PAGE_RUNS=""; BARE_LAT=""; PAGE_LAT=""; WRK_OTHERS_ALL=""
for round in 1 2; do
  run_wrk "$BARE_URL" "$DURATION"; BARE_RUNS="$BARE_RUNS $WRK_RPS"; BARE_LAT="$BARE_LAT $WRK_P50/$WRK_P99"; WRK_OTHERS_ALL="$WRK_OTHERS_ALL $WRK_OTHERS"
  log "bare round $round: $WRK_RPS req/s (p50/p99 $WRK_P50/$WRK_P99, others $WRK_OTHERS %)"
  run_wrk "$PAGE_URL" "$DURATION"; PAGE_RUNS="$PAGE_RUNS $WRK_RPS"; PAGE_LAT="$PAGE_LAT $WRK_P50/$WRK_P99"; WRK_OTHERS_ALL="$WRK_OTHERS_ALL $WRK_OTHERS"
  log "page round $round: $WRK_RPS req/s (p50/p99 $WRK_P50/$WRK_P99, others $WRK_OTHERS %)"
done
RSS_AFTER_LOAD=$(rss_mb); HWM=$(hwm_mb)
stop_server
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# ---- report -----------------------------------------------------------------------------------------------
sorted() { echo "$1" | tr ' ' '\n' | awk 'NF' | sort -n; }
median() { sorted "$1" | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.0f", m}'; }
maxof() { sorted "$1" | tail -1; }
mean() { sorted "$1" | awk '{s+=$1; n++} END {printf "%.0f", s/n}'; }
secs() { awk -v v="$1" 'BEGIN {printf "%.2f", v/1000}'; }
stats_s() { echo "$(secs "$(median "$1")") s / $(secs "$(maxof "$1")") s"; }
list_s() { echo "$1" | tr ' ' '\n' | awk 'NF {printf "%s%.2f", (n++ ? ", " : ""), $1/1000}'; }
list() { echo "$1" | tr ' ' '\n' | awk 'NF {printf "%s%s", (n++ ? ", " : ""), $1}'; }
yes_no() { if awk "BEGIN {exit !($1)}"; then echo yes; else echo "**no**"; fi; }
others() { echo "median $(median "$1") %, max $(maxof "$1") %"; }

BARE_MEAN=$(mean "$BARE_RUNS"); PAGE_MEAN=$(mean "$PAGE_RUNS")
RATIO=$(awk -v p="$PAGE_MEAN" -v b="$BARE_MEAN" 'BEGIN {printf "%.1f", 100*p/b}')
COLD_MAX=$(maxof "$COLD"); RSS_MAX=$(maxof "$RSS_START")

cat <<EOF
- Date: $(date -u '+%Y-%m-%d %H:%M UTC'); source: $SOURCE_DESC; .NET SDK $(dotnet --version), runtime $(dotnet --list-runtimes | awk '/Microsoft.AspNetCore.App/ {v=$2} END {print v}'); \`dotnet publish -c Release -r linux-x64 --self-contained false\` ($R2R, framework-dependent; runtimeconfig server GC: $GC_SERVER)${DOTNET_ENV:+; environment: \`${DOTNET_ENV% }\`}
- Machine: $(nproc) cores (\`nproc\`), CPU "$CPU_MODEL" (/proc/cpuinfo), $RAM_GB RAM; $(. /etc/os-release && echo "$PRETTY_NAME")
- Load average (1/5/15 min): before $LOAD_BEFORE; after the starts $LOAD_AFTER_STARTS; after the load test $LOAD_AFTER.
  CPU used by other processes (% of all cores) during the cold starts: $(others "$COLD_OTHERS"); warm restarts: $(others "$WARM_OTHERS"); wrk runs: $(others "$WRK_OTHERS_ALL")
- Command: \`bench/Foundation/run.sh\` (RUNS=$RUNS; \`wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency\`, $WARMUP warm-up per endpoint, runs in the order bare, page, bare, page; wrk on the same machine, 127.0.0.1 only)
- Start: \`cd <fresh copy of the publish folder, no data/> && dotnet Masterplan.Web.dll --urls http://127.0.0.1:$PORT\`; time from launch to the first HTTP 200 of \`/health\` (connect attempt every 20 ms)

| Figure | Result | Target | Met |
|---|---|---|---|
| Cold start to healthy \`/health\` (SQLite database created, migrated, seeded), median / max of $RUNS | $(stats_s "$COLD") ($(list_s "$COLD")) | ≤ 3 s | $(yes_no "$COLD_MAX <= 3000") |
| … server process CPU time (user+sys) in those cold starts, median | $(secs "$(median "$COLD_CPU")") s | – | – |
| Warm restart (database already there), median / max of $RUNS | $(stats_s "$WARM") ($(list_s "$WARM")); CPU $(secs "$(median "$WARM_CPU")") s | – | – |
| Cold start from an empty working directory, \`dotnet <publish>/Masterplan.Web.dll\` (appsettings.json not read), median / max of $RUNS | $(stats_s "$EMPTY") ($(list_s "$EMPTY")) | – | – |
| Resident memory (VmRSS) at the first healthy \`/health\`, median / max of $RUNS cold starts | $(median "$RSS_START") MB / $RSS_MAX MB | ≤ 250 MB | $(yes_no "$RSS_MAX <= 250") |
| Resident memory of the load-test server at healthy / 2 s later (its cold start: $(secs "$LOAD_START_MS") s) | $RSS_AT_HEALTHY MB / $RSS_AFTER_START MB | ≤ 250 MB | $(yes_no "$RSS_AFTER_START <= 250") |
| Resident memory after the load test (peak VmHWM) | $RSS_AFTER_LOAD MB ($HWM MB) | – | – |
| Bare endpoint \`/bench/bare?bytes=$BYTES\`, req/s, mean (runs 1, 3; latency p50/p99) | $BARE_MEAN ($(list "$BARE_RUNS"); $(list "$BARE_LAT")) | – | – |
| Start page \`/\` ($BYTES bytes), req/s, mean (runs 2, 4; latency p50/p99) | $PAGE_MEAN ($(list "$PAGE_RUNS"); $(list "$PAGE_LAT")) | – | – |
| Start page / bare | $RATIO % | ≥ 25 % | $(yes_no "$RATIO >= 25") |
EOF
