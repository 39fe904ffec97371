#!/usr/bin/env bash
# Fault scenario "PostgreSQL restart" (issue #16): two instances drain MAILS due mails into
# Postfix's smtp-sink; when a third has arrived the database is stopped (pg_ctlcluster … stop -m
# fast: every connection cut, as a crash or a fail-over does) for PG_DOWN seconds and started
# again. It is the dispatch benchmark in restart mode, so every mail is checked at the sink by its
# recipient: each must arrive exactly once (mails that were being handed over stay IN_FLIGHT
# through the restart and are parked UNKNOWN after the lease, never sent again), none FAILED, and
# the instances go on by themselves once the database is back (the pool reconnects).
#
# The bench runs on a PostgreSQL cluster of its own (PG_CLUSTER, created here on PGPORT if it does
# not exist, trust authentication, listening on localhost only), so stopping it never touches the database
# other work on the machine uses.
#
#   ./mvnw -B -DskipTests package && bash bench/faults/pg-restart.sh
#
# Settings: MAILS=20000 PG_DOWN=30 PGPORT=5433 PG_CLUSTER="<installed version> aftercare-faults",
# and every setting of bench/maildispatch/run.sh.
set -euo pipefail
HERE=$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")
command -v pg_lsclusters >/dev/null || { echo "needs Debian's postgresql-common (pg_lsclusters, pg_createcluster)" >&2; exit 1; }
VERSION=$(ls /usr/lib/postgresql | sort -n | tail -1)
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5433} PGUSER=${PGUSER:-postgres}
export PG_CLUSTER=${PG_CLUSTER:-"$VERSION aftercare-faults"}
if ! pg_lsclusters -h | awk -v v="${PG_CLUSTER% *}" -v n="${PG_CLUSTER#* }" '$1 == v && $2 == n { found = 1 } END { exit !found }'; then
    echo "==> creating PostgreSQL cluster $PG_CLUSTER on port $PGPORT (trust, localhost only)" >&2
    # shellcheck disable=SC2086
    pg_createcluster --port "$PGPORT" $PG_CLUSTER -- --auth-local=trust --auth-host=trust >/dev/null
    # shellcheck disable=SC2086
    pg_conftool $PG_CLUSTER set listen_addresses localhost
    # shellcheck disable=SC2086
    pg_conftool $PG_CLUSTER set max_connections 50
fi
# shellcheck disable=SC2086
pg_ctlcluster $PG_CLUSTER status >/dev/null 2>&1 || pg_ctlcluster $PG_CLUSTER start
export MAILS=${MAILS:-20000} PG_DOWN=${PG_DOWN:-30} INSTANCES=${INSTANCES:-2}
export CEILING_SESSIONS=${CEILING_SESSIONS-}   # the SMTP ceiling is not what this scenario measures
export BENCH_DB=${BENCH_DB:-aftercare_faultbench} BATCH_SIZE=${BATCH_SIZE:-20} LEASE=${LEASE:-15s}
export BENCH_OUT=${BENCH_OUT:-/tmp/aftercare-pg-restart-$(date +%Y%m%d-%H%M%S)}
exec bash "$HERE/../maildispatch/run.sh"
