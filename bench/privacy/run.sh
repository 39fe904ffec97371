#!/usr/bin/env bash
# Privacy at scale, SQL only (no app): the audit page's search over a large trail, and the one
# full scan an erasure makes (audit details quoting the person). Results: docs/benchmarks.md.
#
#   ROWS=1000000 bash bench/privacy/run.sh
set -euo pipefail
. "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../lib.sh"
bench_pg_defaults
bench_require_tools "postgresql-client" psql

ROWS=${ROWS:-1000000}
DB=${DB:-aftercare_bench_privacy}
HERE=$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")
q() { psql -X -q -v ON_ERROR_STOP=1 -d "$DB" "$@"; }

bench_migrated_db "$DB"

log "generating $ROWS audit entries"
start=$(date +%s.%N)
q -v rows="$ROWS" -f "$HERE/generate.sql"
log "generated in $(echo "$(date +%s.%N) - $start" | bc) s"

# the statement AuditLog.search runs, with the filters of one case (null = not given)
search() {
    local actor=$1 action=$2 type=$3 id=$4 from=$5 before=$6
    q -At -c "explain (analyze, format json)
        select id, at, actor, action, target_type, target_id, details::text from audit_log
         where ($actor::text is null or lower(actor) = lower($actor::text))
           and ($action::text is null or starts_with(action, $action::text))
           and ($type::text is null or target_type = $type::text)
           and ($id::text is null or target_id = $id::text)
           and ($from::timestamptz is null or at >= $from::timestamptz)
           and ($before::bigint is null or id < $before::bigint)
         order by id desc limit 51" | python3 -c 'import json,sys; p=json.load(sys.stdin)[0]; print("%.1f" % p["Execution Time"])'
}
deep=$(q -At -c "select max(id) - $ROWS * 9 / 10 from audit_log")

echo "| case | ms |"
echo "|---|---|"
echo "| first page, no filter | $(search null null null null null null) |"
echo "| a page 90 % down the trail (before=$deep) | $(search null null null null null "$deep") |"
echo "| one actor (op-7), first page | $(search "'op-7'" null null null null null) |"
echo "| one actor, 90 % down | $(search "'op-7'" null null null null "$deep") |"
echo "| one customer (target customer 424242) | $(search null null "'customer'" "'424242'" null null) |"
echo "| action prefix 'claim.' | $(search null "'claim.'" null null null null) |"
echo "| rare action prefix 'policy.' from 30 days ago | $(search null "'policy.'" null null "(now() - interval '30 days')" null) |"

# the erasure's scrub of audit details (ErasedCustomerRecords), for four values, rolled back
start=$(date +%s.%N)
q <<'SQL'
begin;
update audit_log set details = cast(replace(details::text, 'bench.erase@example.jp', '[erased]') as jsonb)
 where strpos(details::text, 'bench.erase@example.jp') > 0;
update audit_log set details = cast(replace(details::text, '山田 花子', '[erased]') as jsonb)
 where strpos(details::text, '山田 花子') > 0;
update audit_log set details = cast(replace(details::text, 'ヤマダ ハナコ', '[erased]') as jsonb)
 where strpos(details::text, 'ヤマダ ハナコ') > 0;
update audit_log set details = cast(replace(details::text, '090-1234-5678', '[erased]') as jsonb)
 where strpos(details::text, '090-1234-5678') > 0;
rollback;
SQL
echo "| erasure's audit scrub, 4 values over $ROWS entries | $(echo "($(date +%s.%N) - $start) * 1000 / 1" | bc) |"
echo
echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg), $(psql -X -At -d "$DB" -c 'show server_version')"
