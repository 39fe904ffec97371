# Shared helpers for the benchmark scripts in bench/*/run.sh. Source it, don't run it:
#
#   . "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../lib.sh"
#
# Expects PGHOST/PGPORT/PGUSER to be exported by the caller (bench_pg_defaults does that).
# Every process started with bench_start_app or registered with bench_track is stopped by
# bench_cleanup, which the caller installs as its EXIT trap (bench_install_traps).

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }
min2() { if [ "$1" -lt 2 ]; then echo "$1"; else echo 2; fi; }

bench_pg_defaults() {
    export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
}

# bench_require_tools "<apt packages>" tool...  — installs the packages (as root, with apt-get)
# when one of the tools is missing, otherwise says what to install and exits.
bench_require_tools() {
    local packages=$1; shift
    local missing=() t
    for t in "$@"; do command -v "$t" >/dev/null 2>&1 || [ -x "$t" ] || missing+=("$t"); done
    [ "${#missing[@]}" -eq 0 ] && return 0
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
        log "installing $packages (missing: ${missing[*]})"
        DEBIAN_FRONTEND=noninteractive apt-get update -q
        # shellcheck disable=SC2086
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q $packages
    else
        echo "missing tools: ${missing[*]}" >&2
        echo "install them with: apt-get install -y $packages" >&2
        exit 1
    fi
}

# bench_check_prereqs JAR — java present, jar built, PostgreSQL answering.
bench_check_prereqs() {
    command -v java >/dev/null 2>&1 || die "java (17+) not found"
    [ -f "$1" ] || die "$1 not found: build it first with ./mvnw -B -DskipTests package"
    pg_isready -q || die "PostgreSQL does not answer on $PGHOST:$PGPORT"
}

# bench_recreate_db DB — drop (force) and create an empty UTF-8 database.
bench_recreate_db() {
    log "recreating database $1"
    psql -d postgres -v ON_ERROR_STOP=1 -q \
        -c "drop database if exists $1 with (force)" \
        -c "create database $1 encoding 'UTF8' template template0" 2>&1 | grep -v NOTICE >&2 || true
    psql -d "$1" -Atqc 'select 1' >/dev/null || die "could not create $1"
}

# bench_migrated_db DB — DB recreated with every db/migration script applied by psql (no app):
# for the SQL-only benches.
bench_migrated_db() {
    bench_recreate_db "$1"
    local f
    for f in $(ls "$(dirname "${BASH_SOURCE[0]}")"/../db/migration/*.sql | sort -V); do
        psql -X -q -v ON_ERROR_STOP=1 -d "$1" -f "$f" >/dev/null
    done
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# bench_free_port FIRST [EXCEPT...] — the first port from FIRST on that nobody listens on and
# that is not in EXCEPT (ports already handed out but not yet bound).
bench_free_port() {
    local p=$1; shift
    while port_in_use "$p" || [[ " $* " == *" $p "* ]]; do p=$((p + 1)); done
    echo "$p"
}

BENCH_PIDS=()
BENCH_NAMES=()
# bench_track PID [NAME] — stop PID in bench_cleanup (last started, first stopped).
bench_track() { BENCH_PIDS+=("$1"); BENCH_NAMES+=("${2:-process}"); }

# bench_stop PID [NAME] — TERM, wait up to 30 s, then KILL.
bench_stop() {
    local pid=$1 name=${2:-process}
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
    log "stopping $name (pid $pid)"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || return 0; sleep 1; done
    kill -9 "$pid" 2>/dev/null || true
}

bench_cleanup() {
    local i
    for ((i = ${#BENCH_PIDS[@]} - 1; i >= 0; i--)); do bench_stop "${BENCH_PIDS[$i]}" "${BENCH_NAMES[$i]}"; done
    BENCH_PIDS=()
    BENCH_NAMES=()
    if [ -n "${BENCH_APP_COPY:-}" ]; then
        rm -rf "$(dirname "$BENCH_APP_COPY")"
        BENCH_APP_COPY=
    fi
}

# bench_app_copy — the jar the apps run: a copy of $APP_JAR taken at the first start. `mvn package`
# rewrites the jar in place, and a running app loads classes and service files from it lazily: the
# first soak lost every mail after a build elsewhere replaced the jar under it ("Cannot load
# interface jakarta.mail.util.StreamProvider"). Removed by bench_cleanup.
bench_app_copy() {
    if [ -z "${BENCH_APP_COPY:-}" ] || [ ! -f "$BENCH_APP_COPY" ]; then
        BENCH_APP_COPY=$(mktemp -d /tmp/aftercare-bench-jar.XXXXXX)/aftercare.jar
        cp "$APP_JAR" "$BENCH_APP_COPY"
    fi
}

bench_install_traps() {
    trap bench_cleanup EXIT
    trap 'exit 130' INT TERM
}

# bench_exec_without_fds CMD... — replaces the current (sub)shell by CMD with no descriptor above 2
# open: call it in a subshell, `( bench_exec_without_fds …)`, or in the background, `… &` (then $!
# is CMD's own pid). A process it starts (the app, a PostgreSQL server) must not inherit the
# script's others: one held open on a FIFO (the smtp-sink dump) would keep its reader from ever
# seeing the end of it.
bench_exec_without_fds() {
    local fd
    for fd in /proc/$BASHPID/fd/*; do
        fd=${fd##*/}
        [ "$fd" -gt 2 ] 2>/dev/null && eval "exec $fd>&-" 2>/dev/null
    done
    exec "$@"
}

