# Helpers shared by bench/startup.sh and bench/city-page.sh (see bench/README.md). Sourced, not
# run: it sets the common settings, moves to the repository root and defines functions.
#
# A script that sources it creates its temp dir WORK, defines stop_processes (stops every process
# it started), then calls arm_cleanup before it starts anything.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

JAVA="${JAVA:-java}"
read -r -a JAVA_OPTS_ARR <<<"${JAVA_OPTS:-}"
# JAR=/path/to/quarkus-run.jar measures another build (e.g. main's, before and after a change).
JAR="${JAR:-target/quarkus-app/quarkus-run.jar}"
START_DEADLINE_S="${START_DEADLINE_S:-90}"   # a start that takes longer is a failure, not a figure (raise it on a loaded machine)
STOP_DEADLINE_S=20

JAVA_PIDS=()   # every java we launched
APP_PID=""     # the last one
PG_SEEN=()     # every embedded postmaster seen (in case a JVM dies without stopping it)

log() { printf '%s\n' "$*" >&2; }

now_ms() { echo $(($(date +%s%N) / 1000000)); }

load_avg() { cut -d ' ' -f 1-3 /proc/loadavg; }

# Builds the jar only when it is missing. The scripts never rebuild an existing jar; say so when
# it is older than the sources. Sets JAR_NOTE for the summary.
check_jar() {
    if [[ ! -f "$JAR" ]]; then
        log "== $JAR missing: building it (./mvnw -B -q package -DskipTests)"
        ./mvnw -B -q package -DskipTests
    fi
    JAR_NOTE="jar built $(date -u -r "$JAR" '+%Y-%m-%d %H:%M UTC')"
    if [[ "$JAR" != target/quarkus-app/quarkus-run.jar ]]; then
        JAR_NOTE="$JAR_NOTE: $JAR"   # another build than this tree's: its age says nothing
    elif [[ -n "$(find src pom.xml -newer "$JAR" -print -quit 2>/dev/null)" ]]; then
        JAR_NOTE="$JAR_NOTE, OLDER THAN src/ or pom.xml: figures are for that old build (rebuild: ./mvnw -B -q package -DskipTests)"
        log "!! $JAR is older than src/ or pom.xml; measuring it anyway"
    fi
}

# --- process hygiene ---------------------------------------------------------------------

# Stops one process we started: SIGTERM (SIGINT = "fast shutdown" for a postmaster), then SIGKILL.
stop_pid() {
    local pid="$1" sig="${2:-TERM}" i
    kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
    kill "-$sig" "$pid" 2>/dev/null || true
    for ((i = 0; i < STOP_DEADLINE_S * 10; i++)); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
        log "!! process $pid did not stop within ${STOP_DEADLINE_S}s: SIGKILL"
        kill -KILL "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
}

# cmdline_has PID TEXT: whether the command line of PID contains TEXT (a postmaster's names its
# data dir), so that a recycled PID is never taken for ours.
cmdline_has() { tr '\0' ' ' 2>/dev/null <"/proc/$1/cmdline" | grep -qF -- "$2"; }

# PID of the postmaster running on DATA_DIR/postgres, if any (checked against its command line).
# The embedded postmaster is not our child (zonky's launch reparents it to PID 1); find it
# through its data dir's postmaster.pid.
postmaster_of() {
    local dir="$1/postgres" pid
    [[ -f "$dir/postmaster.pid" ]] || return 1
    pid="$(head -n 1 "$dir/postmaster.pid" 2>/dev/null | tr -d '[:space:]')"
    [[ "$pid" =~ ^[0-9]+$ ]] || return 1
    kill -0 "$pid" 2>/dev/null || return 1
    cmdline_has "$pid" "$dir" || return 1
    echo "$pid"
}

# The JVM's shutdown hook stops its PostgreSQL: give it up to 5 s to go from DATA_DIR. Fails if
# it is still there.
await_pg_stop() {
    local i
    for ((i = 0; i < 50; i++)); do postmaster_of "$1" >/dev/null || return 0; sleep 0.1; done
    return 1
}

# Fast shutdown of a postmaster the JVM left behind (it should never have to: the JVM's shutdown
# hook stops it), SIGKILL after STOP_DEADLINE_S. It is not our child (it is reparented), so poll.
stop_postmaster() {
    local pm="$1" i
    kill -INT "$pm" 2>/dev/null || true
    for ((i = 0; i < STOP_DEADLINE_S * 10; i++)); do
        kill -0 "$pm" 2>/dev/null || return 0
        sleep 0.1
    done
    kill -KILL "$pm" 2>/dev/null || true
}

