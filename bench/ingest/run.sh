#!/usr/bin/env bash
# Order-event ingestion benchmark: POST /api/v1/events (order.placed) through the real app,
# compared with the same writes issued as plain SQL by pgbench (one-event.sql).
#
#   ./mvnw -B -DskipTests package && bash bench/ingest/run.sh
#
# Settings (environment):
#   CONCURRENCY="1 4 16"   client counts to measure      DURATION=20   seconds per measurement
#   WARMUP=60              seconds of API warm-up (the JIT is still compiling after 10 s)        BENCH_PORT=18080  first port to try
#   PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres         BENCH_DB=aftercare_bench
#   BENCH_JAVA_OPTS="-Xms512m -Xmx2g"                    BENCH_OUT=/tmp/aftercare-bench-<time>
#   APP_JAR=aftercare-web/target/aftercare.jar
#
# Honesty note: wrk, the app and PostgreSQL share the same cores (2 on the reference machine),
# and wrk's own CPU is taken from the app. The pgbench run has the same problem but pgbench is
# far lighter than wrk + Lua. So "API events/s" and the API/SQL ratio are a lower bound for
# what the app does with its own machine.
#
# The database aftercare_bench is dropped and recreated at the start of every run and left in
# place afterwards for inspection. The app is stopped on exit (trap).
set -euo pipefail

HERE=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)

CONCURRENCY=${CONCURRENCY:-"1 4 16"}
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-60}
BENCH_PORT=${BENCH_PORT:-18080}
BENCH_DB=${BENCH_DB:-aftercare_bench}
BENCH_JAVA_OPTS=${BENCH_JAVA_OPTS:-"-Xms512m -Xmx2g"}
APP_JAR=${APP_JAR:-$ROOT/aftercare-web/target/aftercare.jar}
BENCH_OUT=${BENCH_OUT:-/tmp/aftercare-bench-$(date +%Y%m%d-%H%M%S)}
STOREFRONT=bench-shop
# shellcheck source=../lib.sh
. "$HERE/../lib.sh"
bench_pg_defaults

# --- (a) tools ---------------------------------------------------------------
bench_require_tools "wrk postgresql-client curl" wrk pgbench psql curl
bench_check_prereqs "$APP_JAR"
mkdir -p "$BENCH_OUT"
log "output in $BENCH_OUT"

# --- (b) fresh database ------------------------------------------------------
bench_recreate_db "$BENCH_DB"

