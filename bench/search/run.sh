#!/usr/bin/env bash
# Customer and order search at 5k, 50k and 500k customers (the customers of bench/inquiries' 10k,
# 100k and 1M desks): the pages and database time of one search page, as the app runs it
# (explain.sql), for each size. The database only: no app, no HTTP, so the figures are the same on
# a busy machine (pages) or nearly (time). Results: docs/benchmarks.md.
#
#   bash bench/search/run.sh
#
# Settings (environment), with defaults:
#   SIZES="5000 50000 500000"     customers (one order each) at each measured point
#   BENCH_DB=aftercare_bench_search   PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres
#   BENCH_OUT=/tmp/aftercare-bench-search-<time>
#   KEEP_DB=1      grow the database left by a previous run instead of a fresh one
set -euo pipefail

HERE=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)

SIZES=${SIZES:-"5000 50000 500000"}
BENCH_DB=${BENCH_DB:-aftercare_bench_search}
BENCH_OUT=${BENCH_OUT:-/tmp/aftercare-bench-search-$(date +%Y%m%d-%H%M%S)}
# shellcheck source=../lib.sh
. "$HERE/../lib.sh"
bench_pg_defaults

bench_require_tools "postgresql-client" psql
pg_isready -q || die "PostgreSQL does not answer on $PGHOST:$PGPORT"
mkdir -p "$BENCH_OUT"
log "output in $BENCH_OUT"
if [ "${KEEP_DB:-0}" != 1 ]; then
    bench_recreate_db "$BENCH_DB"
    # The schema is the SQL in db/migration, applied in Flyway's order (no app needed to measure SQL).
    log "applying db/migration"
    for f in $(ls "$ROOT"/db/migration/V*.sql | sort -V); do
        psql -d "$BENCH_DB" -v ON_ERROR_STOP=1 -q -f "$f" >/dev/null || die "$f failed"
    done
fi

declare -a MEASURED=()
for size in $SIZES; do
    log "growing to $size customers"
    start=$SECONDS
    psql -d "$BENCH_DB" -v target="$size" -f "$HERE/generate.sql" >"$BENCH_OUT/generate-$size.txt" 2>&1 \
        || { tail -20 "$BENCH_OUT/generate-$size.txt" >&2; die "generate.sql failed"; }
    log "generated in $((SECONDS - start)) s"
    MEASURED+=("$size")
    for run in 1 2 3; do
        psql -d "$BENCH_DB" -At -F '|' -f "$HERE/explain.sql" 2>&1 | grep '|' >"$BENCH_OUT/explain-$size-$run.txt" \
            || die "explain.sql failed"
    done
done

# figures SIZE NAME -> "median ms / pages (statements)" over the three runs.
figures() {
    cat "$BENCH_OUT"/explain-"$1"-{1,2,3}.txt | awk -F'|' -v n="$2" '$1 == n { print $4, $5, $2 }' \
        | sort -n | sed -n 2p | awk '{ printf "%.1f / %d (%d)", $1, $2, $3 }'
}
first=${MEASURED[0]}; last=${MEASURED[-1]}
{
    echo
    echo "## Customer and order search, $(date -u +%Y-%m-%dT%H:%MZ)"
    echo
    echo "machine: $(bench_machine "$BENCH_DB"); load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "each cell: database ms (median of 3) / shared pages touched (statements run) for one page of 10"
    echo
    printf '| search |'; for s in "${MEASURED[@]}"; do printf ' %s |' "$s"; done; echo " pages $first → $last |"
    printf '|---|'; for _ in "${MEASURED[@]}"; do printf -- '---:|'; done; echo '---:|'
    cut -d'|' -f1 "$BENCH_OUT/explain-$first-1.txt" | while read -r name; do
        printf '| %s |' "$name"
        for s in "${MEASURED[@]}"; do printf ' %s |' "$(figures "$s" "$name")"; done
        a=$(figures "$first" "$name" | awk '{ print $3 }'); b=$(figures "$last" "$name" | awk '{ print $3 }')
        awk -v a="$a" -v b="$b" 'BEGIN { if (a > 0) printf " ×%.1f |\n", b / a; else print " n/a |" }'
    done
} | tee "$BENCH_OUT/results.md"
log "raw output in $BENCH_OUT; database $BENCH_DB left for inspection"
