#!/usr/bin/env bash
# Soak (issue #16 §1): one app instance, with its mail dispatcher on and Postfix's smtp-sink as the
# relay, takes a steady stream of order.placed events (wrk with a pause per request: about
# RATE events/s) for SOAK seconds; each event is stored, applied and answered by a thank-you mail
# through the outbox. Every SAMPLE seconds it records what would grow if something leaked or fell
# behind: the JVM's old generation after its last collection and the process's RSS, the open
# mails in the outbox and the age of the oldest due one, unfinished event publications, the
# app's connections to PostgreSQL and the database size. At the end (after a drain) it checks:
# no non-2xx answer, every event applied, every mail SENT and delivered once, no FAILED mail, and
# the old generation's floor in the last quarter of the run at most twice its floor in the
# second quarter (after warm-up).
#
#   ./mvnw -B -DskipTests package && bash bench/faults/soak.sh
#
# Settings: SOAK=1800 RATE=20 SAMPLE=60 BENCH_PORT=18580 SINK_PORT=12625 BENCH_DB=aftercare_soak
#           BENCH_JAVA_OPTS="-Xms256m -Xmx768m" APP_JAR BENCH_OUT PGHOST/PGPORT/PGUSER
set -euo pipefail
HERE=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
SOAK=${SOAK:-1800}
RATE=${RATE:-20}
SAMPLE=${SAMPLE:-60}
BENCH_PORT=${BENCH_PORT:-18580}
SINK_PORT=${SINK_PORT:-12625}
BENCH_DB=${BENCH_DB:-aftercare_soak}
BENCH_JAVA_OPTS=${BENCH_JAVA_OPTS:-"-Xms256m -Xmx768m"}
APP_JAR=${APP_JAR:-$ROOT/aftercare-web/target/aftercare.jar}
BENCH_OUT=${BENCH_OUT:-/tmp/aftercare-soak-$(date +%Y%m%d-%H%M%S)}
SMTP_SINK=/usr/sbin/smtp-sink
# shellcheck source=../lib.sh
. "$HERE/../lib.sh"
bench_pg_defaults
bench_require_tools "wrk postfix postgresql-client curl" wrk "$SMTP_SINK" psql curl jstat
bench_check_prereqs "$APP_JAR"
[[ "$SOAK" =~ ^[0-9]+$ && "$RATE" =~ ^[0-9]+$ && "$SAMPLE" =~ ^[0-9]+$ ]] && [ "$RATE" -gt 0 ] \
    || die "SOAK, RATE and SAMPLE must be whole numbers, RATE above 0"
mkdir -p "$BENCH_OUT"
log "output in $BENCH_OUT"
bench_install_traps
bench_recreate_db "$BENCH_DB"
q() { psql -d "$BENCH_DB" -Atqc "$1"; }

SINK_USER=()
[ "$(id -u)" -eq 0 ] && SINK_USER=(-u nobody)
SINK_AT=$(bench_free_port "$SINK_PORT")
# -c counts the mails (each event's mail has its own recipient: delivered = SENT means once each)
"$SMTP_SINK" "${SINK_USER[@]}" -c "127.0.0.1:$SINK_AT" 256 >"$BENCH_OUT/sink.out" 2>&1 </dev/null &
bench_track $! "smtp-sink on port $SINK_AT"

PORT=$(bench_free_port "$BENCH_PORT")
BASE=http://127.0.0.1:$PORT
API_KEY=soak-$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')
log "starting $APP_JAR on port $PORT (log: $BENCH_OUT/app.log), relay smtp-sink on $SINK_AT"
bench_start_app "$BENCH_OUT/app.log" "$BENCH_DB" "$PORT" \
    AFTERCARE_BOOTSTRAP_STOREFRONT=soak-shop AFTERCARE_BOOTSTRAP_API_KEY="$API_KEY" \
    AFTERCARE_MAIL_DISPATCHER_ENABLED=true SPRING_MAIL_HOST=127.0.0.1 SPRING_MAIL_PORT="$SINK_AT" \
    AFTERCARE_LINK_SECRET="$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')"
APP_PID=$BENCH_APP_PID
bench_wait_up "$BASE" "$APP_PID" "$BENCH_OUT/app.log" 600

# two connections, each pausing 2000/RATE ms before a request: about RATE events/s when answers are fast
DELAY_MS=$((2000 / RATE))
log "soak: ${SOAK}s at about $RATE events/s (2 connections, ${DELAY_MS} ms pause per request), a sample every ${SAMPLE}s"
BENCH_API_KEY="$API_KEY" BENCH_RUN_ID="soak-$(date +%s)" BENCH_DELAY_MS="$DELAY_MS" \
    wrk -t2 -c2 -d"${SOAK}s" --latency --timeout 30s -s "$ROOT/bench/ingest/order-placed.lua" "$BASE" \
    >"$BENCH_OUT/wrk.txt" 2>&1 &
WRK_PID=$!
bench_track "$WRK_PID" "wrk"