# On exit: stop_processes (the script's own), then remove the temp dir, unless KEEP=1 or the
# script failed (an interrupt, 130 or 143, is not a failure).
cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    stop_processes
    if [[ "${KEEP:-0}" == 1 || ( $rc -ne 0 && $rc -ne 130 && $rc -ne 143 ) ]]; then
        log "== logs and data kept in $WORK"
    else
        rm -rf "$WORK"
    fi
    exit "$rc"
}

# Arms cleanup for any exit, once WORK (the temp dir) and what stop_processes uses exist.
arm_cleanup() {
    trap cleanup EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
}

# --- the service -------------------------------------------------------------------------

# A TCP port nothing listens on at 127.0.0.1 (racy by nature, but we are the only user).
free_port() {
    local p i
    for ((i = 0; i < 200; i++)); do
        p=$((20000 + RANDOM % 40000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
            echo "$p"
            return 0
        fi
    done
    log "no free port found"
    return 1
}

# http_code PORT PATH: the status of GET http://127.0.0.1:PORT/PATH (000 when nothing answers).
http_code() { curl -s -o /dev/null --max-time 5 -w '%{http_code}' "http://127.0.0.1:$1$2" 2>/dev/null || true; }

# start_app NAME DATA_DIR PORT [extra JVM args...]: launches the jar in the background, its
# output in $WORK/NAME.log; sets APP_PID, APP_LOG, APP_DATA, APP_T0 (ms) and APP_MANAGEMENT_PORT
# (health and metrics: a free port of its own, so that a service already on 9000 is no obstacle).
start_app() {
    local name="$1" data="$2" port="$3"
    shift 3
    APP_LOG="$WORK/$name.log"
    APP_DATA="$data"
    APP_MANAGEMENT_PORT="$(free_port)"
    while [[ "$APP_MANAGEMENT_PORT" == "$port" ]]; do APP_MANAGEMENT_PORT="$(free_port)"; done
    APP_T0="$(now_ms)"
    "$JAVA" "${JAVA_OPTS_ARR[@]}" "-Dringwatch.data-dir=$data" "-Dquarkus.http.host=127.0.0.1" \
        "-Dquarkus.http.port=$port" "-Dquarkus.management.port=$APP_MANAGEMENT_PORT" "$@" -jar "$JAR" \
        >"$APP_LOG" 2>&1 &
    APP_PID=$!
    JAVA_PIDS+=("$APP_PID")
}

# wait_200 PORT: waits for the first 200 on / from the JVM start_app launched, at most
# START_DEADLINE_S; sets APP_MS to the time from APP_T0 to it. Then waits for readiness on its
# management port (not timed: both ports open together). Fails, with the log's tail, if the JVM
# exits or the deadline passes first.
wait_200() {
    local port="$1" deadline pm answered=""
    deadline=$(($(now_ms) + START_DEADLINE_S * 1000))
    while :; do
        if [[ -z "$answered" && "$(http_code "$port" /)" == 200 ]]; then
            APP_MS=$(($(now_ms) - APP_T0))
            answered=1
            if pm="$(postmaster_of "$APP_DATA")"; then PG_SEEN+=("$pm"); fi
        fi
        if [[ -n "$answered" && "$(http_code "$APP_MANAGEMENT_PORT" /q/health/ready)" == 200 ]]; then
            return 0
        fi
        if ! kill -0 "$APP_PID" 2>/dev/null; then
            log "!! the JVM exited before answering 200 on / and on :$APP_MANAGEMENT_PORT/q/health/ready; its log ($APP_LOG):"
            tail -n 30 "$APP_LOG" >&2
            return 1
        fi
        if (($(now_ms) > deadline)); then
            log "!! no 200 on / and on :$APP_MANAGEMENT_PORT/q/health/ready within ${START_DEADLINE_S}s; log tail ($APP_LOG):"
            tail -n 30 "$APP_LOG" >&2
            return 1
        fi
        sleep 0.05
    done
}

# --- children and wrk (city-page.sh, agreements.sh, upload.sh, api-lists.sh, csv-export.sh) ---------------------------

# ensure_wrk: installs wrk with apt-get when it is missing and we are root; otherwise fails.
ensure_wrk() {
    if ! command -v wrk >/dev/null 2>&1; then
        if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null 2>&1; then
            log "== wrk missing: apt-get install -y wrk"
            export DEBIAN_FRONTEND=noninteractive
            if ! timeout 180 apt-get install -y -q wrk >/dev/null 2>&1; then
                timeout 180 apt-get update -q >/dev/null
                timeout 180 apt-get install -y -q wrk >/dev/null
            fi
        else
            log "wrk is missing: install it (apt-get install wrk) or run this script as root"
            exit 1
        fi
    fi
}

CHILD=""     # the long command running in the background, if any; the script's cleanup stops it

# Runs a long command (wrk, pgbench, curl) in the background and waits for it, so that a signal
# to the script is handled at once (bash defers traps until a foreground child ends).
run_child() {
    local rc=0
    "$@" &
    CHILD=$!
    wait "$CHILD" || rc=$?
    CHILD=""
    return "$rc"
}

# run_wrk NAME PATH [LUA]: a warm-up, then the measured run (its output in $WORK/NAME.wrk),
# optionally with a wrk Lua script. Uses PORT, WARMUP, DURATION, THREADS and CONNECTIONS.
run_wrk() {
    local name="$1" path="$2" script=()
    [[ -n "${3:-}" ]] && script=(-s "$3")
    log "   wrk $path${3:+ (script $(basename "$3"))}: ${WARMUP}s warm-up, then ${DURATION}s (-t$THREADS -c$CONNECTIONS)"
    run_child timeout "$((WARMUP + 20))" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" --timeout 5s "${script[@]}" \
        "http://127.0.0.1:$PORT$path" >"$WORK/$name.warmup" 2>&1
    local before=""
    if [[ -n "${PG_PM:-}" ]]; then cpu_mark; before="$CPU_MARK"; fi
    run_child timeout "$((DURATION + 20))" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 5s --latency \
        "${script[@]}" "http://127.0.0.1:$PORT$path" >"$WORK/$name.wrk" 2>&1
    if [[ -n "$before" ]]; then   # PG_PM (the postmaster's pid) set: CPU ms per request of the JVM, PostgreSQL, wrk
        cpu_mark
        cpu_per "$before" "$CPU_MARK" "$(awk '/ requests in / {print $1}' "$WORK/$name.wrk")" >"$WORK/$name.cpu"
    fi
    cat "$WORK/$name.wrk" >&2
}
wrk_rps() { awk '/^Requests\/sec:/ {print $2}' "$WORK/$1.wrk"; }
wrk_avg() { awk '$1 == "Latency" && $2 != "Distribution" {print $2; exit}' "$WORK/$1.wrk"; }
wrk_pct() { awk -v p="$2" '$1 == p {print $2; exit}' "$WORK/$1.wrk"; }
wrk_bad() {  # non-2xx/3xx responses plus socket errors
    awk '/Non-2xx or 3xx responses:/ {n += $NF}
         /Socket errors:/ {gsub(",", ""); n += $4 + $6 + $8 + $10}
         END {print n + 0}' "$WORK/$1.wrk"
}

# --- CPU accounting (api-lists.sh): where a run's CPU went -----------------------------------
# On 2 cores shared by the load generator, the service and PostgreSQL, a rate is CPU-bound: the
# CPU each request costs in each process says where a gap to the ceiling comes from.

CLOCK_TICKS="$(getconf CLK_TCK)"

# proc_ticks PID [WITH_REAPED]: CPU ticks (user + system) of a live process, its threads included;
# with WITH_REAPED=1 also those of its children it has reaped (a postmaster's ended backends).
proc_ticks() {
    awk -v reaped="${2:-0}" '{ sub(/^.*\) /, ""); print $12 + $13 + (reaped ? $14 + $15 : 0) }' "/proc/$1/stat" 2>/dev/null || echo 0
}

# pg_ticks POSTMASTER: CPU ticks of a PostgreSQL server: the postmaster, its ended backends and its live ones.
pg_ticks() {
    local total child
    total="$(proc_ticks "$1" 1)"
    for child in $(pgrep -P "$1"); do total=$((total + $(proc_ticks "$child"))); done
    echo "$total"
}

# cpu_mark: sets CPU_MARK to the ticks of the JVM (APP_PID), of PostgreSQL (PG_PM) and of every
# child this shell has waited for (wrk, pgbench: bash's times, run here and not in a subshell,
# whose own children would be none).
cpu_mark() {
    times >"$WORK/times.out"
    CPU_MARK="$(proc_ticks "$APP_PID") $(pg_ticks "$PG_PM") $(awk -v hz="$CLOCK_TICKS" 'NR == 2 {
        n = 0; for (i = 1; i <= 2; i++) { split($i, t, /[ms]/); n += t[1] * 60 + t[2] }; printf "%d", n * hz }' "$WORK/times.out")"
}

# cpu_per BEFORE AFTER COUNT: ms of CPU per request (COUNT of them) in the JVM, PostgreSQL and the
# load generator between two CPU_MARKs, as "jvm pg client".
cpu_per() {
    awk -v b="$1" -v a="$2" -v n="$3" -v hz="$CLOCK_TICKS" 'BEGIN { split(b, x, " "); split(a, y, " ");
        if (n <= 0) { print "n/a n/a n/a"; exit }
        for (i = 1; i <= 3; i++) printf "%.3f%s", (y[i] - x[i]) * 1000 / hz / n, (i < 3 ? " " : "\n") }'
}

