#!/usr/bin/env bash
# Load test: 200 concurrent clients mixing reads and writes for 60 s against the packaged jar (see
# bench/README.md, "load.sh").
#
#   mixed       bench/Load.java (a single-file Java program, java Load.java): CLIENTS threads for
#               DURATION s after a WARMUP with WARMUP_CLIENTS; each request is a write with probability WRITE_SHARE
#               (a new request, or an entry logged on one of WRITE_TARGETS shared requests, so that
#               entries on one request are written at once), else a read (home, city and state
#               pages, the API's agencies, requests and states, search page and API, a document's
#               metadata and file): throughput, p50 and p99 of reads and of writes
#   read-back   every write answered 201 is read back through the API: 0 lost writes
#   ceiling     the same client and threads on a static file (/css/site.css) for CEILING_SECONDS:
#               the ratio of the mixed throughput to it
#
# Passes when there was no error (non-2xx/3xx, timeout, refused connection) and no lost write.
# The service runs with its embedded PostgreSQL on 127.0.0.1 only, the read limits off (one
# address would be throttled otherwise), and stops with the script. Environment: CLIENTS (200),
# DURATION (60), WARMUP (20), WARMUP_CLIENTS (20), CEILING_SECONDS (20), WRITE_SHARE (0.2), WRITE_TARGETS (10),
# REQUEST_TIMEOUT (10 s), START_DEADLINE_S (240), JAVA (java), JAVA_OPTS (none), KEEP=1 keeps the
# temp dir.
set -euo pipefail

# A start on a busy two-core machine (initdb, migrations, the seed) was seen to take over 90 s.
START_LIMIT="${START_DEADLINE_S:-240}"
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"   # settings, helpers, cd to the repository root
source "$(dirname "${BASH_SOURCE[0]}")/api.sh"   # first admin (RINGWATCH_ADMIN_*), need_tools, stop_service

START_DEADLINE_S="$START_LIMIT"   # lib.sh's 90 s, raised: see above
need_tools curl
check_jar
LOAD_AT_START="$(load_avg)"   # other work on the machine skews every figure

WORK="$(mktemp -d "${TMPDIR:-/tmp}/ringwatch-load.XXXXXX")"
DATA="$WORK/data"
SAMPLER=""     # records the load average every 5 s during the run

# Called by cleanup (lib.sh) on exit.
stop_processes() {
    [[ -n "$SAMPLER" ]] && stop_pid "$SAMPLER" TERM
    [[ -n "$CHILD" ]] && stop_pid "$CHILD" TERM
    stop_service "$DATA"
}
arm_cleanup

PORT="$(free_port)"
log "== RingWatch load test, $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC'), JAVA_OPTS: ${JAVA_OPTS:-(none)}"
log "   starting $JAR on 127.0.0.1:$PORT, data in $DATA"
export RINGWATCH_RATE_LIMIT_ENABLED=false
start_app service "$DATA" "$PORT" "-Dot.epg.working-dir=${EPG_DIR:-/tmp/embedded-pg}"
wait_200 "$PORT"
log "   answering after ${APP_MS} ms"

# The load average every 5 s while the client runs: what else the machine was doing.
(while :; do echo "$(date -u +%T) $(load_avg)"; sleep 5; done) >"$WORK/loadavg" &
SAMPLER=$!

# The whole run is bounded: set-up, warm-up, the run, read-back and ceiling, with a margin.
LIMIT=$(( ${WARMUP:-20} + ${DURATION:-60} + ${CEILING_SECONDS:-20} + 180 ))
RC=0
run_child timeout "$LIMIT" "$JAVA" "$ROOT/bench/Load.java" "http://127.0.0.1:$PORT" \
    "$RINGWATCH_ADMIN_EMAIL" "$RINGWATCH_ADMIN_PASSWORD" >"$WORK/load.out" || RC=$?
stop_pid "$SAMPLER" TERM
SAMPLER=""

summary_header "RingWatch load test: ${CLIENTS:-200} clients, ${DURATION:-60} s, $(nproc) cores"
cat "$WORK/load.out"
echo "load average during the run (1, 5, 15 min):"
awk 'NR % 3 == 1' "$WORK/loadavg" | sed 's/^/  /'
print_problems "service log" "$(service_problems "$APP_LOG")"
if ((RC != 0)); then
    log "!! the load client failed (exit $RC)"
fi
exit "$RC"
