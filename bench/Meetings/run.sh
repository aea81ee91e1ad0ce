#!/usr/bin/env bash
# Meetings benchmark (docs/domain.md#performance-targets): the meeting page with 40 agenda items, 60 attendees and 20 documents,
# server time p95 ≤ 50 ms on SQLite and on PostgreSQL; the minutes PDF of such a meeting ≤ 2 s.
#
# Usage: bench/Meetings/run.sh [sqlite] [postgres]      (default: both; as root for the PostgreSQL part)
# Settings (environment):
#   SOURCE=HEAD       the app (src/) is built from this commit via git archive, so edits in progress in the working copy
#                     do not reach the figures; SOURCE=worktree takes the working copy. bench/Meetings itself always
#                     comes from the working copy.
#   REQUESTS=1000 WARMUP=50 RUNS=5 WRK_SECONDS=10 (WRK_SECONDS=0: no wrk cross-check)
#   PG_PORT=55444     port of the throw-away PostgreSQL server (127.0.0.1 only); PG_BIN=/usr/lib/postgresql/15/bin
#   WAIT_IDLE=1       before each engine, wait (up to WAIT_MINUTES=30) until the 1-minute load average is below MAX_LOAD
#                     (default 1.0); the report gives, per measurement, the CPU share other processes used meanwhile
#   OUT=DIR           keep the reports, the SQL of one request per page and the minutes files there (default: a temp dir)
#   KEEP=1            keep the temporary build folder
#
# Each engine runs in its own process: the app on Kestrel on a loopback port (Production environment, fresh
# database, migrations and reference data at start), seeded through its own AppDbContext; see Program.cs.
# Shared with bench/Catalogue: bench/Common/http-bench.sh (build, engines, throw-away PostgreSQL) and bench/Common/*.cs.
set -euo pipefail
. "$(dirname "$0")/../Common/http-bench.sh"
http_bench Meetings 1000 55444 -- "$@"
