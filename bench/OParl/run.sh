#!/usr/bin/env bash
# OParl benchmark (docs/domain.md#performance-targets): ten years of demo data on PostgreSQL (2,000 meetings, 20,000 agenda
# items, 5,000 papers with their Beratungsfolge, 10,000 files, persons and memberships, tombstones), written with COPY;
# then a full crawl of /oparl/v1/ from the System object ≤ 60 s, list pages (first and middle page, default limit) p95
# ≤ 30 ms, an incremental crawl with modified_since = one week ago ≤ 2 s.
#
# Usage: bench/OParl/run.sh            (as root: it starts a throw-away PostgreSQL server as the postgres user)
# Settings (environment):
#   SOURCE=HEAD       the app (src/) is built from this commit via git archive; SOURCE=worktree takes the working copy.
#                     bench/OParl and bench/Common always come from the working copy.
#   REQUESTS=100 WARMUP=20   timed GETs per list page; CRAWL_RUNS=1 strict full crawls (then one lean one)
#   MEETINGS=2000 PAPERS=5000 WORKERS=4   data volume (10 agenda items and 5 files per meeting) and crawl concurrency
#   PG_PORT=55448     port of the throw-away PostgreSQL server (127.0.0.1 only; never the shared one on 55433; 55446/55447 are the participation bench's)
#   WAIT_IDLE=1 [MAX_LOAD=1.0 WAIT_MINUTES=30]   wait for a quiet machine first
#   OUT=DIR           keep the reports, the times per request and the SQL of one request per list page there
#   KEEP=1            keep the temporary build folder
set -euo pipefail
export WARMUP=${WARMUP:-20} WRK_SECONDS=0
. "$(dirname "$0")/../Common/http-bench.sh"
http_bench OParl 100 55448 --meetings "${MEETINGS:-2000}" --papers "${PAPERS:-5000}" --workers "${WORKERS:-4}" --crawl-runs "${CRAWL_RUNS:-1}" -- postgres
