#!/usr/bin/env bash
# The inquiry desk at scale: the console queue page and the console search measured over HTTP
# (wrk, p50/p95 per page) at 10 thousand, 100 thousand and 1 million inquiries, on one database
# that generate.sql grows between the measurements.
#
#   ./mvnw -B -DskipTests package && bash bench/inquiries/run.sh
#
# Settings (environment):
#   SIZES="10000 100000 1000000"   inquiry counts to measure at (ascending)
#   DURATION=10    seconds per page and size        CONNECTIONS=2   wrk connections (= threads)
#   BENCH_PORT=18080  first port to try             BENCH_DB=aftercare_bench_inquiries
#   PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres    BENCH_JAVA_OPTS="-Xms512m -Xmx2g"
#   APP_JAR=aftercare-web/target/aftercare.jar      BENCH_OUT=/tmp/aftercare-bench-inquiries-<time>
#   KEEP_DB=1      start from the database left by a previous run instead of a fresh one
#
# wrk's latency is measured on the client over loopback, so it is the server's time plus well
# under a millisecond. wrk, the app and PostgreSQL share the machine's cores: figures are what
# one small box does with everything on it. Each size's queue/search pages are also EXPLAINed
# (ANALYZE, BUFFERS) into $BENCH_OUT for the plan behind the number.
set -euo pipefail

HERE=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)

SIZES=${SIZES:-"10000 100000 1000000"}
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-2}
BENCH_PORT=${BENCH_PORT:-18080}
BENCH_DB=${BENCH_DB:-aftercare_bench_inquiries}
BENCH_JAVA_OPTS=${BENCH_JAVA_OPTS:-"-Xms512m -Xmx2g"}
APP_JAR=${APP_JAR:-$ROOT/aftercare-web/target/aftercare.jar}
BENCH_OUT=${BENCH_OUT:-/tmp/aftercare-bench-inquiries-$(date +%Y%m%d-%H%M%S)}
ADMIN_PASSWORD=bench-admin-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')
# shellcheck source=../lib.sh
. "$HERE/../lib.sh"
bench_pg_defaults

# The pages measured, as "name|path". Search words come from generate.sql's vocabulary: common
# two-character words, two words at once, a phrase that needs the exact recheck, a kana name typed
# in hiragana, one character, and the identifiers operators paste (phone, email, order number).
# NEXT stands for the queue's second page (its cursor is read from the first page).
PAGES=(
    "home (today's work)|/console"
    "queue|/console/inquiries"
    "queue, page 2|NEXT"
    "queue, unassigned|/console/inquiries?filter=unassigned"
    "search 配送|/console/search?q=配送"
    "search 返品 交換|/console/search?q=返品 交換"
    "search 色が違う|/console/search?q=色が違う"
    "search やまだ|/console/search?q=やまだ"
    "search 届|/console/search?q=届"
    "search 090-0000-1234|/console/search?q=090-0000-1234"
    "search bench-c1234@example.jp|/console/search?q=bench-c1234@example.jp"
    "search B-0001234|/console/search?q=B-0001234"
    "search 配送, inquiries only (50)|/console/search?in=inquiries&q=配送"
)

bench_require_tools "wrk postgresql-client curl jq" wrk psql curl jq
bench_check_prereqs "$APP_JAR"
mkdir -p "$BENCH_OUT"
log "output in $BENCH_OUT"
[ "${KEEP_DB:-0}" = 1 ] || bench_recreate_db "$BENCH_DB"

PORT=$(bench_free_port "$BENCH_PORT")
BASE=http://127.0.0.1:$PORT
bench_install_traps
log "starting $APP_JAR on port $PORT (log: $BENCH_OUT/app.log)"
bench_start_app "$BENCH_OUT/app.log" "$BENCH_DB" "$PORT" \
    AFTERCARE_BOOTSTRAP_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
    AFTERCARE_MAIL_DISPATCHER_ENABLED=false \
    SPRING_MAIL_HOST=127.0.0.1 SPRING_MAIL_PORT=1025