# --- (c) start the app ---------------------------------------------------------
PORT=$(bench_free_port "$BENCH_PORT")
API_KEY=${BENCH_API_KEY:-bench-$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')}
BASE=http://127.0.0.1:$PORT

bench_install_traps

log "starting $APP_JAR on port $PORT (log: $BENCH_OUT/app.log)"
bench_start_app "$BENCH_OUT/app.log" "$BENCH_DB" "$PORT" \
    AFTERCARE_BOOTSTRAP_STOREFRONT="$STOREFRONT" \
    AFTERCARE_BOOTSTRAP_API_KEY="$API_KEY" \
    AFTERCARE_MAIL_DISPATCHER_ENABLED=false \
    SPRING_MAIL_HOST=127.0.0.1 SPRING_MAIL_PORT=1025
APP_PID=$BENCH_APP_PID
bench_wait_up "$BASE" "$APP_PID" "$BENCH_OUT/app.log" 90
log "app is UP"
STOREFRONT_ID=$(psql -d "$BENCH_DB" -Atqc "select id from storefront where code = '$STOREFRONT'")
[ -n "$STOREFRONT_ID" ] || die "storefront $STOREFRONT was not created by the app's bootstrap"

# --- (d) measure -------------------------------------------------------------
run_wrk() { # conns seconds outfile [pause ms before each request]
    BENCH_API_KEY="$API_KEY" BENCH_RUN_ID="$(date +%s%N)-c$1" BENCH_DELAY_MS="${4:-}" \
        wrk -t"$(min2 "$1")" -c"$1" -d"$2"s --latency -s "$HERE/order-placed.lua" "$BASE" >"$3" 2>&1
}
# The app's own CPU per event (its listeners' work included) does not depend on what else runs
# on the machine the way events/s does, so it is the figure to compare two builds by on a busy
# machine. Ticks of the java process; the listeners are waited for before reading them.
TICKS_PER_S=$(getconf CLK_TCK)
app_cpu_ticks() {
    local pid
    pid=$(pgrep -P "$APP_PID" -x java || echo "$APP_PID")
    awk '{ print $14 + $15 }' "/proc/$pid/stat"
}
# PostgreSQL's CPU, to compare what the app's writes cost the server with what pgbench's cost it:
# every local postgres process (backends, WAL writer, checkpointer, autovacuum) and, through the
# postmaster's children fields, the backends that exited since (pgbench's, at the end of its run).
# Empty when PGHOST is not this machine (another server's work could be counted instead).
pg_cpu_ticks() {
    local pids
    case "$PGHOST" in 127.* | localhost | ::1 | /*) ;; *) return 0 ;; esac
    pids=$(pgrep -x postgres || true)
    [ -n "$pids" ] || return 0
    # shellcheck disable=SC2086
    (cd /proc && cat $(printf '%s/stat ' $pids) 2>/dev/null || true) | awk '{ t += $14 + $15 + $16 + $17 } END { print t }'
}
per_event_ms() { # ticks0 ticks1 count -> ms per unit, or n/a
    awk -v a="$1" -v b="$2" -v n="$3" -v hz="$TICKS_PER_S" \
        'BEGIN { if (a != "" && b != "" && n > 0) printf "%.2f", (b - a) * 1000 / hz / n; else print "n/a" }'
}
api_events() { psql -d "$BENCH_DB" -Atqc "select count(*) from inbound_event where event_id like 'evt-%'"; }
wait_for_listeners() {
    local i
    for i in $(seq 1 120); do
        # pgbench's rows (order numbers P-…) are publications no listener will ever complete
        [ "$(psql -d "$BENCH_DB" -Atqc "select count(*) from event_publication where completion_date is null
            and serialized_event not like '%\"orderNumber\":\"P-%'")" = 0 ] && return
        sleep 1
    done
    echo "WARNING: listeners still busy after 120 s; CPU per event is an underestimate" >&2
}
field() { # key file  -> value from the BENCH_RESULT line
    sed -n "s/.*BENCH_RESULT.* $1=\([^ ]*\).*/\1/p" "$2" | tail -1
}

log "warm-up: wrk ${WARMUP}s, 4 connections"
run_wrk 4 "$WARMUP" "$BENCH_OUT/wrk-warmup.txt"
grep -E 'BENCH_RESULT|non-2xx' "$BENCH_OUT/wrk-warmup.txt" >&2 || true

declare -a ROWS=()
for c in $CONCURRENCY; do
    log "API: wrk -t$(min2 "$c") -c$c -d${DURATION}s --latency -s order-placed.lua"
    wait_for_listeners
    ticks0=$(app_cpu_ticks); pg0=$(pg_cpu_ticks); events0=$(api_events)
    run_wrk "$c" "$DURATION" "$BENCH_OUT/wrk-c$c.txt"
    wait_for_listeners
    ticks1=$(app_cpu_ticks); pg1=$(pg_cpu_ticks); events1=$(api_events)
    cpu=$(per_event_ms "$ticks0" "$ticks1" $((events1 - events0)))
    pg_api=$(per_event_ms "$pg0" "$pg1" $((events1 - events0)))
    rps=$(field rps "$BENCH_OUT/wrk-c$c.txt"); p50=$(field p50_ms "$BENCH_OUT/wrk-c$c.txt")
    p99=$(field p99_ms "$BENCH_OUT/wrk-c$c.txt"); bad=$(field non2xx "$BENCH_OUT/wrk-c$c.txt")
    serr=$(field socket_errors "$BENCH_OUT/wrk-c$c.txt")
    [ -n "$rps" ] || { cat "$BENCH_OUT/wrk-c$c.txt" >&2; die "wrk printed no result"; }

    log "SQL: pgbench -n -c $c -j $(min2 "$c") -T $DURATION -f one-event.sql"
    pg0=$(pg_cpu_ticks)
    pgbench -n -c "$c" -j "$(min2 "$c")" -T "$DURATION" -f "$HERE/one-event.sql" \
        -D storefront_id="$STOREFRONT_ID" "$BENCH_DB" >"$BENCH_OUT/pgbench-c$c.txt" 2>&1 \
        || { cat "$BENCH_OUT/pgbench-c$c.txt" >&2; die "pgbench failed"; }
    pg1=$(pg_cpu_ticks)
    pg_sql=$(per_event_ms "$pg0" "$pg1" "$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$BENCH_OUT/pgbench-c$c.txt")")
    tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$BENCH_OUT/pgbench-c$c.txt" | tail -1)
    tps=$(awk -v t="$tps" 'BEGIN { printf "%.1f", t }')
    lat=$(sed -n 's/^latency average = \([0-9.]*\) ms.*/\1/p' "$BENCH_OUT/pgbench-c$c.txt" | tail -1)
    ratio=$(awk -v a="$rps" -v b="$tps" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }')
    ROWS+=("$c|$rps|$p50|$p99|$bad|$serr|$tps|$lat|$ratio|$cpu|$pg_api|$pg_sql")
done

# Latency at half the maximum rate (the issue's "p99 at half load"): 4 connections, each pausing
# before every request so that together they send about half of what 4 connections managed flat
# out. wrk has no fixed-rate mode; the pause is 4 / (max/2) s less the 4-client p50 (at half load a
# request took about as long as at full load with 4 clients: the one-client p50 paced to 85 % of
# the target), and the rate reached is printed beside it.
HALF=""
max4="" p50four=""
for r in "${ROWS[@]}"; do
    IFS='|' read -r c rps p50 _ <<<"$r"
    if [ "$c" = 4 ]; then max4=$rps p50four=$p50; fi
done
if [ -n "$max4" ]; then
    pause=$(awk -v m="$max4" -v p="${p50four:-0}" 'BEGIN { d = 4000 / (m / 2) - p; printf "%d", (d < 1 ? 1 : d) }')
    log "half load: wrk -c4 with a ${pause} ms pause before each request (target $(awk -v m="$max4" 'BEGIN { printf "%.0f", m / 2 }') events/s)"
    wait_for_listeners
    run_wrk 4 "$DURATION" "$BENCH_OUT/wrk-half.txt" "$pause"
    HALF="$(field rps "$BENCH_OUT/wrk-half.txt")|$(field p50_ms "$BENCH_OUT/wrk-half.txt")|$(field p99_ms "$BENCH_OUT/wrk-half.txt")|$(field non2xx "$BENCH_OUT/wrk-half.txt")"
fi

# --- (e) report --------------------------------------------------------------
machine=$(bench_machine "$BENCH_DB")
counts=$(psql -d "$BENCH_DB" -Atqc "select
    (select count(*) from inbound_event where event_id like 'evt-%'),
    (select count(*) from inbound_event where event_id like 'evt-%' and applied_at is not null),
    (select count(*) from inbound_event where event_id like 'pgb-%'),
    (select count(*) from customer_order)")

{
    echo
    echo "## Order-event ingestion, $(date -u +%Y-%m-%dT%H:%MZ)"
    echo
    echo "machine: $machine"
    echo "each point: ${DURATION}s; wrk -t min(c,2); pgbench -j min(c,2); app, wrk and PostgreSQL share the CPUs"
    echo
    echo "| concurrency | API events/s | p50 ms | p99 ms | non-2xx | socket errors | SQL-only tx/s | SQL avg latency ms | ratio API/SQL | app CPU ms/event | PostgreSQL CPU ms/event (API) | PostgreSQL CPU ms/tx (SQL) |"
    echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    for r in "${ROWS[@]}"; do
        IFS='|' read -r c rps p50 p99 bad serr tps lat ratio cpu pg_api pg_sql <<<"$r"
        echo "| $c | $rps | $p50 | $p99 | $bad | $serr | $tps | $lat | $ratio | $cpu | $pg_api | $pg_sql |"
    done
    if [ -n "$HALF" ]; then
        IFS='|' read -r hrps hp50 hp99 hbad <<<"$HALF"
        echo
        echo "half load (4 connections paced to half of the 4-client maximum): $hrps events/s, p50 $hp50 ms, p99 $hp99 ms, non-2xx $hbad"
    fi
    echo
    IFS='|' read -r api_events api_applied sql_events orders <<<"$counts"
    echo "rows written: $api_events API events ($api_applied applied), $sql_events SQL-only events, $orders orders in all"
} | tee "$BENCH_OUT/results.md"

for r in "${ROWS[@]}"; do
    IFS='|' read -r c _ _ _ bad serr _ _ _ _ _ _ <<<"$r"
    if [ "${bad:-0}" != "0" ] || [ "${serr:-0}" != "0" ]; then
        echo "WARNING: c=$c had $bad non-2xx responses and $serr socket errors: see $BENCH_OUT/wrk-c$c.txt" >&2
    fi
done
log "raw output and app log in $BENCH_OUT; database $BENCH_DB left for inspection"
