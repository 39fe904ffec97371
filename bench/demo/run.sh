#!/usr/bin/env bash
# Demo start-up: how long the README's first command takes until the console can be used, with a
# fresh data directory (first start: embedded PostgreSQL initdb, Flyway, the 90-day history) and
# again on the same directory (a restart: nothing is replayed).
# Usage: ./mvnw -B -DskipTests package && bash bench/demo/run.sh
# APP_ARGS passes arguments to the app, e.g. to compare a setting:
#   APP_ARGS=--spring.mail.properties.mail.smtp.ehlo=true bash bench/demo/run.sh
# FIRST_ONLY=1 skips the restart.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=aftercare-web/target/aftercare.jar
[ -f "$JAR" ] || { echo "build first: ./mvnw -B -DskipTests package" >&2; exit 1; }
DATA=$(mktemp -d /tmp/aftercare-demo-bench.XXXXXX)
PORT=${PORT:-18090}

start() {
  local log=$1 began pid
  began=$(date +%s.%N)
  AFTERCARE_DEMO_DATA_DIR="$DATA" SERVER_PORT=$PORT java -jar "$JAR" ${APP_ARGS:-} > "$log" 2>&1 &
  pid=$!
  # the banner comes after the seeding: from then on every page has its data
  until grep -q "Aftercare demo is running" "$log"; do
    kill -0 $pid 2>/dev/null || { echo "the app stopped; see $log" >&2; exit 1; }
    sleep 1
  done
  echo "$(basename "$log" .log): $(echo "$(date +%s.%N) - $began" | bc) s to the banner;" \
    "$(grep -o 'Started AftercareApplication in [0-9.]* seconds' "$log" | head -1);" \
    "$(grep -o 'Demo history of 90 days replayed in [0-9]* ms' "$log" || echo 'no history replayed')"
  kill $pid
  wait $pid 2>/dev/null || true
}

start "$DATA/first-start.log"
[ -n "${FIRST_ONLY:-}" ] || start "$DATA/restart.log"
echo "logs and data in $DATA"