# bench_start_app LOGFILE DB PORT [VAR=VALUE...] — starts the app jar (a copy of $APP_JAR, JVM options from
# $BENCH_JAVA_OPTS) against database DB on PORT, with the mail health check off, admins allowed in
# without two-factor (bench_console_login signs in with a password alone) and any extra
# environment given. Sets BENCH_APP_PID and tracks it for bench_cleanup.
bench_start_app() {
    local logfile=$1 db=$2 port=$3; shift 3
    bench_app_copy
    # shellcheck disable=SC2086
    bench_exec_without_fds env SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" \
        SPRING_DATASOURCE_USERNAME="$PGUSER" \
        SPRING_DATASOURCE_PASSWORD="${PGPASSWORD:-}" \
        SERVER_PORT="$port" \
        MANAGEMENT_HEALTH_MAIL_ENABLED=false \
        AFTERCARE_CONSOLE_TWO_FACTOR_REQUIRED_FOR_ADMINS=false \
        AFTERCARE_RETURNS_BANK_ACCOUNT_KEY="${AFTERCARE_RETURNS_BANK_ACCOUNT_KEY:-YmVuY2gtb25seS1iYW5rLWFjY291bnQta2V5LTMyYiE=}" \
        "$@" \
        java $BENCH_JAVA_OPTS -jar "$BENCH_APP_COPY" >"$logfile" 2>&1 </dev/null &
    BENCH_APP_PID=$!
    bench_track "$BENCH_APP_PID" "the app on port $port"
}

# bench_wait_up BASE_URL PID LOGFILE [SECONDS=90] — until /actuator/health says UP.
bench_wait_up() {
    local base=$1 pid=$2 logfile=$3 limit=${4:-90}
    local deadline=$((SECONDS + limit))
    until curl -fsS "$base/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
        kill -0 "$pid" 2>/dev/null || { tail -40 "$logfile" >&2; die "the app ($base) exited during start-up"; }
        if [ "$SECONDS" -ge "$deadline" ]; then
            tail -40 "$logfile" >&2
            die "the app did not report UP on $base/actuator/health within $limit s"
        fi
        sleep 1
    done
}

# bench_csrf BASE JAR PATH — the CSRF token of the form on PATH, with the session kept in cookie JAR.
bench_csrf() {
    curl -fsS -b "$2" -c "$2" "$1$3" | sed -n 's/.*name="_csrf"[^>]*value="\([^"]*\)".*/\1/p' | head -1
}

# bench_console_login BASE JAR PASSWORD — a console session for admin, the way a browser gets one
# (the login form's CSRF token, then the post), kept in cookie JAR; dies unless it opens the queue.
bench_console_login() {
    local base=$1 jar=$2 token
    token=$(bench_csrf "$base" "$jar" /login)
    [ -n "$token" ] || die "no CSRF token on $base/login"
    curl -fsS -o /dev/null -b "$jar" -c "$jar" --data-urlencode "username=admin" \
        --data-urlencode "password=$3" --data-urlencode "_csrf=$token" "$base/login"
    [ "$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" "$base/console/inquiries")" = 200 ] \
        || die "the console session cannot open $base/console/inquiries (login refused?)"
}

# bench_machine DB — one line describing the machine and the database settings that matter.
bench_machine() {
    local cpu mem pgver synccommit javaver
    cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
    mem=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
    pgver=$(psql -d "$1" -Atqc 'show server_version')
    synccommit=$(psql -d "$1" -Atqc 'show synchronous_commit')
    javaver=$(java -version 2>&1 | head -1)
    echo "$(nproc) CPUs, $cpu, $mem; PostgreSQL $pgver (synchronous_commit=$synccommit); $javaver"
}
