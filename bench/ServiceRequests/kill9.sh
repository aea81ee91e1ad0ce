#!/usr/bin/env bash
# kill -9 during a burst of Open311 POSTs (issue "Meldungen", Done when): the app runs as a real process (the built
# Masterplan.Web.dll under dotnet, Production, PostgreSQL with PostGIS); 32 clients POST new reports with an api_key again
# and again; after a drawn number of acknowledgements (200 with the report's service_request_id) the app gets SIGKILL with
# requests in flight, is started again, and every acknowledged id is looked up in the database (past the app) and as
# GET /open311/v2/requests/{id}.json on the restarted app. Prints, per round and in all: sent, acknowledged, present,
# lost (must be 0; the exit status is 1 otherwise).
#
# Usage: bench/ServiceRequests/kill9.sh      (as root: it starts a throw-away PostgreSQL server as the postgres user)
# Settings (environment):
#   ROUNDS=3 WORKERS=32   kills and clients
#   SOURCE=HEAD           the app (src/) is built from this commit via git archive; SOURCE=worktree takes the working copy
#   PG_PORT=55449         throw-away PostgreSQL server on 127.0.0.1, in a new folder under PG_PARENT=/var/tmp, fsync=on
#   OUT=DIR KEEP=1 WAIT_IDLE=1   as in run.sh
set -euo pipefail
export PG_PARENT=${PG_PARENT:-/var/tmp}
export PG_OPTS=${PG_OPTS:-"-c fsync=on -c synchronous_commit=on -c max_connections=200"}
export WRK_SECONDS=0
. "$(dirname "$0")/../Common/http-bench.sh"
http_bench ServiceRequests 300 55449 --mode kill9 --kill-rounds "${ROUNDS:-3}" --kill-workers "${WORKERS:-32}" -- postgres
