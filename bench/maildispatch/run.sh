#!/usr/bin/env bash
# Step-mail dispatch benchmark: INSTANCES app instances (default two) on one PostgreSQL drain
# MAILS due mails (default one million) from the outbox (outbound_mail) into Postfix's smtp-sink;
# every mail is checked at the sink by its recipient (duplicates and losses must both be zero).
# In the same run, smtp-source → smtp-sink with the same message size gives the ceiling of SMTP
# on this machine at that moment, and the ratio app/ceiling is printed.
#
#   ./mvnw -B -DskipTests package && bash bench/maildispatch/run.sh
#   MAILS=100000 bash bench/maildispatch/run.sh           # a shorter run
#
# Settings (environment):
#   MAILS=1000000          due mails to send (the issue's target)
#   INSTANCES=2            app instances dispatching concurrently (one SMTP connection each)
#   BATCH_SIZE=100         aftercare.mail.dispatcher.batch-size on every instance
#   IN_FLIGHT_GROUP=10     aftercare.mail.dispatcher.in-flight-group (1 = one IN_FLIGHT and one
#                          SENT statement per mail, as before the grouping)
#   POLL_INTERVAL=200ms    aftercare.mail.dispatcher.poll-interval
#   TIMEOUT=300+MAILS/100  seconds to wait for all mails    STALL=60  give up after no progress for
#   STARTUP_TIMEOUT=600    seconds an instance may take to report UP (slow on a busy machine)
#   REUSE_DB=0             1: keep BENCH_DB and reset the MAILS mails of an earlier run (saves
#                          the insert, ≈12 min for a million on a busy machine)
#   DB_POOL=4              connection pool per instance (PostgreSQL's max_connections is shared)
#   (touch $BENCH_OUT/stop ends the dispatch early; the counts and the ceiling still run, and
#   mails still open then are reported as open, not as lost)
#   KILLS=0                fault mode (bench/faults/kill-dispatch.sh): kill -9 a running instance
#                          this many times at random moments of the dispatch and start it again
#                          at once (a new process, so a new instance id); the mails it had in
#                          flight are parked UNKNOWN by the others after LEASE, never sent twice
#   SINK_DOWN=0            outage mode (bench/faults/smtp-down.sh): when a fifth of the mails has
#                          arrived, stop smtp-sink for this many seconds, then start it again on
#                          the same port; every mail must still arrive once
#   PG_DOWN=0              restart mode (bench/faults/pg-restart.sh): when a third of the mails has
#                          arrived, stop PostgreSQL (the cluster PG_CLUSTER, e.g. "15 faults", whose
#                          port must be PGPORT: never the shared one) with -m fast for this many
#                          seconds, then start it again; every mail must still arrive exactly once
#   QUIET=0                quiet-hours mode, with SINK_DOWN (bench/faults/smtp-down-quiet.sh): every
#                          fourth mail is promotional (one consenting customer), the instances get
#                          quiet hours (aftercare.mail.quiet-start/-end, in Asia/Tokyo) that begin
#                          SINK_DOWN/2 after the gate, during the outage, and end SINK_DOWN + 360 s
#                          after it (past the relay's longest wait), and the gate opens QUIET_LEAD
#                          (300) seconds after the instances were launched so those times hold; no
#                          promotional mail may be sent inside the hours, and all must be sent after
#   LEASE=2m               aftercare.mail.dispatcher.lease (fault mode: use a short one, e.g. 15s)
#   SINK_DUMP=1            1: smtp-sink dumps every mail into a FIFO from which only the envelope
#                          recipient line is kept (≈30 bytes per mail), so each mail is checked;
#                          0: count only (duplicates = delivered − SENT)
#   CEILING_MAILS=min(MAILS,50000)   CEILING_SESSIONS="INSTANCES 10"   smtp-source runs ("" skips them)
#   BENCH_PORT=18180       first HTTP port to try     SINK_PORT=12525  first SMTP port to try
#   PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres      BENCH_DB=aftercare_mailbench
#   BENCH_JAVA_OPTS="-Xms256m -Xmx1g"  (per instance)  BENCH_OUT=/tmp/aftercare-mailbench-<time>
#   APP_JAR=aftercare-web/target/aftercare.jar
#
# Honesty note: the app instances, PostgreSQL, smtp-sink and smtp-source share the same cores
# (2 on the reference machine), with whatever else runs there. The load average is sampled every
# 10 s during dispatch and printed. The ceiling runs right after the dispatch, with the apps
# stopped.
#
# The database is dropped and recreated at the start and left afterwards for inspection. The
# apps and smtp-sink are stopped on exit (trap); no Postfix daemon is started.
set -euo pipefail

HERE=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)

MAILS=${MAILS:-1000000}
INSTANCES=${INSTANCES:-2}
BATCH_SIZE=${BATCH_SIZE:-100}
IN_FLIGHT_GROUP=${IN_FLIGHT_GROUP:-10}
POLL_INTERVAL=${POLL_INTERVAL:-200ms}
QUIET=${QUIET:-0}
QUIET_LEAD=${QUIET_LEAD:-300}
SINK_DOWN=${SINK_DOWN:-0}
# the quiet-hours mode waits for the hours to end before the promotional mails go
TIMEOUT=${TIMEOUT:-$((300 + MAILS / 100 + (QUIET == 1 ? SINK_DOWN + 360 : 0)))}
STALL_SET=$([ -n "${STALL:-}" ] && echo 1 || echo 0)
STALL=${STALL:-60}
STARTUP_TIMEOUT=${STARTUP_TIMEOUT:-600}
REUSE_DB=${REUSE_DB:-0}
DB_POOL=${DB_POOL:-4}
SINK_DUMP=${SINK_DUMP:-1}
KILLS=${KILLS:-0}
PG_DOWN=${PG_DOWN:-0}
PG_CLUSTER=${PG_CLUSTER:-}
LEASE=${LEASE:-2m}
CEILING_MAILS=${CEILING_MAILS:-$((MAILS < 50000 ? MAILS : 50000))}
CEILING_SESSIONS=${CEILING_SESSIONS-"$INSTANCES 10"}
BENCH_PORT=${BENCH_PORT:-18180}
SINK_PORT=${SINK_PORT:-12525}
BENCH_DB=${BENCH_DB:-aftercare_mailbench}
BENCH_JAVA_OPTS=${BENCH_JAVA_OPTS:-"-Xms256m -Xmx1g"}
APP_JAR=${APP_JAR:-$ROOT/aftercare-web/target/aftercare.jar}
BENCH_OUT=${BENCH_OUT:-/tmp/aftercare-mailbench-$(date +%Y%m%d-%H%M%S)}
BODY_LINES=155   # 155 lines of 32 hex characters + LF: 5,114 characters of text body
MSG_SIZE=5120    # smtp-source payload, the same order as the app's body
SMTP_SINK=/usr/sbin/smtp-sink
SMTP_SOURCE=/usr/sbin/smtp-source
# shellcheck source=../lib.sh
. "$HERE/../lib.sh"
bench_pg_defaults

