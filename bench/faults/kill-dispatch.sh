#!/usr/bin/env bash
# Fault scenario "kill -9 mid-dispatch" (issue #16): two instances drain MAILS due mails into
# Postfix's smtp-sink while one of them, chosen at random, is killed with -9 at KILLS random
# moments and started again at once. It is the dispatch benchmark in fault mode, so the counting
# is the same code: every mail is checked at the sink by its recipient.
#
#   ./mvnw -B -DskipTests package && bash bench/faults/kill-dispatch.sh
#
# Prints, and fails when they are off: mails received, duplicates (must not exceed the mails the
# killed instances had IN_FLIGHT; by design 0, because such mails are parked, not resent), losses
# (must be 0), mails parked UNKNOWN split into those that reached the sink (the operator drops
# them on the delivery log) and those that did not (the operator releases them).
# Settings: MAILS=50000 KILLS=10 LEASE=15s, and every setting of bench/maildispatch/run.sh.
set -euo pipefail
HERE=$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")
export MAILS=${MAILS:-50000} KILLS=${KILLS:-10} LEASE=${LEASE:-15s} INSTANCES=${INSTANCES:-2}
export CEILING_SESSIONS=${CEILING_SESSIONS-}   # the SMTP ceiling is not what this scenario measures
export BENCH_DB=${BENCH_DB:-aftercare_faultbench} BATCH_SIZE=${BATCH_SIZE:-20}
export BENCH_OUT=${BENCH_OUT:-/tmp/aftercare-kill-dispatch-$(date +%Y%m%d-%H%M%S)}
exec bash "$HERE/../maildispatch/run.sh"