# --- JFR=1: a profiled run (city-page.sh, api-lists.sh) ------------------------------------

# jfr_run NAME PATH: one more wrk run of PATH (DURATION s after the measured ones; recording
# costs throughput, so its rate is not a figure) under a JFR recording of the service (APP_PID,
# jcmd JFR.start settings=profile), kept as bench/NAME.jfr (git-ignored) and read by
# bench/jfr-top.sh into $WORK/NAME-jfr.txt.
jfr_run() {
    local name="$1" path="$2" file="$ROOT/bench/$1.jfr" script=()
    [[ -n "${3:-}" ]] && script=(-s "$3")   # an optional wrk Lua script, as run_wrk takes
    log "   JFR: recording a ${DURATION}s run of $path into $file"
    jcmd "$APP_PID" JFR.start name="$name" settings=profile filename="$file" >/dev/null
    run_child timeout "$((DURATION + 20))" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 5s \
        "${script[@]}" "http://127.0.0.1:$PORT$path" >"$WORK/$name-jfr.wrk" 2>&1
    jcmd "$APP_PID" JFR.stop name="$name" >/dev/null
    "$ROOT/bench/jfr-top.sh" "$file" >"$WORK/$name-jfr.txt"
}

# jfr_summary NAME PATH: the summary's reading of jfr_run NAME PATH.
jfr_summary() {
    echo
    echo "JFR profile of one more run of $2 ($(wrk_rps "$1-jfr") req/s while recording; bench/$1.jfr):"
    cat "$WORK/$1-jfr.txt"
}