# --- (a) tools ---------------------------------------------------------------
postfix_was_missing=0
[ -x "$SMTP_SINK" ] && [ -x "$SMTP_SOURCE" ] || postfix_was_missing=1
bench_require_tools "postfix postgresql-client curl" "$SMTP_SINK" "$SMTP_SOURCE" psql curl
if [ "$postfix_was_missing" = 1 ] && command -v postfix >/dev/null 2>&1; then
    # we only want the test programs; the mail server itself must not stay up on port 25
    postfix status >/dev/null 2>&1 && { log "stopping the postfix daemon the package started"; postfix stop || true; }
fi
bench_check_prereqs "$APP_JAR"
[[ "$MAILS" =~ ^[0-9]+$ ]] && [ "$MAILS" -gt 0 ] || die "MAILS must be a positive number"
[[ "$INSTANCES" =~ ^[0-9]+$ ]] && [ "$INSTANCES" -gt 0 ] && [ "$INSTANCES" -le 26 ] \
    || die "INSTANCES must be a number from 1 to 26"
[[ "$KILLS" =~ ^[0-9]+$ ]] || die "KILLS must be a number"
[[ "$SINK_DOWN" =~ ^[0-9]+$ ]] || die "SINK_DOWN must be a number of seconds"
if [ "$QUIET" = 1 ]; then
    [ "$SINK_DOWN" -gt 0 ] || die "QUIET=1 needs SINK_DOWN (the outage that carries mail into the quiet hours)"
    [ "$REUSE_DB" = 0 ] || die "QUIET=1 needs a fresh database (REUSE_DB=0): it inserts promotional mails"
    [[ "$QUIET_LEAD" =~ ^[0-9]+$ ]] || die "QUIET_LEAD must be a number of seconds"
fi
[[ "$PG_DOWN" =~ ^[0-9]+$ ]] || die "PG_DOWN must be a number of seconds"
if [ "$PG_DOWN" -gt 0 ]; then
    # the cluster stopped must be the one the bench uses, and not one other work shares
    [ -n "$PG_CLUSTER" ] || die "PG_DOWN needs PG_CLUSTER (\"VERSION NAME\" of a cluster of its own, see bench/faults/pg-restart.sh)"
    cluster_port=$(pg_lsclusters -h | awk -v v="${PG_CLUSTER% *}" -v n="${PG_CLUSTER#* }" '$1 == v && $2 == n { print $3 }')
    [ "$cluster_port" = "$PGPORT" ] || die "cluster $PG_CLUSTER listens on ${cluster_port:-nothing}, not on PGPORT=$PGPORT"
    [ "$SINK_DUMP" = 1 ] || die "PG_DOWN needs SINK_DUMP=1 (duplicates are counted per recipient)"
fi
[ "$KILLS" = 0 ] || [ "$INSTANCES" -ge 2 ] || die "KILLS needs INSTANCES of 2 or more (one keeps dispatching)"
[ "$KILLS" = 0 ] || [ "$SINK_DUMP" = 1 ] || die "KILLS needs SINK_DUMP=1 (duplicates are counted per recipient)"
mkdir -p "$BENCH_OUT"
log "output in $BENCH_OUT"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
log "load average before: $LOAD_BEFORE"
awk -v l="${LOAD_BEFORE%% *}" 'BEGIN { exit !(l > 1.5) }' \
    && log "WARNING: the machine is busy (1-min load $LOAD_BEFORE > 1.5); figures will be low"

SINK_USER=()
[ "$(id -u)" -eq 0 ] && SINK_USER=(-u nobody)   # smtp-sink refuses to run as root without -u
SINK_DIR=$(mktemp -d /tmp/aftercare-mailbench-fifo.XXXXXX)
chmod 0777 "$SINK_DIR"   # smtp-sink writes its dump as nobody

finish() {
    bench_cleanup
    rm -rf "$SINK_DIR"
}
trap finish EXIT
trap 'exit 130' INT TERM

