#!/usr/bin/env bash
# Start-up benchmark of the packaged jar (see bench/README.md).
#
#   cold start  fresh data dir: initdb + PostgreSQL start + Flyway + seed + Quarkus, to the first 200 on /
#   warm start  the same data dir again: PostgreSQL start + Quarkus (seed skipped), to the first 200 on /
#   reference   the same jar and data dir, but PostgreSQL already running and passed in with
#               -Dquarkus.datasource.jdbc.url: the start-up of everything except the database server
#   idle RSS    after the last warm start and IDLE_SECONDS of idling: the java process, and the
#               postmaster with its children (RSS summed, and PSS summed, which counts shared memory once)
#
# Environment: RUNS (default 3; medians are reported), IDLE_SECONDS (default 10),
# JAVA (default java), JAVA_OPTS (extra JVM options, default none), KEEP=1 keeps the temp dir.
set -euo pipefail

RUNS="${RUNS:-3}"
IDLE_SECONDS="${IDLE_SECONDS:-10}"
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"   # settings, helpers, cd to the repository root

check_jar
LOAD_AT_START="$(load_avg)"   # other work on the machine skews every figure

WORK="$(mktemp -d "${TMPDIR:-/tmp}/ringwatch-startup.XXXXXX")"
REF_PG_PIDS=()   # every postgres we launched ourselves (reference runs)
DATA_DIRS=()     # every data dir an embedded PostgreSQL may run on

# Stops a postmaster the JVM left behind on DATA_DIR (it should never have to).
stop_leftover_pg() {
    local pm
    pm="$(postmaster_of "$1")" || return 0
    log "!! PostgreSQL $pm still running on $1/postgres after the JVM stopped: fast shutdown"
    stop_postmaster "$pm"
}

