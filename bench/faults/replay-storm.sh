#!/usr/bin/env bash
# Fault scenario "replay storm" (issue #16): ORDERS orders × 4 events (placed, paid, shipped,
# delivered), each event delivered 1–3 times, all shuffled, sent by SENDERS concurrent clients
# across two app instances on one PostgreSQL at once, with the step-mail scheduler running on
# both. Then the database is checked: every order once and DELIVERED (no status went back),
# every event stored once and applied, no order with two enrolments in a scenario, no mail queued
# twice for the same order and template, and no answer was a 5xx.
#
#   ./mvnw -B -DskipTests package && bash bench/faults/replay-storm.sh
#
# Settings: ORDERS=2500 (10k events)  SENDERS=8  SEED=<time>  BENCH_DB=aftercare_stormbench
#           BENCH_PORT=18480  BENCH_JAVA_OPTS  PGHOST/PGPORT/PGUSER
set -euo pipefail
HERE=$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")
. "$HERE/../lib.sh"
bench_pg_defaults
bench_install_traps

ORDERS=${ORDERS:-2500}
SENDERS=${SENDERS:-8}
SEED=${SEED:-$(date +%s)}
BENCH_DB=${BENCH_DB:-aftercare_stormbench}
APP_JAR=${APP_JAR:-$HERE/../../aftercare-web/target/aftercare.jar}
BENCH_OUT=${BENCH_OUT:-$(mktemp -d /tmp/stormbench.XXXXXX)}
mkdir -p "$BENCH_OUT"
BENCH_JAVA_OPTS=${BENCH_JAVA_OPTS:-"-Xms256m -Xmx768m"}
API_KEY=storm-$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')
LINK_SECRET=$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')
SECRETS_KEY=$(head -c 32 /dev/urandom | base64)
export APP_JAR BENCH_JAVA_OPTS

bench_require_tools "curl python3" curl python3
bench_check_prereqs "$APP_JAR"
bench_recreate_db "$BENCH_DB"
q() { psql -d "$BENCH_DB" -v ON_ERROR_STOP=1 -Atqc "$1"; }
log "output in $BENCH_OUT; seed $SEED"

PORTS=()
start_instance() { # NAME
    local port
    port=$(bench_free_port "${BENCH_PORT:-18480}" "${PORTS[@]}")
    PORTS+=("$port")
    bench_start_app "$BENCH_OUT/app-$1.log" "$BENCH_DB" "$port" \
        AFTERCARE_MAIL_DISPATCHER_ENABLED=false AFTERCARE_STEPMAIL_SCHEDULER_ENABLED=true \
        SPRING_MAIL_HOST=127.0.0.1 SPRING_MAIL_PORT=2525 \
        AFTERCARE_BOOTSTRAP_STOREFRONT=storm-shop AFTERCARE_BOOTSTRAP_API_KEY="$API_KEY" \
        AFTERCARE_LINK_SECRET="$LINK_SECRET" AFTERCARE_SECRETS_KEY="$SECRETS_KEY" \
        SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE=8
    bench_wait_up "http://127.0.0.1:$port" "$BENCH_APP_PID" "$BENCH_OUT/app-$1.log" 600
}
# one after the other: the first runs Flyway and bootstraps the storefront, the second finds both
start_instance a
start_instance b
log "instances up on ports ${PORTS[*]}; storming"
t0=$SECONDS
python3 "$HERE/storm.py" "$API_KEY" "$ORDERS" "$SENDERS" "$SEED" \
    "http://127.0.0.1:${PORTS[0]}" "http://127.0.0.1:${PORTS[1]}" | tee "$BENCH_OUT/storm.json"
STORM_S=$((SECONDS - t0))
sleep 5   # let the step-mail schedulers take a round on what the last events scheduled

orders=$(q "select count(*) from customer_order where order_number like 'STORM-$SEED-%'")
numbers=$(q "select count(distinct order_number) from customer_order where order_number like 'STORM-$SEED-%'")
not_delivered=$(q "select count(*) from customer_order where order_number like 'STORM-$SEED-%' and status <> 'DELIVERED'")
events=$(q "select count(*) from inbound_event where event_id like 'evt-STORM-$SEED-%'")
unapplied=$(q "select count(*) from inbound_event where event_id like 'evt-STORM-$SEED-%' and applied_at is null")
double_enrolments=$(q "select count(*) from (select 1 from enrolment e join customer_order o on o.id = e.order_id
    where o.order_number like 'STORM-$SEED-%' group by e.scenario_id, e.order_id having count(*) > 1) d")
enrolments=$(q "select count(*) from enrolment e join customer_order o on o.id = e.order_id where o.order_number like 'STORM-$SEED-%'")
mails=$(q "select count(*) from outbound_mail where to_address like 'storm-$SEED-%'")
double_mails=$(q "select count(*) from (select 1 from outbound_mail where to_address like 'storm-$SEED-%'
    group by to_address, template, order_id, subject having count(*) > 1) d")
errors=$(cat "$BENCH_OUT"/app-*.log | grep -cE '^\S+\s+ERROR' || true)
fivexx=$(python3 -c 'import json,sys; s=json.load(open(sys.argv[1]))["statuses"]; print(sum(v for k, v in s.items() if not k.isdigit() or int(k) >= 500))' "$BENCH_OUT/storm.json")

{
    echo
    echo "## Replay storm, $(date -u +%Y-%m-%dT%H:%MZ)"
    echo
    echo "machine: $(bench_machine "$BENCH_DB"); load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "seed $SEED, $SENDERS senders over 2 instances, ${STORM_S}s; answers: $(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["statuses"])' "$BENCH_OUT/storm.json")"
    echo
    echo "| figure | value | must be |"
    echo "|---|---:|---|"
    echo "| orders stored / distinct numbers | $orders / $numbers | $ORDERS / $ORDERS |"
    echo "| orders not DELIVERED at the end (status went back or an event was lost) | $not_delivered | 0 |"
    echo "| events stored / not applied | $events / $unapplied | $((ORDERS * 4)) / 0 |"
    echo "| enrolments / orders enrolled twice in one scenario | $enrolments / $double_enrolments | – / 0 |"
    echo "| mails queued / queued twice (same recipient, order, template and subject) | $mails / $double_mails | – / 0 |"
    echo "| 5xx answers or connection errors | $fivexx | 0 |"
    echo "| ERROR lines in the app logs | $errors | 0 |"
} | tee "$BENCH_OUT/results.md"

status=0
[ "$orders" = "$ORDERS" ] && [ "$numbers" = "$ORDERS" ] && [ "$not_delivered" = 0 ] \
    && [ "$events" = "$((ORDERS * 4))" ] && [ "$unapplied" = 0 ] && [ "$double_enrolments" = 0 ] \
    && [ "$double_mails" = 0 ] && [ "$fivexx" = 0 ] || { echo "FAILED CHECK: see $BENCH_OUT" >&2; status=1; }
[ "$errors" = 0 ] || log "the apps logged ERROR lines: grep -E '^\S+\s+ERROR' $BENCH_OUT/app-*.log"
exit "$status"
