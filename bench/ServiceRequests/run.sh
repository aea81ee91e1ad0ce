#!/usr/bin/env bash
# Meldungen / Open311 benchmark (issue "Meldungen", section Performance): PostgreSQL (PostGIS) with 1,000,000 reports over
# Dortmund loaded by binary COPY, SQLite with 100,000; the map query for a viewport (at most 500 points) p95 ≤ 30 ms for a
# city-wide, a district-sized and a street-sized box; Open311 GET requests.json with 1,000 results ≥ 200 requests/s;
# Open311 POST (api_key) ≥ 300/s, each acknowledged after its commit, next to a bare INSERT loop in the same run.
# The kill -9 test is bench/ServiceRequests/kill9.sh.
#
# Usage: bench/ServiceRequests/run.sh [sqlite] [postgres]      (default: both; as root for the PostgreSQL part; ~8 minutes
# on the shared 2-core machine, build included)
# Settings (environment):
#   SOURCE=HEAD       the app (src/) is built from this commit via git archive; SOURCE=worktree takes the working copy.
#   REQUESTS=200 WARMUP=50   map queries per viewport, after that many warm-up queries
#   REPORTS=          reports to load (default 1,000,000 on PostgreSQL, 100,000 on SQLite; one value for both if set)
#   WORKERS=8 SERIES_SECONDS=4 ROUNDS=2   Open311 clients; seconds per GET / POST / INSERT series; POST and INSERT rounds in turns
#   PG_PORT=55448     port of the throw-away PostgreSQL server (127.0.0.1 only, PostGIS from postgresql-15-postgis-3),
#                     started in a new folder under PG_PARENT=/var/tmp with fsync=on, synchronous_commit=on
#   WAIT_IDLE=1 [MAX_LOAD=1.0 WAIT_MINUTES=30]   wait for a quiet machine before each engine
#   OUT=DIR KEEP=1    keep the reports / the temporary build folder
set -euo pipefail
export PG_PARENT=${PG_PARENT:-/var/tmp}
export PG_OPTS=${PG_OPTS:-"-c fsync=on -c synchronous_commit=on -c max_connections=200"}
export WRK_SECONDS=0
echo "PostgreSQL data under $PG_PARENT: $(df -T "$PG_PARENT" | awk 'NR==2 {print $2 " on " $1}'); server options: $PG_OPTS"
. "$(dirname "$0")/../Common/http-bench.sh"
extra=(--workers "${WORKERS:-8}" --seconds "${SERIES_SECONDS:-4}" --rounds "${ROUNDS:-2}")
[ -z "${REPORTS:-}" ] || extra+=(--reports "$REPORTS")
http_bench ServiceRequests 200 55448 "${extra[@]}" -- "$@"