# Called by cleanup (lib.sh) on exit.
stop_processes() {
    local pid dir i
    for pid in "${JAVA_PIDS[@]}"; do stop_pid "$pid" TERM; done
    for pid in "${REF_PG_PIDS[@]}"; do stop_pid "$pid" INT; done
    for dir in "${DATA_DIRS[@]}"; do stop_leftover_pg "$dir"; done
    for pid in "${PG_SEEN[@]}"; do
        if cmdline_has "$pid" "$WORK/"; then
            log "!! PostgreSQL $pid still running: fast shutdown"
            kill -INT "$pid" 2>/dev/null || true
            for ((i = 0; i < 100; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        fi
    done
}
arm_cleanup

# Quarkus's own "started in X s" (it starts counting at the jar's entry point, so it includes
# the embedded PostgreSQL start that RingWatchMain does before Quarkus.run).
quarkus_started_in() { grep -o 'started in [0-9.]*s' "$1" | head -n 1 | grep -o '[0-9.]*[0-9]' || echo "?"; }

# timed_start NAME DATA_DIR [extra JVM args...]: start_app on a free port, then wait_200; sets
# APP_MS and APP_STARTED_IN (Quarkus's "started in").
timed_start() {
    local name="$1" data="$2" port
    shift 2
    port="$(free_port)"
    start_app "$name" "$data" "$port" "$@"
    wait_200 "$port"
    APP_STARTED_IN="$(quarkus_started_in "$APP_LOG")"
}

stop_app() {
    stop_pid "$APP_PID" TERM
    await_pg_stop "$1" || stop_leftover_pg "$1"
}

median() { tr ' ' '\n' | sed '/^$/d' | sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else printf "%d\n", (a[NR/2]+a[NR/2+1])/2}'; }
minimum() { tr ' ' '\n' | sed '/^$/d' | sort -n | head -n 1; }
maximum() { tr ' ' '\n' | sed '/^$/d' | sort -n | tail -n 1; }
mb() { awk -v k="$1" 'BEGIN { printf "%.0f MB", k / 1024 }'; }

log "== RingWatch start-up benchmark: $RUNS run(s), $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC')"
log "   jar: $ROOT/$JAR   java: $("$JAVA" -version 2>&1 | head -n 1)   JAVA_OPTS: ${JAVA_OPTS:-(none)}"

AS_ROOT_PREFIX=()
if [[ "$(id -u)" == 0 ]]; then AS_ROOT_PREFIX=(unshare -Uu); fi
COLD=() WARM=() REF=() COLD_Q=() WARM_Q=() REF_Q=()
PGBIN=""
JAVA_RSS="" PG_RSS="" PG_PSS="" PG_NPROC="" JAVA_PSS=""

for ((run = 1; run <= RUNS; run++)); do
    data="$WORK/run$run"
    DATA_DIRS+=("$data")

    # (1) cold: fresh data dir
    timed_start "run$run-cold" "$data"
    COLD+=("$APP_MS")
    COLD_Q+=("$APP_STARTED_IN")
    if [[ -z "$PGBIN" ]]; then
        pm="$(postmaster_of "$data")" || { log "!! cannot find the embedded PostgreSQL of $data"; exit 1; }
        PGBIN="$(dirname "$(tr '\0' '\n' <"/proc/$pm/cmdline" | head -n 1)")"
    fi
    log "run $run/$RUNS  cold start      ${APP_MS} ms to first 200 on /   (Quarkus log: started in ${COLD_Q[-1]} s)"
    stop_app "$data"

    # (2) warm: same data dir
    timed_start "run$run-warm" "$data"
    WARM+=("$APP_MS")
    WARM_Q+=("$APP_STARTED_IN")
    log "run $run/$RUNS  warm start      ${APP_MS} ms to first 200 on /   (Quarkus log: started in ${WARM_Q[-1]} s)"

    # (3) idle memory, once, after the last warm start
    if ((run == RUNS)); then
        log "run $run/$RUNS  idling ${IDLE_SECONDS}s before measuring memory"
        sleep "$IDLE_SECONDS"
        JAVA_RSS="$(ps -o rss= -p "$APP_PID" | tr -d ' ')"
        JAVA_PSS="$(awk '/^Pss:/ {print $2}' "/proc/$APP_PID/smaps_rollup")"
        pm="$(postmaster_of "$data")"
        pg_pids="$pm $(ps -o pid= --ppid "$pm" | tr '\n' ' ')"
        PG_RSS=0 PG_PSS=0 PG_NPROC=0
        for p in $pg_pids; do
            r="$(ps -o rss= -p "$p" 2>/dev/null | tr -d ' ')" || continue
            s="$(awk '/^Pss:/ {print $2}' "/proc/$p/smaps_rollup" 2>/dev/null)" || s=0
            PG_RSS=$((PG_RSS + ${r:-0})) PG_PSS=$((PG_PSS + ${s:-0})) PG_NPROC=$((PG_NPROC + 1))
        done
        log "run $run/$RUNS  idle memory     java RSS $(mb "$JAVA_RSS") (PSS $(mb "$JAVA_PSS"));" \
            "PostgreSQL $PG_NPROC processes RSS sum $(mb "$PG_RSS") (PSS sum $(mb "$PG_PSS"))"
    fi
    stop_app "$data"

    # (4) reference: PostgreSQL already up (the embedded binaries and options, started by us on
    # the same data dir), the jar pointed at it. What is left is JVM + Quarkus + Flyway validate
    # + seed check + first request: everything but the database server's start.
    pgport="$(free_port)"
    # As root, do what zonky does: run the server in a user namespace (unshare -Uu), since
    # PostgreSQL refuses to run as uid 0.
    ${AS_ROOT_PREFIX[@]+"${AS_ROOT_PREFIX[@]}"} "$PGBIN/postgres" -D "$data/postgres" -p "$pgport" -F -c synchronous_commit=off \
        -c max_connections=60 -c timezone=UTC >"$WORK/run$run-refpg.log" 2>&1 &
    REF_PG_PIDS+=("$!")
    refpg=$!
    for ((i = 0; i < 300; i++)); do
        pg_isready -q -h 127.0.0.1 -p "$pgport" -t 1 && break
        kill -0 "$refpg" 2>/dev/null || { log "!! reference PostgreSQL exited:"; cat "$WORK/run$run-refpg.log" >&2; exit 1; }
        sleep 0.1
    done
    pg_isready -q -h 127.0.0.1 -p "$pgport" -t 1 || { log "!! reference PostgreSQL not ready in 30 s"; exit 1; }
    timed_start "run$run-ref" "$data" "-Dquarkus.datasource.jdbc.url=jdbc:postgresql://localhost:$pgport/postgres" \
        "-Dquarkus.datasource.username=postgres" "-Dquarkus.datasource.password=postgres"
    REF+=("$APP_MS")
    REF_Q+=("$APP_STARTED_IN")
    log "run $run/$RUNS  reference       ${APP_MS} ms to first 200 on /   (Quarkus log: started in ${REF_Q[-1]} s; PostgreSQL already running)"
    stop_pid "$APP_PID" TERM
    stop_pid "$refpg" INT
done

# Anything odd in the service logs?
problems="$(service_problems "$WORK"/run*-{cold,warm,ref}.log)"

cold_med="$(echo "${COLD[*]}" | median)" warm_med="$(echo "${WARM[*]}" | median)" ref_med="$(echo "${REF[*]}" | median)"
row() { printf '%-44s %10s %10s %10s\n' "$@"; }
summary_header "RingWatch start-up, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $RUNS run(s) (time from launching java -jar to the first 200 on /)"
row "measure" "median" "min" "max"
row "cold start (fresh data dir)" "$cold_med ms" "$(echo "${COLD[*]}" | minimum) ms" "$(echo "${COLD[*]}" | maximum) ms"
row "warm start (same data dir)" "$warm_med ms" "$(echo "${WARM[*]}" | minimum) ms" "$(echo "${WARM[*]}" | maximum) ms"
row "ceiling: same jar+data, PostgreSQL already up" "$ref_med ms" "$(echo "${REF[*]}" | minimum) ms" "$(echo "${REF[*]}" | maximum) ms"
row "cold / ceiling" "$(ratio "$cold_med" "$ref_med")x" "" ""
row "warm / ceiling" "$(ratio "$warm_med" "$ref_med")x" "" ""
row "embedded PostgreSQL share of warm start" "$((warm_med - ref_med)) ms" "($(awk -v w="$warm_med" -v r="$ref_med" 'BEGIN{printf "%.0f%%", 100*(w-r)/w}'))" ""
row "Quarkus 'started in' cold/warm/ceiling (s)" "${COLD_Q[-1]}/${WARM_Q[-1]}/${REF_Q[-1]}" "(last run)" ""
row "idle java RSS (after ${IDLE_SECONDS}s)" "$(mb "$JAVA_RSS")" "PSS $(mb "$JAVA_PSS")" ""
row "idle PostgreSQL RSS sum ($PG_NPROC procs)" "$(mb "$PG_RSS")" "PSS $(mb "$PG_PSS")" ""
row "idle total RSS (java + PostgreSQL)" "$(mb $((JAVA_RSS + PG_RSS)))" "PSS $(mb $((JAVA_PSS + PG_PSS)))" ""
print_problems "service logs" "$problems"
