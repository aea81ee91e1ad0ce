#!/usr/bin/env bash
# Stage 1 of the Quartierslabore draw (docs/domain.md#two-stage-draw): import a synthetic 600,000-row register extract of Dortmund
# and draw 5,000 invitees stratified by sub-district × age band × gender (plus 5,000 registration codes).
# Each run is a fresh process, timed from outside with /usr/bin/time (wall, CPU, peak resident memory) and from
# inside (read / draw / codes). Prints the runs and the medians. Target: ≤ 10 s and ≤ 1 GB.
#   RUNS=3 ROWS=600000 INVITEES=5000 bench/Sortition/stage1.sh        (CLI=1 also times 'masterplan sortition invite';
#   WAIT_IDLE=1 MAX_LOAD=1.0 first waits, up to 30 minutes, until the 1-minute load average is below MAX_LOAD)
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${RUNS:-3}
ROWS=${ROWS:-600000}
INVITEES=${INVITEES:-5000}
DATA=${DATA:-/tmp/masterplan-register-$ROWS.csv}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build -c Release bench/Sortition -v q -nologo >/dev/null
BENCH=bench/Sortition/bin/Release/net10.0/Sortition.Bench.dll
[ -f "$DATA" ] || dotnet "$BENCH" stage1 generate "$DATA" "$ROWS"
echo "extract: $DATA, $(wc -l <"$DATA") lines, $(stat -c %s "$DATA") bytes, sha256 $(sha256sum "$DATA" | cut -c1-16)…"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GiB; $(dotnet --version) SDK; $(date -u '+%Y-%m-%d %H:%M UTC')"
if [ "${WAIT_IDLE:-0}" = 1 ]; then
  for _ in $(seq 360); do
    awk -v max="${MAX_LOAD:-1.0}" '{ exit !($1 < max) }' /proc/loadavg && break
    sleep 5
  done
fi
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

run() { # label, command...
  local label=$1; shift
  local out
  out=$( { /usr/bin/time -f "wall_s %e user_s %U sys_s %S maxrss_kb %M" "$@" >/tmp/stage1-stdout.$$; } 2>&1 )
  echo "$label $(tail -1 /tmp/stage1-stdout.$$) $out"
}

results=()
for i in $(seq "$RUNS"); do
  line=$(run "bench run $i:" dotnet "$BENCH" stage1 run "$DATA" "$INVITEES")
  echo "$line"
  results+=("$line")
done
printf '%s\n' "${results[@]}" | awk '
  { for (i = 1; i <= NF; i++) v[$i] = $(i + 1); wall[NR] = v["wall_s"]; tot[NR] = v["total_s"]; rd[NR] = v["read_s"]; dr[NR] = v["draw_s"]; cpu[NR] = v["user_s"] + v["sys_s"]; rss[NR] = v["maxrss_kb"] }
  function median(a, n,   i, j, t, b) { for (i = 1; i <= n; i++) b[i] = a[i]; for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (b[j] < b[i]) { t = b[i]; b[i] = b[j]; b[j] = t }; return b[int((n + 1) / 2)] }
  function max(a, n,   i, m) { m = a[1]; for (i = 2; i <= n; i++) if (a[i] > m) m = a[i]; return m }
  END { printf "median of %d: process wall %.2f s (CPU %.2f s), import+draw+codes %.2f s (import %.2f s, draw %.3f s); peak RSS max %.0f MB\n", NR, median(wall, NR), median(cpu, NR), median(tot, NR), median(rd, NR), median(dr, NR), max(rss, NR) / 1024 }'

if [ "${CLI:-0}" = 1 ]; then
  dotnet build -c Release src/Masterplan.Cli -v q -nologo >/dev/null
  for i in $(seq "$RUNS"); do
    run "cli run $i:" dotnet src/Masterplan.Cli/bin/Release/net10.0/masterplan.dll sortition invite --register "$DATA" --invitees "$INVITEES" --stratify \
      --seed "bench stage 1" --reference-date 2026-11-23 --out /tmp/stage1-invitees.$$.json | cut -c1-400
  done
  rm -f /tmp/stage1-invitees.$$.json
fi
rm -f /tmp/stage1-stdout.$$
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
