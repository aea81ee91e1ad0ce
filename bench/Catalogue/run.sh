#!/usr/bin/env bash
# Catalogue benchmark (docs/domain.md#performance-targets): with 5,000 measures, 50,000 status updates and 200 indicators with 10 years
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
# Shared with bench/Meetings: bench/Common/http-bench.sh (build, engines, throw-away PostgreSQL) and bench/Common/*.cs.
set -euo pipefail
. "$(dirname "$0")/../Common/http-bench.sh"
http_bench Catalogue 500 55445 --measures "${MEASURES:-5000}" --pdf-measures "${PDF_MEASURES:-500}" \
  $( [ "${FULL_PDF:-1}" = 1 ] || echo --no-full-pdf ) -- "$@"
