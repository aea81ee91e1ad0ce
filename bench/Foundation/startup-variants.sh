#!/usr/bin/env bash
# Investigation for the cold-start figure of run.sh: the same cold start (fresh copy of the publish folder,
# SQLite database created, migrated and seeded) and warm restart under build and runtime variants, run in
# turns (variant A, B, C, ..., A, B, C, ...) so that background load hits every variant alike.
#
# Usage: bench/Foundation/startup-variants.sh
#   settings: RUNS=5 PORT=(first free from 18890) SOURCE=HEAD|<revision>|worktree KEEP=1, WAIT_IDLE=1 (WAIT_MINUTES=10, MAX_LOAD=1.0)
# Besides wall time it reports the server's own CPU time until healthy, which background load disturbs less.
set -euo pipefail

REPO=$(cd "$(dirname "$0")/../.." && pwd)
RUNS=${RUNS:-5}
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
if [ -z "${PORT:-}" ]; then
  PORT=18890
  while port_open "$PORT"; do PORT=$((PORT + 1)); done
fi
SOURCE=${SOURCE:-HEAD}
BASE="http://127.0.0.1:$PORT"
log() { echo "[variants] $*" >&2; }
if port_open "$PORT"; then echo "port $PORT is in use; set PORT=" >&2; exit 1; fi

if [ "${WAIT_IDLE:-0}" = 1 ]; then
  for _ in $(seq 1 $(( ${WAIT_MINUTES:-10} * 6 ))); do
    awk -v max="${MAX_LOAD:-1.0}" '{exit !($1 < max)}' /proc/loadavg && break
    log "load $(cut -d' ' -f1-3 /proc/loadavg), waiting for < ${MAX_LOAD:-1.0}"
    sleep 10
  done
fi
TICK=$(getconf CLK_TCK)
COMMIT=$(git -C "$REPO" rev-parse --short "$([ "$SOURCE" = worktree ] && echo HEAD || echo "$SOURCE")")
WORK=$(mktemp -d /tmp/masterplan-bench-variants.XXXXXX)
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  if [ "${KEEP:-0}" = 1 ]; then log "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

mkdir -p "$WORK/src"
if [ "$SOURCE" = worktree ]; then
  tar -C "$REPO" --exclude=bin --exclude=obj --exclude=./data --exclude='*.db*' --exclude=node_modules -cf - . | tar -C "$WORK/src" -xf -
else
  git -C "$REPO" archive "$COMMIT" | tar -x -C "$WORK/src"
fi
log "publishing $COMMIT: portable Release (no runtime: JIT only), and ReadyToRun (-r linux-x64, framework-dependent, as run.sh)"
dotnet publish "$WORK/src/src/Masterplan.Web" -c Release -o "$WORK/plain" --nologo -v quiet >"$WORK/publish-plain.log" 2>&1 \
  || { cat "$WORK/publish-plain.log" >&2; exit 1; }
dotnet publish "$WORK/src/src/Masterplan.Web" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  -o "$WORK/r2r" --nologo -v quiet >"$WORK/publish-r2r.log" 2>&1 || { cat "$WORK/publish-r2r.log" >&2; exit 1; }

# name|publish folder|environment (space-separated VAR=value, or -)
VARIANTS=(
  "JIT only (\`publish -c Release\`)|plain|-"
  "JIT only, DOTNET_TieredPGO=0|plain|DOTNET_TieredPGO=0"
  "JIT only, workstation GC (DOTNET_gcServer=0)|plain|DOTNET_gcServer=0"
  "ReadyToRun (\`publish -c Release -r linux-x64\`, as run.sh)|r2r|-"
  "ReadyToRun, DOTNET_TieredPGO=0|r2r|DOTNET_TieredPGO=0"
  "ReadyToRun, workstation GC (DOTNET_gcServer=0)|r2r|DOTNET_gcServer=0"
)

now_ms() { local t=${EPOCHREALTIME/./}; echo $(( t / 1000 )); }
proc_cpu_ms() { local line; read -r line <"/proc/$1/stat"; line=${line##*) }; set -- $line; echo $(( (${12} + ${13}) * 1000 / TICK )); }
start_and_time() { # DIR ENV -> prints "ms rss_mb cpu_ms"
  local dir=$1 envs=$2 code
  if [ "$envs" = - ]; then envs=""; fi
  if port_open "$PORT"; then echo "port $PORT was taken by another process during the run; set PORT=" >&2; return 1; fi
  local start; start=$(now_ms)
  # shellcheck disable=SC2086
  (cd "$dir" && exec env $envs dotnet Masterplan.Web.dll --urls "$BASE" >>"$dir.log" 2>&1) &
  SERVER_PID=$!
  for _ in $(seq 1 3000); do
    port_open "$PORT" || { kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.02; continue; }
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$BASE/health" || true)
    if [ "$code" = 200 ]; then
      echo "$(( $(now_ms) - start )) $(awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$SERVER_PID/status") $(proc_cpu_ms "$SERVER_PID")"
      kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""
      return 0
    fi
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "server exited during start, see $dir.log" >&2; return 1; }
    sleep 0.02
  done
  echo "no healthy /health within 60 s" >&2; return 1
}

declare -A COLD WARM RSS CCPU WCPU
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
for i in $(seq 1 "$RUNS"); do
  for v in "${!VARIANTS[@]}"; do
    IFS='|' read -r name folder envs <<<"${VARIANTS[$v]}"
    dir="$WORK/v$v-run$i"; cp -a "$WORK/$folder" "$dir"
    read -r ms rss cpu <<<"$(start_and_time "$dir" "$envs")"
    COLD[$v]="${COLD[$v]:-} $ms"; RSS[$v]="${RSS[$v]:-} $rss"; CCPU[$v]="${CCPU[$v]:-} $cpu"
    read -r wms _ wcpu <<<"$(start_and_time "$dir" "$envs")"
    WARM[$v]="${WARM[$v]:-} $wms"; WCPU[$v]="${WCPU[$v]:-} $wcpu"
    log "run $i, $name: cold $ms ms (CPU $cpu ms, RSS $rss MB), warm $wms ms (CPU $wcpu ms)"
    rm -rf "$dir"
  done
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

stats_s() { echo "$1" | tr ' ' '\n' | awk 'NF' | sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.2f s / %.2f s", m/1000, a[NR]/1000}'; }
med() { echo "$1" | tr ' ' '\n' | awk 'NF' | sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.0f", m}'; }

echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC'); commit $COMMIT; $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'); load before $LOAD_BEFORE, after $LOAD_AFTER"
echo "- Command: \`bench/Foundation/startup-variants.sh\` (RUNS=$RUNS, variants in turns)"
echo
echo "| Variant | Cold start, median / max | server CPU, median | Warm restart, median / max | server CPU, median | VmRSS at first healthy /health, median |"
echo "|---|---|---|---|---|---|"
for v in "${!VARIANTS[@]}"; do
  IFS='|' read -r name _ _ <<<"${VARIANTS[$v]}"
  echo "| $name | $(stats_s "${COLD[$v]}") | $(awk -v m="$(med "${CCPU[$v]}")" 'BEGIN {printf "%.2f s", m/1000}') | $(stats_s "${WARM[$v]}") | $(awk -v m="$(med "${WCPU[$v]}")" 'BEGIN {printf "%.2f s", m/1000}') | $(med "${RSS[$v]}") MB |"
done