# old generation used (KB) after the last collection is not directly printed by jstat; its floor
# over a window (the lowest sample) is what a leak raises
sample() {
    local ou rss open oldest pubs conns size events
    ou=$(jstat -gc "$APP_PID" 2>/dev/null | awk 'NR == 2 { printf "%d", $8 }')
    rss=$(awk '/^VmRSS/ { print $2 }' "/proc/$APP_PID/status")
    IFS='|' read -r open oldest pubs conns size events <<<"$(q "select
        (select count(*) from outbound_mail where status in ('PENDING', 'CLAIMED', 'IN_FLIGHT')),
        (select coalesce(round(extract(epoch from now() - min(next_attempt_at))), 0) from outbound_mail
          where status = 'PENDING' and next_attempt_at <= now()),
        (select count(*) from event_publication where completion_date is null),
        (select count(*) from pg_stat_activity where datname = current_database()) - 1,
        pg_database_size(current_database()) / 1048576,
        (select count(*) from inbound_event)")"
    echo "$1|${ou:-?}|${rss:-?}|$open|$oldest|$pubs|$conns|$size|$events"
}
: >"$BENCH_OUT/samples.txt"
start=$SECONDS
while kill -0 "$WRK_PID" 2>/dev/null; do
    sleep "$SAMPLE"
    kill -0 "$APP_PID" 2>/dev/null || die "the app died during the soak (see $BENCH_OUT/app.log)"
    s=$(sample $((SECONDS - start)))
    echo "$s" >>"$BENCH_OUT/samples.txt"
    log "t=${s%%|*}s: $(echo "$s" | awk -F'|' '{ printf "old gen %s KB, RSS %s KB, open mails %s (oldest due %s s), unfinished publications %s, connections %s, db %s MB, events %s", $2, $3, $4, $5, $6, $7, $8, $9 }')"
done
wait "$WRK_PID" || true

log "draining: waiting up to 300 s for the outbox and the listeners"
for _ in $(seq 1 300); do
    [ "$(q "select (select count(*) from outbound_mail where status in ('PENDING', 'CLAIMED', 'IN_FLIGHT'))
              + (select count(*) from event_publication where completion_date is null)")" = 0 ] && break
    sleep 1
done
sleep 2
field() { sed -n "s/.*BENCH_RESULT.* $1=\([^ ]*\).*/\1/p" "$BENCH_OUT/wrk.txt" | tail -1; }
REQUESTS=$(field requests); RPS=$(field rps); P50=$(field p50_ms); P99=$(field p99_ms)
NON2XX=$(field non2xx); SOCKET_ERRORS=$(field socket_errors)
IFS='|' read -r events applied sent failed open unknown <<<"$(q "select
    (select count(*) from inbound_event), (select count(*) from inbound_event where applied_at is not null),
    (select count(*) from outbound_mail where status = 'SENT'), (select count(*) from outbound_mail where status = 'FAILED'),
    (select count(*) from outbound_mail where status in ('PENDING', 'CLAIMED', 'IN_FLIGHT')),
    (select count(*) from outbound_mail where status = 'UNKNOWN')")"
bench_cleanup   # stops the app and the sink, so the sink's counter and recipient log are final
DELIVERED=$(tail -c 400 "$BENCH_OUT/sink.out" | tr '\r' '\n' | sed -n 's/.*mesg=\([0-9]*\).*/\1/p' | tail -1)
DELIVERED=${DELIVERED:-0}
# old-generation floors per quarter of the run
read -r Q1 Q2 Q3 Q4 <<<"$(awk -F'|' -v soak="$SOAK" '$2 ~ /^[0-9]+$/ {
        q = int($1 * 4 / (soak + 1)); if (q > 3) q = 3
        if (!(q in lo) || $2 < lo[q]) lo[q] = $2 }
    END { printf "%s %s %s %s", (0 in lo ? lo[0] : "?"), (1 in lo ? lo[1] : "?"), (2 in lo ? lo[2] : "?"), (3 in lo ? lo[3] : "?") }' "$BENCH_OUT/samples.txt")"
{
    echo
    echo "## Soak, $(date -u +%Y-%m-%dT%H:%MZ)"
    echo
    echo "machine: $(bench_machine "$BENCH_DB"); load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "${SOAK}s at about $RATE events/s asked (2 connections); heap $BENCH_JAVA_OPTS"
    echo
    echo "| figure | value |"
    echo "|---|---:|"
    echo "| requests / req/s / p50 / p99 ms | $REQUESTS / $RPS / $P50 / $P99 |"
    echo "| non-2xx / socket errors | $NON2XX / $SOCKET_ERRORS |"
    echo "| events stored / applied | $events / $applied |"
    echo "| mails SENT / delivered at the sink / FAILED / UNKNOWN / still open | $sent / $DELIVERED / $failed / $unknown / $open |"
    echo "| old generation floor (KB) per quarter of the run | $Q1 / $Q2 / $Q3 / $Q4 |"
    echo
    echo "samples (t s | old gen KB | RSS KB | open mails | oldest due s | unfinished publications | connections | db MB | events):"
    echo
    echo '```'
    cat "$BENCH_OUT/samples.txt"
    echo '```'
} | tee "$BENCH_OUT/results.md"

status=0
check() { echo "FAILED CHECK: $*" >&2; status=1; }
[ "${NON2XX:-x}" = 0 ] || check "$NON2XX non-2xx answers"
[ "$events" = "$applied" ] || check "$events events stored, $applied applied"
[ "$failed" = 0 ] && [ "$open" = 0 ] && [ "$unknown" = 0 ] || check "mails FAILED $failed, open $open, UNKNOWN $unknown after the drain"
[ "$DELIVERED" = "$sent" ] || check "$sent mails SENT, $DELIVERED delivered at the sink"
if [[ "$Q2" =~ ^[0-9]+$ && "$Q4" =~ ^[0-9]+$ ]]; then
    [ "$Q4" -le $((Q2 * 2)) ] || check "the old generation's floor grew from $Q2 KB to $Q4 KB"
else
    check "too few samples for the old generation's floors (SOAK at least 4 × SAMPLE)"
fi
log "raw output in $BENCH_OUT; database $BENCH_DB left for inspection"
exit "$status"
