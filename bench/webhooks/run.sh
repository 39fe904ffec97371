#!/usr/bin/env bash
# Outgoing-webhook kill bench: N opt-outs arrive through the API, each becomes one delivery to a
# Python receiver (which checks the Standard Webhooks signature); the app is killed with -9 in the
# middle of the deliveries and started again; then received, lost and duplicate deliveries are
# counted by webhook-id. Lost must be 0; duplicates are what at-least-once costs (deliveries the
# receiver got whose result the killed instance had not recorded yet).
#
#   ./mvnw -B -DskipTests package && bash bench/webhooks/run.sh
#   N=500 bash bench/webhooks/run.sh
#
# Settings: N=2000  DELAY_MS=60 (receiver's time per request)  LEASE=10s (claim lease: how soon
# a killed instance's deliveries are taken over)  BATCH_SIZE=20  KILL_AT=N/2 (received before the kill)
# BENCH_PORT=18280  RECEIVER_PORT=18380  BENCH_DB=aftercare_hookbench  PGHOST/PGPORT/PGUSER
set -euo pipefail
HERE=$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")
. "$HERE/../lib.sh"
bench_pg_defaults
bench_install_traps

N=${N:-2000}
DELAY_MS=${DELAY_MS:-60}
LEASE=${LEASE:-10s}
BATCH_SIZE=${BATCH_SIZE:-20}
KILL_AT=${KILL_AT:-$((N / 2))}
BENCH_DB=${BENCH_DB:-aftercare_hookbench}
APP_JAR=${APP_JAR:-$HERE/../../aftercare-web/target/aftercare.jar}
BENCH_OUT=${BENCH_OUT:-$(mktemp -d /tmp/hookbench.XXXXXX)}
API_KEY=bench-$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')
SECRETS_KEY=$(head -c 32 /dev/urandom | base64)
BENCH_JAVA_OPTS=${BENCH_JAVA_OPTS:-}
export APP_JAR

bench_require_tools "curl python3" curl python3
bench_check_prereqs "$APP_JAR"
bench_recreate_db "$BENCH_DB"
PORT=$(bench_free_port "${BENCH_PORT:-18280}")
RPORT=$(bench_free_port "${RECEIVER_PORT:-18380}" "$PORT")
BASE=http://127.0.0.1:$PORT
log "output in $BENCH_OUT"

: >"$BENCH_OUT/secret"
: >"$BENCH_OUT/received"
python3 "$HERE/receiver.py" "$RPORT" "$BENCH_OUT/secret" "$BENCH_OUT/received" "$DELAY_MS" &
bench_track $! "the receiver"

start_app() {
    bench_start_app "$BENCH_OUT/app-$1.log" "$BENCH_DB" "$PORT" \
        AFTERCARE_MAIL_DISPATCHER_ENABLED=false AFTERCARE_STEPMAIL_SCHEDULER_ENABLED=false \
        SPRING_MAIL_HOST=127.0.0.1 SPRING_MAIL_PORT=2525 \
        AFTERCARE_BOOTSTRAP_STOREFRONT=bench-shop AFTERCARE_BOOTSTRAP_API_KEY="$API_KEY" \
        AFTERCARE_LINK_SECRET="bench-link-secret-$API_KEY" AFTERCARE_SECRETS_KEY="$SECRETS_KEY" AFTERCARE_WEBHOOKS_ALLOWED_HOSTS=127.0.0.1 \
        AFTERCARE_WEBHOOKS_DISPATCHER_LEASE="$LEASE" AFTERCARE_WEBHOOKS_DISPATCHER_BATCH_SIZE="$BATCH_SIZE" \
        AFTERCARE_WEBHOOKS_DISPATCHER_POLL_INTERVAL=200ms AFTERCARE_WEBHOOKS_DISPATCHER_INSTANCE_ID="bench-$1"
    bench_wait_up "$BASE" "$BENCH_APP_PID" "$BENCH_OUT/app-$1.log" 300
}

start_app first
FIRST_PID=$BENCH_APP_PID
curl -fsS -X POST "$BASE/api/v1/webhook-subscriptions" -H "Authorization: Bearer $API_KEY" \
    -H 'Content-Type: application/json' \
    -d "{\"url\": \"http://127.0.0.1:$RPORT/hook\", \"events\": [\"customer.opted_out\"]}" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["secret"])' >"$BENCH_OUT/secret"

log "posting $N opt-outs"
RUN=$(date +%s%N)
post() {
    curl -fsS -o /dev/null -X POST "$BASE/api/v1/events" -H "Authorization: Bearer $API_KEY" \
        -H 'Content-Type: application/json' -d "{\"id\": \"evt-$RUN-$1\", \"type\": \"customer.registered\",
         \"occurredAt\": \"2026-12-04T10:00:00+09:00\",
         \"customer\": {\"email\": \"optout-$RUN-$1@example.jp\", \"name\": \"配信 停止\", \"id\": \"C-$RUN-$1\",
                        \"marketingConsent\": {\"granted\": false}}}"
}
export -f post; export BASE API_KEY RUN
seq 1 "$N" | xargs -P 4 -I{} bash -c 'post {}'
QUEUED=$(psql -d "$BENCH_DB" -Atqc "select count(*) from webhook_delivery")
log "$QUEUED deliveries queued; waiting for $KILL_AT to arrive before the kill"
until [ "$(wc -l <"$BENCH_OUT/received")" -ge "$KILL_AT" ]; do sleep 0.2; done
AT_KILL=$(wc -l <"$BENCH_OUT/received")
kill -9 "$FIRST_PID"
KILLED_AT=$SECONDS
log "killed the app (-9) after $AT_KILL received; in the database: $(psql -d "$BENCH_DB" -Atqc \
    "select string_agg(status || '=' || n, ' ') from (select status, count(*) n from webhook_delivery group by 1) s")"

start_app second
log "restarted; waiting for every delivery"
deadline=$((SECONDS + 600))
until [ "$(psql -d "$BENCH_DB" -Atqc "select count(*) from webhook_delivery where status <> 'DELIVERED'")" = 0 ]; do
    [ "$SECONDS" -lt "$deadline" ] || { log "timed out"; break; }
    sleep 1
done
DRAINED=$((SECONDS - KILLED_AT))
sleep 1

IDS=$(psql -d "$BENCH_DB" -Atqc "select message_id from webhook_delivery" | sort)
GOT=$(cut -d' ' -f1 "$BENCH_OUT/received" | sort)
TOTAL=$(wc -l <"$BENCH_OUT/received")
DISTINCT=$(echo "$GOT" | uniq | grep -c . || true)
LOST=$(comm -23 <(echo "$IDS") <(echo "$GOT" | uniq) | grep -c . || true)
BAD=$(awk '$2 != 1' "$BENCH_OUT/received" | wc -l)
DUPLICATES=$((TOTAL - DISTINCT))
echo "machine: $(bench_machine "$BENCH_DB")"
echo "events=$N queued=$QUEUED received_requests=$TOTAL distinct=$DISTINCT lost=$LOST duplicates=$DUPLICATES bad_signatures=$BAD"
echo "received before the kill: $AT_KILL; from the kill to all delivered (restart included): ${DRAINED}s; lease=$LEASE batch=$BATCH_SIZE delay=${DELAY_MS}ms"
echo "duplicate rate: $(python3 -c "print(f'{$DUPLICATES / max($DISTINCT, 1):.2%}')")"
