#!/usr/bin/env bash
# Soak (issue #16 §1): one app instance, with its mail dispatcher on and Postfix's smtp-sink as the
# relay, takes mixed load for SOAK seconds: a steady stream of order.placed events (wrk with a
# pause per request: about RATE events/s), each stored, applied and answered by a thank-you mail
# through the outbox; an operator's console session opening the queue, a customer search, the
# figures and the dashboard; and customers looking up their orders on the portal (each lookup
# charges the rate buckets in PostgreSQL and mails an access link), one page or lookup every
# BROWSE_PAUSE seconds. Every SAMPLE seconds it records what would grow if something leaked or fell
# behind: the JVM's old generation after its last collection and the process's RSS, the open
# mails in the outbox and the age of the oldest due one, unfinished event publications, the
# app's connections to PostgreSQL and the database size. At the end (after a drain) it checks:
# no non-2xx answer, every event applied, every mail SENT and delivered once, no FAILED mail, and
# the old generation's floor in the last quarter of the run at most twice its floor in the
# second quarter (after warm-up), RSS always under RSS_LIMIT_MB and its peak in the last quarter at
# most 20 % above the second's, every console page 200 and every portal lookup found (302).
# It reports GC counts and times (jstat) and the connection pool (Hikari, from /actuator/prometheus).
#
#   ./mvnw -B -DskipTests package && bash bench/faults/soak.sh
#
# Settings: SOAK=1800 RATE=20 SAMPLE=60 BROWSE_PAUSE=1 RSS_LIMIT_MB=768 BENCH_PORT=18580
#           SINK_PORT=12625 BENCH_DB=aftercare_soak BENCH_JAVA_OPTS="-Xms256m -Xmx512m" APP_JAR
#           BENCH_OUT PGHOST/PGPORT/PGUSER
set -euo pipefail
HERE=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
SOAK=${SOAK:-1800}
RATE=${RATE:-20}
SAMPLE=${SAMPLE:-60}
BROWSE_PAUSE=${BROWSE_PAUSE:-1}
RSS_LIMIT_MB=${RSS_LIMIT_MB:-768}
BENCH_PORT=${BENCH_PORT:-18580}
SINK_PORT=${SINK_PORT:-12625}
BENCH_DB=${BENCH_DB:-aftercare_soak}
BENCH_JAVA_OPTS=${BENCH_JAVA_OPTS:-"-Xms256m -Xmx512m"}
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
ADMIN_PASSWORD=soak-admin-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')
METRICS_TOKEN=soak-metrics-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
log "starting $APP_JAR on port $PORT (log: $BENCH_OUT/app.log), relay smtp-sink on $SINK_AT"
bench_start_app "$BENCH_OUT/app.log" "$BENCH_DB" "$PORT" \
    AFTERCARE_BOOTSTRAP_STOREFRONT=soak-shop AFTERCARE_BOOTSTRAP_API_KEY="$API_KEY" \
    AFTERCARE_BOOTSTRAP_ADMIN_PASSWORD="$ADMIN_PASSWORD" AFTERCARE_METRICS_TOKEN="$METRICS_TOKEN" \
    AFTERCARE_PORTAL_LOOKUP_PER_CLIENT=1000000 AFTERCARE_PORTAL_LOOKUP_PER_ORDER=1000 \
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