# start_sink NAME DUMP(0|1) [PORT] — smtp-sink on PORT or a free port; sets SINK_PID, SINK_AT, SINK_OUT and,
# with the dump on, SINK_RCPTS (one "X-Rcpt-Args: <recipient>" line per mail received).
# The dump goes into a FIFO that grep reads, keeping only the recipient line: a full dump of a
# million 5 KB mails would need 5.5 GB. The script holds the FIFO open for writing itself
# (SINK_HOLD), so grep sees no end of file while smtp-sink opens and closes the dump.
start_sink() {
    local dump=()
    SINK_AT=${3:-$(bench_free_port "$SINK_PORT" "${USED_PORTS[@]}")}
    SINK_OUT=$BENCH_OUT/sink-$1.out
    SINK_RCPTS=
    if [ "$2" = 1 ]; then
        local fifo=$SINK_DIR/$1.fifo
        mkfifo -m 0666 "$fifo"
        SINK_RCPTS=$BENCH_OUT/sink-$1.rcpts
        grep -a '^X-Rcpt-Args: ' <"$fifo" >"$SINK_RCPTS" &
        SINK_GREP_PID=$!
        exec {SINK_HOLD}<>"$fifo"
        dump=(-D "$fifo")
    fi
    "$SMTP_SINK" "${SINK_USER[@]}" -c "${dump[@]}" "127.0.0.1:$SINK_AT" 1024 >"$SINK_OUT" 2>&1 </dev/null &
    SINK_PID=$!
    bench_track "$SINK_PID" "smtp-sink on port $SINK_AT"
    for _ in $(seq 1 50); do port_in_use "$SINK_AT" && return 0; sleep 0.1; done
    cat "$SINK_OUT" >&2
    die "smtp-sink did not listen on 127.0.0.1:$SINK_AT"
}
# stop_sink PID RCPTS — stops smtp-sink, then lets its grep read the FIFO to the end.
stop_sink() {
    bench_stop "$1" "smtp-sink"
    if [ -n "$2" ]; then
        exec {SINK_HOLD}>&-
        wait "$SINK_GREP_PID" || true
    fi
}
# sink_count OUTFILE — the last "mesg=" of smtp-sink's -c counter (mails received).
# Only the file's end is read: smtp-sink appends a counter line per mail (28 MB for a million).
sink_count() { tail -c 400 "$1" | tr '\r' '\n' | sed -n 's/.*mesg=\([0-9]*\).*/\1/p' | tail -1; }
now() { date +%s.%N; }
q() { psql -d "$BENCH_DB" -v ON_ERROR_STOP=1 -Atqc "$1"; }
USED_PORTS=()

# --- (b) fresh database, schema by Flyway -----------------------------------
[ "$REUSE_DB" = 1 ] || bench_recreate_db "$BENCH_DB"
LINK_SECRET=$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')   # the same on every instance
LETTERS=abcdefghijklmnopqrstuvwxyz
NAMES=(); PORTS=()
next_port=$BENCH_PORT
for i in $(seq 0 $((INSTANCES - 1))); do
    NAMES+=("${LETTERS:$i:1}")
    PORTS+=("$(bench_free_port "$next_port" "${PORTS[@]}")")
    next_port=$((${PORTS[$i]} + 1))
done
PORT_A=${PORTS[0]}
USED_PORTS=("${PORTS[@]}")

if [ "$REUSE_DB" = 1 ]; then
    reusable=$(q "select count(*) from outbound_mail where dedup_key like 'mailbench-%'" 2>/dev/null || echo 0)
    [ "$reusable" = "$MAILS" ] || die "REUSE_DB=1 needs $BENCH_DB with exactly $MAILS bench mails (found ${reusable:-none})"
    log "REUSE_DB=1: resetting the $MAILS mails of an earlier run to PENDING, due tomorrow"
    t=$(now)
    q "delete from outbound_mail where dedup_key not like 'mailbench-%'" >/dev/null
    q "update outbound_mail set status = 'PENDING', claimed_by = null, lease_until = null, attempts = 0,
              message_id = null, sent_at = null, last_error = null,
              due_at = now() + interval '1 day', next_attempt_at = now() + interval '1 day'" >/dev/null
    q "analyze outbound_mail" >/dev/null
    INSERT_S="(reused; reset in $(awk -v a="$t" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }')s)"
else
log "starting instance A once with the dispatcher off, so Flyway creates the schema"
bench_start_app "$BENCH_OUT/app-schema.log" "$BENCH_DB" "$PORT_A" \
    AFTERCARE_MAIL_DISPATCHER_ENABLED=false AFTERCARE_STEPMAIL_SCHEDULER_ENABLED=false \
    AFTERCARE_LINK_SECRET="$LINK_SECRET" SPRING_MAIL_HOST=127.0.0.1 SPRING_MAIL_PORT="$SINK_PORT"
bench_wait_up "http://127.0.0.1:$PORT_A" "$BENCH_APP_PID" "$BENCH_OUT/app-schema.log" "$STARTUP_TIMEOUT"
bench_stop "$BENCH_APP_PID" "instance A (schema only)"

# --- (c) the mails -------------------------------------------------------------
# Inserted due tomorrow, so neither instance starts before both are up; (e) makes them due now
# in one statement, which is the start of the measurement.
log "inserting $MAILS mails (≈5 KB text bodies) into outbound_mail"
t=$(now)
psql -d "$BENCH_DB" -v ON_ERROR_STOP=1 -q -v n="$MAILS" -v lines="$BODY_LINES" -v quiet="$QUIET" <<'SQL'
insert into customer (email, email_normalized, name, promotional_consent)
values ('promo@bench.example', 'promo@bench.example', 'bench', true);
with base as (
    select string_agg(md5(k::text), E'\n') as text from generate_series(1, 400) k
)
-- QUIET=1: every fourth mail is promotional, for the one customer who consented
insert into outbound_mail (dedup_key, kind, template, customer_id, to_address, subject, text_body,
                           status, due_at, next_attempt_at)
select 'mailbench-' || i,
       case when :quiet = 1 and i % 4 = 0 then 'PROMOTIONAL' else 'TRANSACTIONAL' end, 'bench',
       case when :quiet = 1 and i % 4 = 0 then (select id from customer where email = 'promo@bench.example') end,
       'r' || i || '@bench.example',
       'Aftercare mail bench #' || i,
       'Mail #' || i || E' of the dispatch benchmark.\n' || substr(base.text, 1 + (i % 200) * 33, :lines * 33),
       'PENDING', now() + interval '1 day', now() + interval '1 day'
  from base, generate_series(1, :n) i;
vacuum (analyze) outbound_mail;
SQL
INSERT_S=$(awk -v a="$t" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }')s
fi
log "mails ready: ${INSERT_S}; table size $(q "select pg_size_pretty(pg_total_relation_size('outbound_mail'))")"

