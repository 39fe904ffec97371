#!/usr/bin/env bash
# What an erasure costs in the storefront events (issue #15 §4), SQL only (no app): finding the
# events that hold the person among EVENTS inbound events, with the statement
# ErasedStorefrontEvents.anonymise sends, under EXPLAIN (ANALYZE, BUFFERS). Results:
# docs/benchmarks.md ("Privacy: …").
#
#   EVENTS=1000000 bash bench/privacy/events.sh
set -euo pipefail
. "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../lib.sh"
bench_pg_defaults
bench_require_tools "postgresql-client" psql

EVENTS=${EVENTS:-1000000}
RUNS=${RUNS:-3}
DB=${DB:-aftercare_bench_privacy_events}
HERE=$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")
q() { psql -X -q -v ON_ERROR_STOP=1 -d "$DB" "$@"; }

if [ "${REUSE_DB:-0}" != 1 ]; then
    bench_migrated_db "$DB"
    log "generating about $EVENTS storefront events"
    start=$(date +%s.%N)
    q -v events="$EVENTS" -f "$HERE/events.sql"
    log "generated in $(echo "$(date +%s.%N) - $start" | bc) s"
fi
customer=$(q -At -c "select id from customer where email = 'bench.erase@example.jp'")
log "$(q -At -c "select count(*) || ' events, ' || pg_size_pretty(pg_total_relation_size('inbound_event')) from inbound_event"); load $(cut -d' ' -f1-3 /proc/loadavg)"

# the person's values as PersonalValues reads them, joined by the unit separator as the app sends them
quoted="bench.erase@example.jp"$'\x1f'"山田 花子"$'\x1f'"ヤマダ ハナコ"$'\x1f'"090-9999-0001"
statement=$(sed -n '/-- begin statement/,/-- end statement/p' "$HERE/events-statement.sql")
echo "| run | events found | ms | shared pages (hit + read) |"
echo "|---:|---:|---:|---:|"
for run in $(seq 1 "$RUNS"); do
    q -At -v customer="$customer" -v quoted="$quoted" <<SQL | python3 -c '
import json, sys
plan = json.load(sys.stdin)[0]
top = plan["Plan"]
print("| '"$run"' | %d | %.0f | %d |" % (top["Actual Rows"], plan["Execution Time"],
      top.get("Shared Hit Blocks", 0) + top.get("Shared Read Blocks", 0)))'
explain (analyze, buffers, format json)
$statement
SQL
done
