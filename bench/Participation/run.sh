#!/usr/bin/env bash
# Participation benchmark (issue "Beteiligung", section Performance): an input call with 5,000 published contributions,
# its public page /beteiligung/{id} (first page of 50, filters by district and theme) server time p95 ≤ 100 ms on SQLite
# and on PostgreSQL; on PostgreSQL also 200 concurrent submissions through the real form (every one acknowledged only
# after the commit, all present afterwards) and submissions per second next to a bare INSERT loop in the same run.
# The kill -9 test is bench/Participation/kill9.sh.
#
# Usage: bench/Participation/run.sh [sqlite] [postgres]      (default: both; as root for the PostgreSQL part)
# Settings (environment):
#   SOURCE=HEAD       the app (src/) is built from this commit via git archive; SOURCE=worktree takes the working copy.
#                     bench/Participation and bench/Common always come from the working copy.
#   REQUESTS=300 WARMUP=50 CONTRIBUTIONS=5000 CONCURRENT=200 WRK_SECONDS=5 (WRK_SECONDS=0: no wrk cross-check)
#   WORKERS=1,8 THROUGHPUT_SECONDS=6 THROUGHPUT_ROUNDS=2   form vs bare INSERT: workers, seconds per series, rounds in turns
#   PG_PORT=55446     port of the throw-away PostgreSQL server (127.0.0.1 only), started in a new folder under
#                     PG_PARENT=/var/tmp with fsync=on, synchronous_commit=on (the defaults, set explicitly) and
#                     max_connections=300 (200 browsers at once; the app's Npgsql pool holds at most 100 connections)
#   WAIT_IDLE=1 [MAX_LOAD=1.0 WAIT_MINUTES=30]   wait for a quiet machine before each engine
#   OUT=DIR           keep the reports, the pages' HTML, the SQL of one request per page and the times there
#   KEEP=1            keep the temporary build folder
#
# Each engine runs in its own process: the app on Kestrel on a loopback port (Production environment, fresh database,
# migrations and reference data at start), seeded through its own AppDbContext; see Program.cs. The per-address rate
# limit of the public forms is raised for the bench (Accounts__FormPostsPerMinute=1000000: every request comes from
# 127.0.0.1); the minimum fill time of the form (3 s) is kept: every browser waits it once after opening the form.
set -euo pipefail
export PG_PARENT=${PG_PARENT:-/var/tmp}
export PG_OPTS=${PG_OPTS:-"-c fsync=on -c synchronous_commit=on -c max_connections=300"}
export WRK_SECONDS=${WRK_SECONDS:-5}
echo "PostgreSQL data under $PG_PARENT: $(df -T "$PG_PARENT" | awk 'NR==2 {print $2 " on " $1}'); server options: $PG_OPTS"
. "$(dirname "$0")/../Common/http-bench.sh"
http_bench Participation 300 55446 --contributions "${CONTRIBUTIONS:-5000}" --concurrent "${CONCURRENT:-200}" \
  --workers "${WORKERS:-1,8}" --throughput-seconds "${THROUGHPUT_SECONDS:-6}" --throughput-rounds "${THROUGHPUT_ROUNDS:-2}" -- "$@"
