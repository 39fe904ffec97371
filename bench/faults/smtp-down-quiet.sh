#!/usr/bin/env bash
# Fault scenario "SMTP down into the quiet hours" (issue #16): the SMTP-down scenario with every
# fourth mail promotional, and quiet hours that begin during the outage. When the relay returns,
# service mail goes out at once; the promotional mail the outage delayed must wait for the hours
# to end (no attempt counted), and then go out once. The hours are given to the instances as
# aftercare.mail.quiet-start/-end in Asia/Tokyo, a few minutes ahead, so the run does not wait
# for 21:00.
#
#   ./mvnw -B -DskipTests package && bash bench/faults/smtp-down-quiet.sh
#
# Settings: MAILS=4000 SINK_DOWN=120 (quiet hours from 60 s to 480 s after the gate; the run
# takes about 14 minutes with the instances' start), and every setting of
# bench/maildispatch/run.sh.
set -euo pipefail
HERE=$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")
export QUIET=1 MAILS=${MAILS:-4000} SINK_DOWN=${SINK_DOWN:-120} INSTANCES=${INSTANCES:-2}
export CEILING_SESSIONS=${CEILING_SESSIONS-}   # the SMTP ceiling is not what this scenario measures
export BENCH_DB=${BENCH_DB:-aftercare_faultbench} BATCH_SIZE=${BATCH_SIZE:-20}
export BENCH_OUT=${BENCH_OUT:-/tmp/aftercare-smtp-down-quiet-$(date +%Y%m%d-%H%M%S)}
exec bash "$HERE/../maildispatch/run.sh"
