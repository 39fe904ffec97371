#!/usr/bin/env bash
# Statements and transactions per order.placed event, as PostgreSQL sees them: the figure behind
# "round trips per event" in docs/benchmarks.md. Counts are independent of machine load.
#
#   ./mvnw -B -DskipTests package && bash bench/ingest/count-statements.sh
#
# Settings: BENCH_DB=aftercare_stmt  APP_JAR=aftercare-web/target/aftercare.jar  SECONDS_RUN=5
#           PG_LOG=/var/log/postgresql/postgresql-15-main.log (the server's log, readable)
# Sets log_statement=all on BENCH_DB only (dropped and recreated first); a JDBC batch shows as one
# "execute" line per row although it is one round trip.
set -euo pipefail
HERE=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
BENCH_DB=${BENCH_DB:-aftercare_stmt}
APP_JAR=${APP_JAR:-$ROOT/aftercare-web/target/aftercare.jar}
BENCH_JAVA_OPTS=${BENCH_JAVA_OPTS:-"-Xms512m -Xmx1g"}
SECONDS_RUN=${SECONDS_RUN:-5}
PG_LOG=${PG_LOG:-/var/log/postgresql/postgresql-15-main.log}
# shellcheck source=../lib.sh
. "$HERE/../lib.sh"
bench_pg_defaults
bench_require_tools "wrk postgresql-client" wrk psql
[ -r "$PG_LOG" ] || die "cannot read the PostgreSQL log $PG_LOG (set PG_LOG)"
bench_check_prereqs "$APP_JAR"
bench_recreate_db "$BENCH_DB"
psql -d "$BENCH_DB" -qc "alter database $BENCH_DB set log_statement = 'all'"
PORT=$(bench_free_port 18180)
KEY=bench-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
bench_install_traps
bench_start_app /tmp/aftercare-count-statements.log "$BENCH_DB" "$PORT" \
    AFTERCARE_BOOTSTRAP_STOREFRONT=bench-shop AFTERCARE_BOOTSTRAP_API_KEY="$KEY" \
    AFTERCARE_MAIL_DISPATCHER_ENABLED=false SPRING_MAIL_HOST=127.0.0.1 SPRING_MAIL_PORT=1025
bench_wait_up "http://127.0.0.1:$PORT" "$BENCH_APP_PID" /tmp/aftercare-count-statements.log 500
# warm-up (JIT, the key's first look-up, Hibernate's first sequence block) is not counted
BENCH_API_KEY=$KEY BENCH_RUN_ID=warm wrk -t1 -c1 -d5s -s "$HERE/order-placed.lua" "http://127.0.0.1:$PORT" >/dev/null
sleep 3
start=$(($(wc -l <"$PG_LOG") + 1))
BENCH_API_KEY=$KEY BENCH_RUN_ID=count wrk -t1 -c1 -d"${SECONDS_RUN}"s -s "$HERE/order-placed.lua" \
    "http://127.0.0.1:$PORT" >/dev/null
sleep 3 # the listeners finish after the 2xx
events=$(psql -d "$BENCH_DB" -Atqc "select count(*) from inbound_event where event_id like 'evt-count%'")
lines=$(tail -n +"$start" "$PG_LOG" | grep -E 'LOG:  (statement|execute [^:]*):' || true)
statements=$(grep -c . <<<"$lines" || true)
commits=$(grep -c 'COMMIT' <<<"$lines" || true)
awk -v e="$events" -v s="$statements" -v c="$commits" 'BEGIN {
    printf "events=%d statements=%d (%.1f per event) transactions=%d (%.1f per event)\n", e, s, s / e, c, c / e }'
echo "by statement (per event):"
sed -E 's/.*LOG:  (statement|execute [^:]*): //' <<<"$lines" | cut -c1-70 | sed 's/[0-9]\+/N/g' \
    | sort | uniq -c | sort -rn | awk -v e="$events" '{ n = $1; $1 = ""; printf "%6.2f %s\n", n / e, $0 }' | head -40