# --- (d) smtp-sink and the instances ---------------------------------------------
start_sink app "$SINK_DUMP"
APP_SINK_PID=$SINK_PID APP_SINK_PORT=$SINK_AT APP_SINK_OUT=$SINK_OUT APP_SINK_RCPTS=$SINK_RCPTS
# the app's sinks, more than one when SINK_DOWN restarts it; received = the earlier ones' + this one's
APP_SINK_OUTS=("$APP_SINK_OUT"); APP_SINK_RCPTS_ALL=("$APP_SINK_RCPTS"); RECEIVED_BEFORE=0
SINK_STATE=up; DOWN_AT_RECEIVED=; BACK_AT=
USED_PORTS+=("$APP_SINK_PORT")
log "smtp-sink on 127.0.0.1:$APP_SINK_PORT (recipients: ${APP_SINK_RCPTS:-not recorded})"

# QUIET=1: the hours in the shop's zone (HH:MM:SS), fixed before the instances start
QUIET_ENV=()
if [ "$QUIET" = 1 ]; then
    GATE_AT=$(($(date +%s) + QUIET_LEAD))
    QUIET_FROM=$((GATE_AT + SINK_DOWN / 2)); QUIET_UNTIL=$((GATE_AT + SINK_DOWN + 360))
    QUIET_ENV=(AFTERCARE_SHOP_ZONE=Asia/Tokyo
        AFTERCARE_MAIL_QUIET_START="$(TZ=Asia/Tokyo date -d "@$QUIET_FROM" +%T)"
        AFTERCARE_MAIL_QUIET_END="$(TZ=Asia/Tokyo date -d "@$QUIET_UNTIL" +%T)")
    log "quiet hours $(date -d "@$QUIET_FROM" +%T)–$(date -d "@$QUIET_UNTIL" +%T) (${QUIET_ENV[1]#*=}–${QUIET_ENV[2]#*=} Asia/Tokyo); the gate opens at $(date -d "@$GATE_AT" +%T)"
fi
APP_LOGS=()
start_instance() { # NAME PORT
    APP_LOGS+=("$BENCH_OUT/app-$1.log")
    bench_start_app "$BENCH_OUT/app-$1.log" "$BENCH_DB" "$2" \
        SPRING_MAIL_HOST=127.0.0.1 SPRING_MAIL_PORT="$APP_SINK_PORT" \
        AFTERCARE_MAIL_DISPATCHER_ENABLED=true \
        AFTERCARE_MAIL_DISPATCHER_BATCH_SIZE="$BATCH_SIZE" \
        AFTERCARE_MAIL_DISPATCHER_IN_FLIGHT_GROUP="$IN_FLIGHT_GROUP" \
        AFTERCARE_MAIL_DISPATCHER_POLL_INTERVAL="$POLL_INTERVAL" \
        AFTERCARE_MAIL_DISPATCHER_INSTANCE_ID="bench-$1" \
        AFTERCARE_MAIL_DISPATCHER_LEASE="$LEASE" \
        AFTERCARE_STEPMAIL_SCHEDULER_ENABLED=false \
        SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE="$DB_POOL" \
        AFTERCARE_LINK_SECRET="$LINK_SECRET" "${QUIET_ENV[@]}"
}
log "starting $INSTANCES instance(s) (${NAMES[*]}), batch $BATCH_SIZE, in-flight group $IN_FLIGHT_GROUP, poll $POLL_INTERVAL"
PIDS=()
for i in "${!NAMES[@]}"; do
    start_instance "${NAMES[$i]}" "${PORTS[$i]}"
    PIDS+=("$BENCH_APP_PID")
done
for i in "${!NAMES[@]}"; do
    bench_wait_up "http://127.0.0.1:${PORTS[$i]}" "${PIDS[$i]}" "$BENCH_OUT/app-${NAMES[$i]}.log" "$STARTUP_TIMEOUT"
done
log "all $INSTANCES instances are UP"
all_alive() { local p; for p in "${PIDS[@]}"; do kill -0 "$p" 2>/dev/null || return 1; done; }

# Fault mode: KILLS moments, drawn as received-counts between 5 % and 85 % of MAILS. At each, a
# random instance that reports UP is killed with -9 and started again at once under a new id;
# what it held is counted from the database right after the kill: IN_FLIGHT rows (handed to SMTP
# or about to be: parked UNKNOWN after the lease) and CLAIMED ones (given back after the lease).
IDS=(); INCARNATION=(); KILL_AT=(); KILL_LOG=(); KILLS_DONE=0; IN_FLIGHT_AT_KILLS=0; CLAIMED_AT_KILLS=0
for i in "${!NAMES[@]}"; do IDS+=("bench-${NAMES[$i]}"); INCARNATION+=(1); done
# after an outage the relay is tried again within 5 minutes (RelayOutage.LONGEST_WAIT): no stall
[ "$SINK_DOWN" = 0 ] || [ "${STALL_SET:-0}" = 1 ] || STALL=360
# after a database restart the mails held in flight wait for the lease before they are parked
[ "$PG_DOWN" = 0 ] || [ "${STALL_SET:-0}" = 1 ] || STALL=300
PG_STATE=up; IN_FLIGHT_AT_STOP=0
if [ "$KILLS" -gt 0 ]; then
    mapfile -t KILL_AT < <(shuf -i "$((MAILS * 5 / 100))-$((MAILS * 85 / 100))" -n "$KILLS" | sort -n)
    log "fault mode: $KILLS kill(s) -9 when the sink has received ${KILL_AT[*]} mails; lease $LEASE"
    # a restarted instance may take minutes to start on a busy machine: that is no stall
    [ "${STALL_SET:-0}" = 1 ] || STALL=$((STARTUP_TIMEOUT + 60))