# The browsing half: an operator's pages and customers' portal lookups, one every BROWSE_PAUSE
# seconds, each answer's status in a file (checked at the end). The portal's per-client limit is
# raised above: every lookup comes from 127.0.0.1, and the limit is not what this run measures.
CONSOLE_JAR=$BENCH_OUT/console-cookies.txt
bench_console_login "$BASE" "$CONSOLE_JAR" "$ADMIN_PASSWORD"
browse() {
    local pages=(/console /console/inquiries "/console/search?q=%E5%B1%B1%E7%94%B0" /console/figures) i=0 row jar
    jar=$BENCH_OUT/portal-cookies.txt
    while kill -0 "$WRK_PID" 2>/dev/null; do
        echo "console $(curl -s -o /dev/null -w '%{http_code}' -b "$CONSOLE_JAR" "$BASE${pages[$((i % ${#pages[@]}))]}")"
        row=$(q "select o.order_number || '|' || c.email from customer_order o join customer c on c.id = o.customer_id
                  order by o.id desc offset floor(random() * 50) limit 1") || row=""
        if [ -n "$row" ]; then
            rm -f "$jar"
            echo "portal $(curl -s -o /dev/null -w '%{http_code}' -b "$jar" -c "$jar" \
                --data-urlencode "orderNumber=${row%%|*}" --data-urlencode "contact=${row#*|}" \
                --data-urlencode "_csrf=$(bench_csrf "$BASE" "$jar" /portal)" "$BASE/portal/lookup")"
        fi
        i=$((i + 1))
        sleep "$BROWSE_PAUSE"
    done
}
browse >"$BENCH_OUT/browse.txt" 2>&1 &
bench_track $! "console and portal browsing"

# the connection pool as Prometheus reads it: active, idle, pending, timeouts so far
pool() {
    curl -fsS -H "Authorization: Bearer $METRICS_TOKEN" "$BASE/actuator/prometheus" 2>/dev/null | awk '
        /^hikaricp_connections_active\{/ { a = $2 } /^hikaricp_connections_idle\{/ { i = $2 }
        /^hikaricp_connections_pending\{/ { p = $2 } /^hikaricp_connections_timeout_total\{/ { t = $2 }
        END { printf "%d/%d/%d/%d", a, i, p, t }'
}

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
    echo "$1|${ou:-?}|${rss:-?}|$open|$oldest|$pubs|$conns|$size|$events|$(pool)"
}
: >"$BENCH_OUT/samples.txt"
start=$SECONDS
while kill -0 "$WRK_PID" 2>/dev/null; do
    sleep "$SAMPLE"
    kill -0 "$APP_PID" 2>/dev/null || die "the app died during the soak (see $BENCH_OUT/app.log)"
    s=$(sample $((SECONDS - start)))
    echo "$s" >>"$BENCH_OUT/samples.txt"
    log "t=${s%%|*}s: $(echo "$s" | awk -F'|' '{ printf "old gen %s KB, RSS %s KB, open mails %s (oldest due %s s), unfinished publications %s, connections %s, db %s MB, events %s, pool active/idle/pending/timeouts %s", $2, $3, $4, $5, $6, $7, $8, $9, $10 }')"
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
GC=$(jstat -gc "$APP_PID" 2>/dev/null | awk 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i }
    NR == 2 { printf "%d young (%.1f s), %d full (%.1f s), %d concurrent (%.1f s)", $col["YGC"], $col["YGCT"], $col["FGC"], $col["FGCT"], $col["CGC"], $col["CGCT"] }')
POOL_END=$(pool)
bench_cleanup   # stops the app and the sink, so the sink's counter and recipient log are final
DELIVERED=$(tail -c 400 "$BENCH_OUT/sink.out" | tr '\r' '\n' | sed -n 's/.*mesg=\([0-9]*\).*/\1/p' | tail -1)
DELIVERED=${DELIVERED:-0}
CONSOLE_OK=$(grep -c '^console 200$' "$BENCH_OUT/browse.txt" || true)
CONSOLE_ALL=$(grep -c '^console ' "$BENCH_OUT/browse.txt" || true)
PORTAL_OK=$(grep -c '^portal 302$' "$BENCH_OUT/browse.txt" || true)
PORTAL_ALL=$(grep -c '^portal ' "$BENCH_OUT/browse.txt" || true)
# RSS: the peak of the whole run, and per quarter
read -r RSS_MAX R1 R2 R3 R4 <<<"$(awk -F'|' -v soak="$SOAK" '$3 ~ /^[0-9]+$/ {
        q = int($1 * 4 / (soak + 1)); if (q > 3) q = 3
        if ($3 > hi[q]) hi[q] = $3; if ($3 > max) max = $3 }
    END { printf "%d %d %d %d %d", max, hi[0], hi[1], hi[2], hi[3] }' "$BENCH_OUT/samples.txt")"
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
    echo "${SOAK}s at about $RATE events/s asked (2 connections), a console page and a portal lookup every ${BROWSE_PAUSE}s; heap $BENCH_JAVA_OPTS"
    echo
    echo "| figure | value |"
    echo "|---|---:|"
    echo "| requests / req/s / p50 / p99 ms | $REQUESTS / $RPS / $P50 / $P99 |"
    echo "| non-2xx / socket errors | $NON2XX / $SOCKET_ERRORS |"
    echo "| events stored / applied | $events / $applied |"
    echo "| mails SENT / delivered at the sink / FAILED / UNKNOWN / still open | $sent / $DELIVERED / $failed / $unknown / $open |"
    echo "| console pages 200 / asked; portal lookups found / asked | $CONSOLE_OK / $CONSOLE_ALL; $PORTAL_OK / $PORTAL_ALL |"
    echo "| old generation floor (KB) per quarter of the run | $Q1 / $Q2 / $Q3 / $Q4 |"
    echo "| RSS peak (KB) per quarter of the run; whole run | $R1 / $R2 / $R3 / $R4; $RSS_MAX |"
    echo "| GC at the end | $GC |"
    echo "| pool at the end: active / idle / pending / timeouts | $POOL_END |"
    echo
    echo "samples (t s | old gen KB | RSS KB | open mails | oldest due s | unfinished publications | connections | db MB | events | pool active/idle/pending/timeouts):"
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
[ "$CONSOLE_ALL" -gt 0 ] && [ "$CONSOLE_OK" = "$CONSOLE_ALL" ] || check "console pages: $CONSOLE_OK of $CONSOLE_ALL answered 200"
[ "$PORTAL_ALL" -gt 0 ] && [ "$PORTAL_OK" = "$PORTAL_ALL" ] || check "portal lookups: $PORTAL_OK of $PORTAL_ALL found the order"
[ "$RSS_MAX" -lt $((RSS_LIMIT_MB * 1024)) ] || check "RSS reached $RSS_MAX KB (limit $RSS_LIMIT_MB MB)"
[ "$R2" -gt 0 ] && [ "$R4" -le $((R2 * 12 / 10)) ] || check "RSS peak grew from $R2 KB (second quarter) to $R4 KB (last)"
if [[ "$Q2" =~ ^[0-9]+$ && "$Q4" =~ ^[0-9]+$ ]]; then
    [ "$Q4" -le $((Q2 * 2)) ] || check "the old generation's floor grew from $Q2 KB to $Q4 KB"
else
    check "too few samples for the old generation's floors (SOAK at least 4 × SAMPLE)"
fi
log "raw output in $BENCH_OUT; database $BENCH_DB left for inspection"
exit "$status"
