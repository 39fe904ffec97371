#!/usr/bin/env bash
# Fault scenario "SMTP down" (issue #16): two instances drain MAILS due mails into Postfix's
# smtp-sink; when a fifth has arrived the sink is stopped for SINK_DOWN seconds (10 minutes) and
# started again on the same port. It is the dispatch benchmark in outage mode, so every mail is
# checked at the sink by its recipient: each must arrive once, none may be FAILED, and no mail may
# have used up an attempt on the outage (a relay that is down is tried on its own back-off,
# 30 s doubling to 5 min, see docs/mail-pipeline.md).
#
#   ./mvnw -B -DskipTests package && bash bench/faults/smtp-down.sh
#
# Settings: MAILS=20000 SINK_DOWN=600, and every setting of bench/maildispatch/run.sh.
set -euo pipefail
HERE=$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")
export MAILS=${MAILS:-20000} SINK_DOWN=${SINK_DOWN:-600} INSTANCES=${INSTANCES:-2}
export CEILING_SESSIONS=${CEILING_SESSIONS-}   # the SMTP ceiling is not what this scenario measures
export BENCH_DB=${BENCH_DB:-aftercare_faultbench} BATCH_SIZE=${BATCH_SIZE:-20}
export BENCH_OUT=${BENCH_OUT:-/tmp/aftercare-smtp-down-$(date +%Y%m%d-%H%M%S)}
exec bash "$HERE/../maildispatch/run.sh"
