#!/usr/bin/env bash
# The figures page at scale: 1M orders and 300k customers (generate.sql), then the page and its
# business exports measured over HTTP with curl (one logged-in console session, requests one after
# another), the app's refresh round of the aggregates timed, and an order written while it runs.
#
#   ./mvnw -B -DskipTests package && bash bench/figures/run.sh
#
# Settings (environment):
#   CUSTOMERS=300000 ORDERS=1000000   the data set          REQUESTS=20   requests per page
#   BENCH_PORT=18080  first port to try                    BENCH_DB=aftercare_bench_figures
#   PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres           BENCH_JAVA_OPTS="-Xms256m -Xmx1g"
#   APP_JAR=aftercare-web/target/aftercare.jar             BENCH_OUT=/tmp/aftercare-bench-figures-<time>
#   KEEP_DB=1   keep the database afterwards (by default it is dropped at the end: the machine is shared)
#   REUSE_DB=1  measure the database a KEEP_DB run left (migrated on by the app), without generating again
#
# The whole run is bounded: generating takes a few minutes on 2 cores, each page REQUESTS requests.
set -euo pipefail

HERE=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)

CUSTOMERS=${CUSTOMERS:-300000}
ORDERS=${ORDERS:-1000000}
REQUESTS=${REQUESTS:-20}
BENCH_PORT=${BENCH_PORT:-18080}
BENCH_DB=${BENCH_DB:-aftercare_bench_figures}
BENCH_JAVA_OPTS=${BENCH_JAVA_OPTS:-"-Xms256m -Xmx1g"}
APP_JAR=${APP_JAR:-$ROOT/aftercare-web/target/aftercare.jar}
BENCH_OUT=${BENCH_OUT:-/tmp/aftercare-bench-figures-$(date +%Y%m%d-%H%M%S)}
ADMIN_PASSWORD=bench-admin-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')
# shellcheck source=../lib.sh
. "$HERE/../lib.sh"
bench_pg_defaults

bench_require_tools "postgresql-client curl" psql curl
bench_check_prereqs "$APP_JAR"
mkdir -p "$BENCH_OUT"
log "output in $BENCH_OUT"
[ "${REUSE_DB:-0}" = 1 ] || bench_recreate_db "$BENCH_DB"
[ "${KEEP_DB:-0}" = 1 ] || trap 'bench_cleanup; psql -d postgres -qc "drop database if exists $BENCH_DB with (force)" >/dev/null 2>&1 || true' EXIT

PORT=$(bench_free_port "$BENCH_PORT")
BASE=http://127.0.0.1:$PORT
[ "${KEEP_DB:-0}" = 1 ] && bench_install_traps || trap 'exit 130' INT TERM
APP_ENV=(AFTERCARE_BOOTSTRAP_ADMIN_PASSWORD="$ADMIN_PASSWORD"
    AFTERCARE_MAIL_DISPATCHER_ENABLED=false
    SPRING_MAIL_HOST=127.0.0.1 SPRING_MAIL_PORT=1025)
log "starting $APP_JAR on port $PORT to migrate the database (log: $BENCH_OUT/app.log)"
# the scheduled refresh is held back until the data is there
bench_start_app "$BENCH_OUT/app.log" "$BENCH_DB" "$PORT" "${APP_ENV[@]}" AFTERCARE_FIGURES_REFRESH_INITIAL_DELAY=24h
bench_wait_up "$BASE" "$BENCH_APP_PID" "$BENCH_OUT/app.log" 300
log "app is UP; generating $ORDERS orders for $CUSTOMERS customers"

start=$SECONDS
if [ "${REUSE_DB:-0}" != 1 ]; then
    psql -d "$BENCH_DB" -v customers="$CUSTOMERS" -v orders="$ORDERS" -f "$HERE/generate.sql" >"$BENCH_OUT/generate.txt" 2>&1 \
        || { tail -20 "$BENCH_OUT/generate.txt" >&2; die "generate.sql failed"; }
