#!/usr/bin/env bash
# Order CSV import benchmark (issue #11, section 2): a ROWS-row Windows-31J file, uploaded through
# the console like an operator would (login, CSRF, multipart), mapped, imported by the background
# worker; prints rows/s and the app's peak heap and RSS while it ran.
#
#   ./mvnw -B -DskipTests package && bash bench/import/run.sh
#
# Settings (environment): ROWS=100000  BENCH_PORT=18090  BENCH_DB=aftercare_bench_import
#   BENCH_JAVA_OPTS="-Xms256m -Xmx1g"  APP_JAR=aftercare-web/target/aftercare.jar
#   BATCH_ROWS=500 (aftercare.imports.batch-rows)
#
# The console's upload limit is spring.servlet.multipart.max-file-size (128 MB); the run sets it
# explicitly so a larger ROWS still fits.
set -euo pipefail

HERE=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
ROWS=${ROWS:-100000}
BENCH_PORT=${BENCH_PORT:-18090}
BENCH_DB=${BENCH_DB:-aftercare_bench_import}
BENCH_JAVA_OPTS=${BENCH_JAVA_OPTS:-"-Xms256m -Xmx1g"}
APP_JAR=${APP_JAR:-$ROOT/aftercare-web/target/aftercare.jar}
BATCH_ROWS=${BATCH_ROWS:-500}
OUT=${BENCH_OUT:-/tmp/aftercare-bench-import-$(date +%Y%m%d-%H%M%S)}
ADMIN_PASSWORD=bench-admin-password-1
# shellcheck source=../lib.sh
. "$HERE/../lib.sh"
bench_pg_defaults
bench_require_tools "curl python3 postgresql-client" curl python3 psql
bench_check_prereqs "$APP_JAR"
mkdir -p "$OUT"
CSV=$OUT/orders.csv
log "generating $ROWS rows into $CSV"
python3 "$HERE/generate.py" "$ROWS" "$CSV" >/dev/null
log "file: $(du -h "$CSV" | cut -f1)"

bench_recreate_db "$BENCH_DB"
PORT=$(bench_free_port "$BENCH_PORT")
BASE=http://127.0.0.1:$PORT
bench_install_traps
bench_start_app "$OUT/app.log" "$BENCH_DB" "$PORT" \
    AFTERCARE_BOOTSTRAP_STOREFRONT=bench-mall \
    AFTERCARE_BOOTSTRAP_API_KEY="bench-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')" \
    AFTERCARE_BOOTSTRAP_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
    AFTERCARE_MAIL_DISPATCHER_ENABLED=false \
    AFTERCARE_IMPORTS_BATCH_ROWS="$BATCH_ROWS" \
    SPRING_SERVLET_MULTIPART_MAX_FILE_SIZE=200MB SPRING_SERVLET_MULTIPART_MAX_REQUEST_SIZE=200MB \
    SPRING_MAIL_HOST=127.0.0.1 SPRING_MAIL_PORT=1025
bench_wait_up "$BASE" "$BENCH_APP_PID" "$OUT/app.log" 120

JAR=$OUT/cookies
csrf() { bench_csrf "$BASE" "$JAR" "$1"; }
bench_console_login "$BASE" "$JAR" "$ADMIN_PASSWORD"
STOREFRONT=$(psql -d "$BENCH_DB" -Atqc "select id from storefront where code = 'bench-mall'")

# peak heap (jcmd GC.heap_info "used") and RSS, sampled every second while the import runs
sample() {
    local peak_rss=0 peak_heap=0 rss heap
    while kill -0 "$BENCH_APP_PID" 2>/dev/null && [ ! -f "$OUT/done" ]; do
        rss=$(awk '/VmRSS/ {print $2}' "/proc/$BENCH_APP_PID/status")
        heap=$(jcmd "$BENCH_APP_PID" GC.heap_info 2>/dev/null | sed -n 's/.*used \([0-9]*\)K.*/\1/p' | head -1)
        [ "${rss:-0}" -gt "$peak_rss" ] && peak_rss=$rss
        [ "${heap:-0}" -gt "$peak_heap" ] && peak_heap=$heap
        echo "$peak_rss $peak_heap" >"$OUT/peaks"
        sleep 1
    done
}
sample &
bench_track $! sampler

START=$(date +%s.%N)
TOKEN=$(csrf /console/admin/imports)
PAGE=$(curl -fsS -o /dev/null -w '%{redirect_url}' -b "$JAR" -c "$JAR" -F "_csrf=$TOKEN" \
    -F "storefront=$STOREFRONT" -F "charset=" -F "file=@$CSV;type=text/csv" "$BASE/console/admin/imports")
UPLOADED=$(date +%s.%N)
[ -n "$PAGE" ] || die "the upload was refused (see $OUT/app.log)"
PAGE=${PAGE#"$BASE"}
log "uploaded to $PAGE in $(echo "$UPLOADED - $START" | bc) s"
TOKEN=$(csrf "$PAGE")
curl -fsS -o /dev/null -b "$JAR" -c "$JAR" --data-urlencode "_csrf=$TOKEN" --data-urlencode action=start \
    --data-urlencode "map.ORDER_NUMBER=受注番号" --data-urlencode "map.ORDERED_AT=注文日時" \
    --data-urlencode "map.CUSTOMER_EMAIL=メールアドレス" --data-urlencode "map.CUSTOMER_NAME=氏名" \
    --data-urlencode "map.CUSTOMER_NAME_KANA=フリガナ" --data-urlencode "map.CUSTOMER_PHONE=電話番号" \
    --data-urlencode "map.POSTAL_CODE=郵便番号" --data-urlencode "map.PREFECTURE=都道府県" \
    --data-urlencode "map.ADDRESS=住所" --data-urlencode "map.SKU=商品番号" --data-urlencode "map.PRODUCT_NAME=商品名" \
    --data-urlencode "map.QUANTITY=個数" --data-urlencode "map.UNIT_PRICE=単価" --data-urlencode "map.SHIPPING_FEE=送料" \
    --data-urlencode "map.PAYMENT_METHOD=支払方法" --data-urlencode "map.SHIPPED_AT=発送日" \
    --data-urlencode "map.CARRIER=配送会社" --data-urlencode "map.TRACKING_NUMBER=伝票番号" "$BASE$PAGE"
STARTED=$(date +%s.%N)
while :; do
    STATUS=$(curl -fsS -b "$JAR" "$BASE$PAGE/status.json")
    case $STATUS in *'"DONE"'* | *'"FAILED"'*) break ;; esac
    sleep 1
done
touch "$OUT/done"
FINISHED=$(date +%s.%N)
read -r PEAK_RSS PEAK_HEAP <"$OUT/peaks"
SECS=$(echo "$FINISHED - $STARTED" | bc)
echo "status: $STATUS"
echo "machine: $(bench_machine "$BENCH_DB")"
echo "rows: $ROWS, file $(du -h "$CSV" | cut -f1); upload (scan + store) $(echo "$UPLOADED - $START" | bc) s"
echo "import: $SECS s, $(echo "$ROWS / $SECS" | bc) rows/s"
echo "peak RSS: $((PEAK_RSS / 1024)) MiB, peak heap used: $((PEAK_HEAP / 1024)) MiB (-Xmx from $BENCH_JAVA_OPTS)"
echo "orders: $(psql -d "$BENCH_DB" -Atqc 'select count(*) from customer_order'), events: $(psql -d "$BENCH_DB" -Atqc 'select count(*) from inbound_event')"