# timed COMMAND...: runs it as run_child does; sets TIMED_MS to its wall time.
timed() {
    local t0
    t0="$(date +%s%N)"
    run_child "$@"
    TIMED_MS=$((($(date +%s%N) - t0) / 1000000))
}

# median_of: the median of the numbers on stdin (separated by spaces or lines).
median_of() { tr ' ' '\n' | sed '/^$/d' | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }

# --- summary -----------------------------------------------------------------------------

# ratio A B [DECIMALS]: A / B (2 decimals by default), or n/a when B is not positive.
ratio() { awk -v a="$1" -v b="$2" -v d="${3:-2}" 'BEGIN { if (b > 0) printf "%." d "f", a / b; else print "n/a" }'; }

# service_problems LOG...: the WARN/ERROR and exception lines of the service logs, counted.
service_problems() {
    grep -hE '^[0-9-]+ [0-9:,]+ +(WARN|ERROR)|Exception' "$@" 2>/dev/null | sort | uniq -c | sort -rn | head -n 10 || true
}

# summary_header TITLE: the summary's first lines, with what may skew its figures: an old jar,
# and other work on the machine (the load average at the start and now).
summary_header() {
    echo
    echo "$1"
    echo "($JAR_NOTE; load average at start $LOAD_AT_START, at end $(load_avg))"
}

# print_problems WHAT PROBLEMS: the summary's last lines (WHAT: "service log" or "service logs").
print_problems() {
    echo
    if [[ -n "$2" ]]; then
        echo "WARN/ERROR lines in the $1 (count, line):"
        echo "$2"
    else
        echo "No WARN/ERROR lines in the $1."
    fi
}