fi
GENERATED=$((SECONDS - start))
COUNTS=$(psql -d "$BENCH_DB" -Atqc "select (select count(*) from customer), (select count(*) from customer_order),
    (select count(*) from inquiry), (select count(*) from claim), (select count(*) from step_mail)")
log "generated in $GENERATED s: $COUNTS"

# The app's own refresh round (the materialised view, then the per-day return rates, one
# transaction), started by a restart with no initial delay and timed by the app's log line; an
# order is inserted while it runs: nothing in the round may make writers wait.
bench_cleanup
log "restarting the app with its figures refresh due at once (log: $BENCH_OUT/app-refresh.log)"
bench_start_app "$BENCH_OUT/app-refresh.log" "$BENCH_DB" "$PORT" "${APP_ENV[@]}" AFTERCARE_FIGURES_REFRESH_INITIAL_DELAY=0s
for _ in $(seq 1 600); do
    [ "$(psql -d "$BENCH_DB" -Atqc "select count(*) from pg_stat_activity where query ilike 'refresh materialized view%' and state = 'active'")" = 1 ] && break
    grep -q "Business figures refreshed" "$BENCH_OUT/app-refresh.log" && break
    sleep 0.2
done
WRITE_MS=$(psql -d "$BENCH_DB" -Atq -c '\timing on' -c "
    insert into customer_order (storefront_id, order_number, customer_id, status, currency, subtotal_minor, total_minor, placed_at)
    select storefront_id, 'W-' || floor(extract(epoch from clock_timestamp()) * 1000), customer_id, 'PLACED', 'JPY', 1000, 1000, now() from customer_order where id = 1" \
    | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | tail -1)
REFRESH_RUNNING_AT_WRITE=$(grep -q "Business figures refreshed" "$BENCH_OUT/app-refresh.log" && echo no || echo yes)
for _ in $(seq 1 1800); do
    grep -q "Business figures refreshed" "$BENCH_OUT/app-refresh.log" && break
    kill -0 "$BENCH_APP_PID" 2>/dev/null || die "the app stopped during its refresh (see $BENCH_OUT/app-refresh.log)"
    sleep 1
done
REFRESH_MS=$(sed -n 's/.*Business figures refreshed in \([0-9]*\) ms.*/\1/p' "$BENCH_OUT/app-refresh.log" | head -1)
[ -n "$REFRESH_MS" ] || die "no refresh within 30 minutes (see $BENCH_OUT/app-refresh.log)"
bench_wait_up "$BASE" "$BENCH_APP_PID" "$BENCH_OUT/app-refresh.log" 300
log "refresh round (view + return rates): $REFRESH_MS ms; an order written meanwhile (refresh still running: $REFRESH_RUNNING_AT_WRITE) took $WRITE_MS ms"
psql -d "$BENCH_DB" -Atqc "select pg_size_pretty(pg_total_relation_size('customer_purchase')), count(*) from customer_purchase" \
    >"$BENCH_OUT/matview.txt"
RATE_ROWS=$(psql -d "$BENCH_DB" -Atqc "select count(*) || ' rows, ' || pg_size_pretty(pg_total_relation_size('return_rate_day')) from return_rate_day")

JAR=$BENCH_OUT/cookies.txt
bench_console_login "$BASE" "$JAR" "$ADMIN_PASSWORD"

SHOP=$(psql -d "$BENCH_DB" -Atqc "select id from storefront where code = 'bench-shop'")
TODAY=$(date +%F)
YEAR_AGO=$(date -d '-365 days' +%F)
PAGES=(
    "figures page, last 30 days (default)|/console/figures"
    "figures page, 366 days, all storefronts|/console/figures?from=$YEAR_AGO&to=$TODAY"
    "figures page, 366 days, one storefront|/console/figures?from=$YEAR_AGO&to=$TODAY&storefront=$SHOP"
    "cohorts CSV, 366 days|/console/figures/export?table=cohorts&from=$YEAR_AGO&to=$TODAY"
    "touches CSV, 366 days|/console/figures/export?table=touches&from=$YEAR_AGO&to=$TODAY"
    "claims figures page, 366 days|/console/claims/figures?from=$YEAR_AGO&to=$TODAY"
)
declare -A P50 P95 MAX
for spec in "${PAGES[@]}"; do
    name=${spec%%|*}; path=${spec#*|}
    out="$BENCH_OUT/times-$(echo "$name" | tr -c 'a-z0-9' '-').txt"
    for _ in 1 2 3; do   # warm-up, and a failing page is reported instead of timed
        code=$(curl -s -o /dev/null -b "$JAR" -w '%{http_code}' "$BASE$path")
        [ "$code" = 200 ] || die "$name ($path) answered $code"
    done
    for _ in $(seq 1 "$REQUESTS"); do
        curl -s -o /dev/null -b "$JAR" -w '%{time_total}\n' "$BASE$path"
    done | awk '{ printf "%.1f\n", $1 * 1000 }' | sort -n >"$out"
    P50[$name]=$(awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }' "$out")
    P95[$name]=$(awk '{ a[NR] = $1 } END { i = int(NR * 0.95 + 0.999); print a[i] }' "$out")
    MAX[$name]=$(tail -1 "$out")
    log "$name: p50 ${P50[$name]} ms, p95 ${P95[$name]} ms, max ${MAX[$name]} ms"
done

{
    echo
    echo "## Figures page at 1M orders, $(date -u +%Y-%m-%dT%H:%MZ)"
    echo
    echo "machine: $(bench_machine "$BENCH_DB"); load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "data: $COUNTS (customers|orders|inquiries|claims|step mails), generated in $GENERATED s;"
    echo "customer_purchase: $(cut -d'|' -f2 "$BENCH_OUT/matview.txt") rows, $(cut -d'|' -f1 "$BENCH_OUT/matview.txt")"
    echo
    echo "| page | p50 ms | p95 ms | max ms |"
    echo "|---|---:|---:|---:|"
    for spec in "${PAGES[@]}"; do
        name=${spec%%|*}
        echo "| $name | ${P50[$name]} | ${P95[$name]} | ${MAX[$name]} |"
    done
    echo
    echo "return_rate_day: $RATE_ROWS"
    echo "the app's refresh round (REFRESH MATERIALIZED VIEW CONCURRENTLY customer_purchase, then the return rates rebuilt): $REFRESH_MS ms; an order inserted while it ran (still running: $REFRESH_RUNNING_AT_WRITE): $WRITE_MS ms"
} | tee "$BENCH_OUT/results.md"
log "raw output and app log in $BENCH_OUT"