bench_wait_up "$BASE" "$BENCH_APP_PID" "$BENCH_OUT/app.log" 300
log "app is UP"

JAR=$BENCH_OUT/cookies.txt
bench_console_login "$BASE" "$JAR" "$ADMIN_PASSWORD"
COOKIE=$(awk '$6 == "JSESSIONID" { print "JSESSIONID=" $7 }' "$JAR" | tail -1)
[ -n "$COOKIE" ] || die "login gave no session cookie"

# page_path SPEC -> the path to request: the query string's value URL-encoded, NEXT resolved.
page_path() {
    if [ "$1" = NEXT ]; then
        curl -fsS -H "Cookie: $COOKIE" "$BASE/console/inquiries" \
            | sed -n 's/.*id="next-page" href="\([^"]*\)".*/\1/p' | head -1 | sed 's/&amp;/\&/g'
    elif [[ $1 == *q=* ]]; then
        echo "${1%%q=*}q=$(printf '%s' "${1#*q=}" | jq -sRr @uri)"
    else
        echo "$1"
    fi
}
# explain_figures NAME FILE... -> "median ms / buffers" of the plan printed after "-- NAME".
explain_figures() {
    local name=$1; shift
    local f
    for f in "$@"; do
        awk -v n="-- $name" '$0 == n { on = 1; next } /^-- / { on = 0 }
            on && /Buffers: shared/ && !b { match($0, /hit=[0-9]+/); h = substr($0, RSTART + 4, RLENGTH - 4);
                                            r = 0; if (match($0, /read=[0-9]+/)) r = substr($0, RSTART + 5, RLENGTH - 5); b = h + r }
            on && /Execution Time/ { print $3, b; exit }' "$f"
    done | sort -n | sed -n 2p | awk '{ printf "%.1f / %d", $1, $2 }'
}
field() { sed -n "s/.*BENCH_RESULT.* $1=\([^ ]*\).*/\1/p" "$2" | tail -1; }

declare -A P50 P95 BAD
declare -a MEASURED=()
for size in $SIZES; do
    log "growing the desk to $size inquiries"
    start=$SECONDS
    psql -d "$BENCH_DB" -v target="$size" -f "$HERE/generate.sql" >"$BENCH_OUT/generate-$size.txt" 2>&1 \
        || { tail -20 "$BENCH_OUT/generate-$size.txt" >&2; die "generate.sql failed"; }
    psql -d "$BENCH_DB" -Atqc "select (select count(*) from customer), (select count(*) from customer_order),
        (select count(*) from inquiry), (select count(*) from inquiry_message),
        (select count(*) from inquiry where status in ('NEW', 'OPEN', 'WAITING_ON_CUSTOMER'))" >"$BENCH_OUT/counts-$size.txt"
    log "generated in $((SECONDS - start)) s; customers|orders|inquiries|messages|open: $(cat "$BENCH_OUT/counts-$size.txt")"
    echo "$((SECONDS - start))" >"$BENCH_OUT/generate-seconds-$size.txt"
    MEASURED+=("$size")
    for i in "${!PAGES[@]}"; do
        spec=${PAGES[$i]}
        name=${spec%%|*}
        path=$(page_path "${spec#*|}")
        [ -n "$path" ] || die "no path for $name"
        out="$BENCH_OUT/wrk-$size-page$i.txt"
        # A few requests first: a page that fails is reported instead of timed, and the JIT and
        # PostgreSQL's caches are warm for what is measured.
        for _ in 1 2 3 4 5; do
            code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $COOKIE" "$BASE$path")
            [ "$code" = 200 ] || die "$name ($path) answered $code"
        done
        BENCH_COOKIE="$COOKIE" BENCH_PATH="$path" wrk -t"$CONNECTIONS" -c"$CONNECTIONS" -d"${DURATION}s" \
            --timeout 30s --latency -s "$HERE/get.lua" "$BASE" >"$out" 2>&1
        P50[$size|$name]=$(field p50_ms "$out"); P95[$size|$name]=$(field p95_ms "$out")
        BAD[$size|$name]=$(( $(field non200 "$out") + $(field socket_errors "$out") ))
        log "$size $name: p50 ${P50[$size|$name]} ms, p95 ${P95[$size|$name]} ms"
    done
    # The database's share: time and pages touched per statement (median of three runs' times).
    for run in 1 2 3; do
        psql -d "$BENCH_DB" -f "$HERE/explain.sql" >"$BENCH_OUT/explain-$size-$run.txt" 2>&1 \
            || { tail -20 "$BENCH_OUT/explain-$size-$run.txt" >&2; die "explain.sql failed"; }
    done
    psql -d "$BENCH_DB" -Atqc "select pg_size_pretty(pg_total_relation_size('inquiry_message')),
        pg_size_pretty(pg_relation_size('inquiry_message_search_idx'))" >"$BENCH_OUT/sizes-$size.txt"
done

first=${MEASURED[0]}; last=${MEASURED[-1]}
{
    echo
    echo "## Inquiry desk at scale: queue page and search, $(date -u +%Y-%m-%dT%H:%MZ)"
    echo
    echo "machine: $(bench_machine "$BENCH_DB"); load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "each point: wrk -t$CONNECTIONS -c$CONNECTIONS -d${DURATION}s over loopback, one logged-in console session; p50 / p95 in ms"
    echo
    printf '| page |'; for s in "${MEASURED[@]}"; do printf ' %s |' "$s"; done; echo " p50 $first → $last |"
    printf '|---|'; for _ in "${MEASURED[@]}"; do printf -- '---:|'; done; echo '---:|'
    for spec in "${PAGES[@]}"; do
        name=${spec%%|*}
        printf '| %s |' "$name"
        for s in "${MEASURED[@]}"; do
            printf ' %s / %s%s |' "${P50[$s|$name]}" "${P95[$s|$name]}" "$([ "${BAD[$s|$name]}" = 0 ] || echo " (${BAD[$s|$name]} failed)")"
        done
        awk -v a="${P50[$first|$name]}" -v b="${P50[$last|$name]}" 'BEGIN { if (a > 0) printf " ×%.1f |\n", b / a; else print " n/a |" }'
    done
    echo
    echo "database time per statement (EXPLAIN ANALYZE, median of 3, ms) and shared buffers touched (8 kB pages):"
    echo
    printf '| statement |'; for s in "${MEASURED[@]}"; do printf ' %s |' "$s"; done; echo
    printf '|---|'; for _ in "${MEASURED[@]}"; do printf -- '---:|'; done; echo
    for name in $(sed -n "s/^.echo '-- \(.*\)'\$/\1/p" "$HERE/explain.sql" | tr ' ' '~'); do
        printf '| %s |' "${name//\~/ }"
        for s in "${MEASURED[@]}"; do
            printf ' %s |' "$(explain_figures "${name//\~/ }" "$BENCH_OUT"/explain-"$s"-{1,2,3}.txt)"
        done
        echo
    done
    echo
    for s in "${MEASURED[@]}"; do
        IFS='|' read -r nc no ni nm nopen <"$BENCH_OUT/counts-$s.txt"
        echo "at $s: $nc customers, $no orders, $ni inquiries ($nopen open), $nm messages, generated in $(cat "$BENCH_OUT/generate-seconds-$s.txt") s; messages table $(cut -d'|' -f1 "$BENCH_OUT/sizes-$s.txt"), its search index $(cut -d'|' -f2 "$BENCH_OUT/sizes-$s.txt")"
    done
} | tee "$BENCH_OUT/results.md"
log "raw output and app log in $BENCH_OUT; database $BENCH_DB left for inspection"