fi
kill_one() { # RECEIVED — kill -9 a random instance that is UP, start it again; false if none is UP
    local up=() i
    for i in "${!NAMES[@]}"; do
        curl -fsS -m 1 "http://127.0.0.1:${PORTS[$i]}/actuator/health" 2>/dev/null | grep -q '"status":"UP"' && up+=("$i")
    done
    [ "${#up[@]}" -gt 0 ] || return 1
    i=${up[$((RANDOM % ${#up[@]}))]}
    kill -9 "${PIDS[$i]}"
    wait "${PIDS[$i]}" 2>/dev/null || true
    local held
    held=$(q "select count(*) filter (where status = 'IN_FLIGHT') || ' ' || count(*) filter (where status = 'CLAIMED')
                from outbound_mail where claimed_by = '${IDS[$i]}'")
    IN_FLIGHT_AT_KILLS=$((IN_FLIGHT_AT_KILLS + ${held% *}))
    CLAIMED_AT_KILLS=$((CLAIMED_AT_KILLS + ${held#* }))
    KILLS_DONE=$((KILLS_DONE + 1))
    KILL_LOG+=("| $KILLS_DONE | $1 | ${IDS[$i]} | ${held% *} | ${held#* } |")
    log "$(date +%T) kill -9 #$KILLS_DONE of ${IDS[$i]} at $1 received: ${held% *} in flight, ${held#* } claimed; restarting"
    INCARNATION[$i]=$((INCARNATION[$i] + 1))
    IDS[$i]=bench-${NAMES[$i]}${INCARNATION[$i]}
    start_instance "${NAMES[$i]}${INCARNATION[$i]}" "${PORTS[$i]}"
    PIDS[$i]=$BENCH_APP_PID
}

# --- (e) measure ---------------------------------------------------------------
if [ "$QUIET" = 1 ]; then
    [ "$(date +%s)" -lt "$GATE_AT" ] || die "the instances took longer than QUIET_LEAD=${QUIET_LEAD}s to start: give a larger one"
    log "waiting $((GATE_AT - $(date +%s)))s for the planned gate"
    sleep $((GATE_AT - $(date +%s)))
fi
# t0 is when the gate commits (read from the database clock, like sent_at): before that no
# instance can see a due mail.
t=$(now)
T0_DB=$(psql -d "$BENCH_DB" -v ON_ERROR_STOP=1 -Atq \
    -c "update outbound_mail set due_at = now(), next_attempt_at = now() where dedup_key like 'mailbench-%' and status = 'PENDING'" \
    -c "select extract(epoch from clock_timestamp())" | tail -1)
T0=$(now)
GATE_S=$(awk -v a="$t" -v b="$T0" 'BEGIN { printf "%.1f", b - a }')
log "all $MAILS mails due now (the gate update took ${GATE_S}s); timeout ${TIMEOUT}s"
# Progress comes from the sink's counter, which costs the database nothing; the database is
# asked (through the partial indexes on open states) every 10 s and when the sink has them all.
received=0; open=$MAILS; last_received=-1; last_change=$SECONDS; start=$SECONDS; outcome=done
LOADS=(); next_log=$((SECONDS + 10))
while :; do
    # while the server is down its stopped sink's count is already in RECEIVED_BEFORE
    received=0; [ "$SINK_STATE" = down ] || received=$(sink_count "$APP_SINK_OUT")
    received=$((RECEIVED_BEFORE + ${received:-0}))
    if [ "$SINK_DOWN" -gt 0 ] && [ "$SINK_STATE" = up ] && [ "$received" -ge $((MAILS / 5)) ]; then
        stop_sink "$APP_SINK_PID" "$APP_SINK_RCPTS"
        RECEIVED_BEFORE=$(sink_count "$APP_SINK_OUT"); RECEIVED_BEFORE=$((RECEIVED_BEFORE + 0))
        received=$RECEIVED_BEFORE; DOWN_AT_RECEIVED=$received; SINK_STATE=down; DOWN_SINCE=$SECONDS
        log "$(date +%T) SMTP down for ${SINK_DOWN}s after $received received"
    fi
    if [ "$PG_DOWN" -gt 0 ] && [ "$PG_STATE" = up ] && [ "$received" -ge $((MAILS / 3)) ]; then
        IN_FLIGHT_AT_STOP=$(q "select count(*) from outbound_mail where status = 'IN_FLIGHT'" || echo 0)
        # shellcheck disable=SC2086
        (bench_exec_without_fds pg_ctlcluster $PG_CLUSTER stop -m fast)
        PG_STATE=down; PG_DOWN_SINCE=$SECONDS; PG_DOWN_AT_RECEIVED=$received
        log "$(date +%T) PostgreSQL ($PG_CLUSTER) stopped for ${PG_DOWN}s after $received received ($IN_FLIGHT_AT_STOP in flight)"
    fi
    if [ "$PG_STATE" = down ]; then
        last_change=$SECONDS   # no progress is expected while the database is away
        if [ $((SECONDS - PG_DOWN_SINCE)) -ge "$PG_DOWN" ]; then
            # shellcheck disable=SC2086
            (bench_exec_without_fds pg_ctlcluster $PG_CLUSTER start)
            PG_STATE=back; PG_BACK_AT=$(now)
            log "$(date +%T) PostgreSQL ($PG_CLUSTER) back"
        fi
    fi
    # the promotional mails wait for the quiet hours to end: no progress is expected until then
    [ "$QUIET" = 1 ] && [ "$(date +%s)" -lt "$QUIET_UNTIL" ] && last_change=$SECONDS
    if [ "$SINK_STATE" = down ]; then
        last_change=$SECONDS   # no progress is expected while the server is away
        if [ $((SECONDS - DOWN_SINCE)) -ge "$SINK_DOWN" ]; then
            start_sink app-back "$SINK_DUMP" "$APP_SINK_PORT"
            APP_SINK_PID=$SINK_PID APP_SINK_OUT=$SINK_OUT APP_SINK_RCPTS=$SINK_RCPTS
            APP_SINK_OUTS+=("$APP_SINK_OUT"); APP_SINK_RCPTS_ALL+=("$APP_SINK_RCPTS")
            SINK_STATE=back; BACK_AT=$(now)
            log "$(date +%T) SMTP back on port $APP_SINK_PORT"
        fi
    fi
    T1=$(now)
    if [ "$received" -ge "$MAILS" ] || [ "$SECONDS" -ge "$next_log" ]; then
        open=$(q "select count(*) from outbound_mail where status = 'PENDING' or status in ('CLAIMED', 'IN_FLIGHT')" \
            || echo "$open")
        [ "$open" -eq 0 ] && break
    fi
    if [ "$received" != "$last_received" ]; then last_received=$received; last_change=$SECONDS; fi
    [ $((SECONDS - last_change)) -ge "$STALL" ] && { outcome="stalled: no progress for ${STALL}s"; break; }
    [ $((SECONDS - start)) -ge "$TIMEOUT" ] && { outcome="timed out after ${TIMEOUT}s"; break; }
    all_alive || { outcome="an instance died"; break; }
    if [ "$KILLS_DONE" -lt "${#KILL_AT[@]}" ] && [ "$received" -ge "${KILL_AT[$KILLS_DONE]}" ]; then
        kill_one "$received" || true
    fi
    [ -e "$BENCH_OUT/stop" ] && { outcome="stopped early: $BENCH_OUT/stop exists"; break; }
    if [ "$SECONDS" -ge "$next_log" ]; then
        next_log=$((SECONDS + 10))
        LOADS+=("$(cut -d' ' -f1 /proc/loadavg)")
        log "$(date +%T) received $received / $MAILS, open $open, load ${LOADS[-1]}"
    fi
    sleep 1
done
ELAPSED=$(awk -v a="$T0" -v b="$T1" 'BEGIN { printf "%.1f", b - a }')
log "$outcome: $received received, $open open after ${ELAPSED}s"
LOAD_DURING=$(cut -d' ' -f1-3 /proc/loadavg)
LOAD_SAMPLES=$(printf '%s\n' "${LOADS[@]:-}" | awk 'NF { n++; s += $1; if (n == 1 || $1 < lo) lo = $1; if ($1 > hi) hi = $1 }
    END { if (n) printf "mean %.1f, min %.1f, max %.1f over %d samples", s / n, lo, hi, n; else print "no samples" }')
sleep 2   # let the last batch close its connection
for i in "${!NAMES[@]}"; do bench_stop "${PIDS[$i]}" "instance ${NAMES[$i]}"; done
stop_sink "$APP_SINK_PID" "$APP_SINK_RCPTS"

# --- (f) count -----------------------------------------------------------------
IFS='|' read -r n_sent n_pending n_claimed n_inflight n_failed n_unknown n_cancelled <<<"$(q "select
    count(*) filter (where status = 'SENT'), count(*) filter (where status = 'PENDING'),
    count(*) filter (where status = 'CLAIMED'), count(*) filter (where status = 'IN_FLIGHT'),
    count(*) filter (where status = 'FAILED'), count(*) filter (where status = 'UNKNOWN'),
    count(*) filter (where status = 'CANCELLED') from outbound_mail")"
# the app's own records: one Message-ID per SENT row, none reused, nothing retried
IFS='|' read -r no_msgid reused_msgid retried span_s run_s <<<"$(q "select
    count(*) filter (where status = 'SENT' and message_id is null),
    count(message_id) - count(distinct message_id),
    count(*) filter (where attempts > 0),
    round(extract(epoch from max(sent_at) - min(sent_at))::numeric, 1),
    round((extract(epoch from max(sent_at)) - $T0_DB)::numeric, 1)
  from outbound_mail")"
q "select coalesce(claimed_by, '(none)'), status, count(*),
          round(count(*) / greatest(extract(epoch from max(sent_at) - min(sent_at)), 0.001))
     from outbound_mail group by 1, 2 order by 1, 2" >"$BENCH_OUT/split.txt"
counter=$(sink_count "$APP_SINK_OUT"); counter=$((RECEIVED_BEFORE + ${counter:-0}))
if [ "$SINK_DUMP" = 1 ]; then
    cat "${APP_SINK_RCPTS_ALL[@]}" | sed 's/^X-Rcpt-Args: <\([^>]*\)>.*/\1/' | sort >"$BENCH_OUT/sink-rcpts.txt"
    rm -f "${APP_SINK_RCPTS_ALL[@]}"
    delivered=$(wc -l <"$BENCH_OUT/sink-rcpts.txt")
    sort -u "$BENCH_OUT/sink-rcpts.txt" >"$BENCH_OUT/sink-rcpts-unique.txt"
    distinct=$(wc -l <"$BENCH_OUT/sink-rcpts-unique.txt")
    duplicates=$((delivered - distinct))
    uniq -d "$BENCH_OUT/sink-rcpts.txt" | head -20 >"$BENCH_OUT/duplicates-sample.txt"
    q "select to_address from outbound_mail where status = 'SENT'" | sort >"$BENCH_OUT/db-sent.txt"
    sent_not_received=$(comm -23 "$BENCH_OUT/db-sent.txt" "$BENCH_OUT/sink-rcpts-unique.txt" | wc -l)
    received_not_sent=$(comm -13 "$BENCH_OUT/db-sent.txt" "$BENCH_OUT/sink-rcpts-unique.txt" | wc -l)
    # a loss is a mail that is no longer open (PENDING, CLAIMED, IN_FLIGHT) nor parked for an
    # operator (UNKNOWN) and never reached the sink; a mail still open when the run stopped early
    # is unfinished, not lost
    q "select to_address from outbound_mail where status not in ('PENDING', 'CLAIMED', 'IN_FLIGHT', 'UNKNOWN')" \
        | sort >"$BENCH_OUT/db-closed.txt"
    losses=$(comm -23 "$BENCH_OUT/db-closed.txt" "$BENCH_OUT/sink-rcpts-unique.txt" | wc -l)
    # a parked mail either reached the server before the kill (the operator drops it: delivered)
    # or did not (the operator releases it: sent once more)
    q "select to_address from outbound_mail where status = 'UNKNOWN'" | sort >"$BENCH_OUT/db-unknown.txt"
    parked_arrived=$(comm -12 "$BENCH_OUT/db-unknown.txt" "$BENCH_OUT/sink-rcpts-unique.txt" | wc -l)
    parked_missing=$((n_unknown - parked_arrived))
    rm -f "$BENCH_OUT/db-closed.txt" "$BENCH_OUT/db-unknown.txt"
    check="per recipient (smtp-sink dump, recipient lines only)"
    rm -f "$BENCH_OUT/db-sent.txt" "$BENCH_OUT/sink-rcpts-unique.txt" "$BENCH_OUT/sink-rcpts.txt"
else
    delivered=$counter
    duplicates=$((delivered > n_sent ? delivered - n_sent : 0))
    losses=$((MAILS - (delivered < n_sent ? delivered : n_sent) - n_pending - n_claimed - n_inflight - n_unknown))
    parked_arrived="n/a"; parked_missing="n/a"
    sent_not_received="n/a"; received_not_sent="n/a"
    check="counts only (SINK_DUMP=0)"
fi
RATE=$(awk -v n="$n_sent" -v s="${run_s:-0}" 'BEGIN { if (s > 0) printf "%.0f", n / s; else print "n/a" }')
WALL_RATE=$(awk -v n="$n_sent" -v s="$ELAPSED" 'BEGIN { if (s > 0) printf "%.0f", n / s; else print "n/a" }')
SPAN_RATE=$(awk -v n="$n_sent" -v s="${span_s:-0}" 'BEGIN { if (s > 0) printf "%.0f", n / s; else print "n/a" }')
# SpringDoc warns at every start that its endpoints are on; that is not about mail
app_errors=$(cat "${APP_LOGS[@]}" | grep -E '^\S+\s+(ERROR|WARN)' \
    | grep -vc 'SpringDocAppInitializer' || true)

# a sent mail forgets its last error, so the failed tries are counted in the logs
connect_errors=$(cat "${APP_LOGS[@]}" | grep -c 'Cannot connect to the SMTP relay' || true)
charged=$(q "select count(*) from outbound_mail where attempts > 0 and status <> 'UNKNOWN'")
if [ "$QUIET" = 1 ]; then
    # sent_at is written on the server's 250 reply, by the database's clock (this machine's)
    IFS='|' read -r promo_all promo_before promo_inside promo_after trans_inside <<<"$(q "select
        count(*) filter (where kind = 'PROMOTIONAL'),
        count(*) filter (where kind = 'PROMOTIONAL' and sent_at < to_timestamp($QUIET_FROM)),
        count(*) filter (where kind = 'PROMOTIONAL' and sent_at >= to_timestamp($QUIET_FROM) and sent_at < to_timestamp($QUIET_UNTIL)),
        count(*) filter (where kind = 'PROMOTIONAL' and sent_at >= to_timestamp($QUIET_UNTIL)),
        count(*) filter (where kind = 'TRANSACTIONAL' and sent_at >= to_timestamp($QUIET_FROM) and sent_at < to_timestamp($QUIET_UNTIL))
      from outbound_mail")"
fi
BACK_TO_END_S=n/a
if [ -n "$BACK_AT" ]; then
    BACK_TO_END_S=$(awk -v a="$BACK_AT" -v b="$(q "select extract(epoch from max(sent_at)) from outbound_mail")" \
        'BEGIN { printf "%.0f", b - a }')
fi

# --- (g) the ceiling: smtp-source → smtp-sink, same sink flags, apps stopped ----
declare -a CEIL=()
for s in $CEILING_SESSIONS; do
    for dump in $( [ "$SINK_DUMP" = 1 ] && echo "1 0" || echo 0 ); do
        start_sink "ceiling-s$s-d$dump" "$dump"
        log "ceiling: smtp-source -s $s -d -m $CEILING_MAILS -l $MSG_SIZE (sink dump $dump)"
        t=$(now)
        "$SMTP_SOURCE" -s "$s" -d -m "$CEILING_MAILS" -l "$MSG_SIZE" -f bench@bench.example \
            -t ceiling@bench.example -M bench.example "127.0.0.1:$SINK_AT" \
            >"$BENCH_OUT/source-s$s-d$dump.out" 2>&1 || log "smtp-source reported an error: see $BENCH_OUT/source-s$s-d$dump.out"
        t_end=$(now)
        sleep 0.5
        stop_sink "$SINK_PID" "$SINK_RCPTS"
        got=$(sink_count "$SINK_OUT"); got=${got:-0}
        rate=$(awk -v n="$got" -v a="$t" -v b="$t_end" 'BEGIN { printf "%.0f", n / (b - a) }')
        CEIL+=("$s|$dump|$got|$rate")
        [ -z "$SINK_RCPTS" ] || rm -f "$SINK_RCPTS"
    done
done

LOAD_CEILING="1-min load after the ceiling runs: $(cut -d' ' -f1 /proc/loadavg)"

# --- (h) report ------------------------------------------------------------------
machine=$(bench_machine "$BENCH_DB")
{
    echo
    echo "## Step-mail dispatch ($INSTANCES instances), $(date -u +%Y-%m-%dT%H:%MZ)"
    echo
    echo "machine: $machine"
    echo "load average (1, 5, 15 min): $LOAD_BEFORE before, $LOAD_DURING at the end of dispatch;"
    echo "1-min load during dispatch: $LOAD_SAMPLES; $LOAD_CEILING"
    echo "mails: $MAILS (≈5.1 KB text body, unique recipients, inserted by set-based SQL); batch $BATCH_SIZE;"
    echo "in-flight group $IN_FLIGHT_GROUP; poll $POLL_INTERVAL; insert took ${INSERT_S}, the gate ${GATE_S}s"
    echo "outcome: $outcome"
    echo
    echo "| figure | value |"
    echo "|---|---:|"
    echo "| time, gate commit to last sent_at | ${run_s} s |"
    echo "| **mails/s, all instances** (SENT ÷ that time) | **$RATE** |"
    echo "| mails/s, first to last sent_at / gate to the poll that saw the end (${ELAPSED} s) | $SPAN_RATE / $WALL_RATE |"
    echo "| SENT | $n_sent |"
    echo "| still PENDING / CLAIMED / IN_FLIGHT | $n_pending / $n_claimed / $n_inflight |"
    echo "| FAILED / UNKNOWN / CANCELLED | $n_failed / $n_unknown / $n_cancelled |"
    echo "| delivered at the sink (dump / sink counter) | $delivered / $counter |"
    echo "| duplicates at the sink | $duplicates |"
    echo "| losses (mails not delivered, no longer open, not parked) | $losses |"
    echo "| parked UNKNOWN: at the sink (operator drops) / not at the sink (operator releases) | $parked_arrived / $parked_missing |"
    echo "| SENT but not at the sink / at the sink but not SENT | $sent_not_received / $received_not_sent |"
    echo "| SENT without Message-ID / Message-IDs reused / rows with attempts > 0 | $no_msgid / $reused_msgid / $retried |"
    echo "| WARN/ERROR lines in the app logs (SpringDoc's start-up notice left out) | $app_errors |"
    echo
    echo "check: $check"
    if [ "$SINK_DOWN" -gt 0 ]; then
        echo
        echo "SMTP outage: smtp-sink stopped after ${DOWN_AT_RECEIVED:-?} mails had arrived, for ${SINK_DOWN}s;"
        echo "from its return to the last mail sent: ${BACK_TO_END_S}s; failed connections logged: $connect_errors;"
        echo "mails that used up an attempt other than the parked ones: $charged (must be 0: an outage costs no attempt);"
        echo "parked UNKNOWN: $n_unknown (mails being handed over when the server went away; at most $((INSTANCES * IN_FLIGHT_GROUP)))"
    fi
    if [ "$QUIET" = 1 ]; then
        echo
        echo "quiet hours $(date -d "@$QUIET_FROM" +%T)–$(date -d "@$QUIET_UNTIL" +%T) UTC (${QUIET_ENV[1]#*=}–${QUIET_ENV[2]#*=} Asia/Tokyo), from ${SINK_DOWN}/2 s after the gate:"
        echo
        echo "| promotional mails | sent before the hours | sent inside (must be 0) | sent after | service mails sent inside |"
        echo "|---:|---:|---:|---:|---:|"
        echo "| $promo_all | $promo_before | $promo_inside | $promo_after | $trans_inside |"
    fi
    if [ "$PG_DOWN" -gt 0 ]; then
        echo
        echo "PostgreSQL restart: cluster $PG_CLUSTER stopped (-m fast) after ${PG_DOWN_AT_RECEIVED:-?} mails had arrived, for ${PG_DOWN}s;"
        echo "IN_FLIGHT when it stopped: $IN_FLIGHT_AT_STOP; parked UNKNOWN at the end: $n_unknown; state at the end: $PG_STATE"
    fi
    if [ "$KILLS" -gt 0 ]; then
        echo
        echo "kills: $KILLS_DONE of $KILLS done (lease $LEASE); held by the killed instances: $IN_FLIGHT_AT_KILLS IN_FLIGHT, $CLAIMED_AT_KILLS CLAIMED"
        echo
        echo "| kill | received at the kill | instance | IN_FLIGHT | CLAIMED |"
        echo "|---:|---:|---|---:|---:|"
        printf '%s\n' "${KILL_LOG[@]}"
    fi
    echo
    echo "split by instance (claimed_by | status | rows | mails/s over its own sent_at span):"
    echo
    echo '```'
    cat "$BENCH_OUT/split.txt"
    echo '```'
    echo
    echo "ceiling: smtp-source -d (connection reused) -l $MSG_SIZE → smtp-sink -c, apps stopped"
    echo
    echo "| sessions | sink dump | mails | msgs/s | ratio app/ceiling |"
    echo "|---:|---|---:|---:|---:|"
    for r in "${CEIL[@]}"; do
        IFS='|' read -r s dump got rate <<<"$r"
        ratio=$(awk -v a="$RATE" -v b="$rate" 'BEGIN { if (b > 0 && a + 0 > 0) printf "%.2f", a / b; else print "n/a" }')
        echo "| $s | $([ "$dump" = 1 ] && echo on || echo off) | $got | $rate | $ratio |"
    done
} | tee "$BENCH_OUT/results.md"

status=0
if [ "$losses" != 0 ] || [ "$duplicates" -gt "$IN_FLIGHT_AT_KILLS" ]; then
    echo "FAILED CHECK: $duplicates duplicate(s) (allowed: $IN_FLIGHT_AT_KILLS in flight at kills) and $losses loss(es); see $BENCH_OUT" >&2
    status=1
fi
if [ "$PG_DOWN" -gt 0 ] && { [ "$PG_STATE" != back ] || [ "$duplicates" != 0 ] || [ "$n_failed" != 0 ]; }; then
    echo "FAILED CHECK: PostgreSQL restart: state $PG_STATE at the end, $duplicates duplicate(s), $n_failed FAILED" >&2
    status=1
fi
if [ "$KILLS" = 0 ] && [ "$SINK_DOWN" = 0 ] && [ "$PG_DOWN" = 0 ] && [ "$n_unknown" != 0 ]; then
    echo "FAILED CHECK: $n_unknown mail(s) parked UNKNOWN with no instance killed; see $BENCH_OUT" >&2
    status=1
fi
if [ "$SINK_DOWN" -gt 0 ] && { [ "$SINK_STATE" != back ] || [ "$charged" != 0 ] || [ "$n_failed" != 0 ] \
        || [ "$n_unknown" -gt $((INSTANCES * IN_FLIGHT_GROUP)) ]; }; then
    echo "FAILED CHECK: SMTP outage: state $SINK_STATE at the end, $charged mail(s) charged an attempt, $n_failed FAILED, $n_unknown UNKNOWN" >&2
    status=1
fi
if [ "$QUIET" = 1 ] && { [ "$promo_inside" != 0 ] || [ $((promo_before + promo_after)) != "$promo_all" ]; }; then
    echo "FAILED CHECK: quiet hours: $promo_inside promotional mail(s) sent inside them, $((promo_all - promo_before - promo_inside - promo_after)) not sent" >&2
    status=1
fi
if [ "$KILLS_DONE" -lt "$KILLS" ]; then
    echo "FAILED CHECK: only $KILLS_DONE of $KILLS kills happened before the dispatch ended (more MAILS?)" >&2
    status=1
fi
[ "$app_errors" = 0 ] || log "the app logged $app_errors WARN/ERROR lines: grep -E '^\S+\s+(WARN|ERROR)' $BENCH_OUT/app-*.log"
log "raw output and app logs in $BENCH_OUT; database $BENCH_DB left for inspection"
exit "$status"
