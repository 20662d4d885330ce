#!/usr/bin/env bash
# Throughput benchmark of the city page (see bench/README.md).
#
#   city page   wrk against /states/il/cities/aurora (one SQL query + a Qute template)
#   static      wrk against /q/health/live (Quarkus, no database): the service's own ceiling
#   pgbench     the city page's SQL, filled in for IL/aurora, straight against the same embedded
#               PostgreSQL: the database's ceiling for that query
#
# Everything runs on this machine and on 127.0.0.1 only; the load generators share the CPU
# with the service. Environment: THREADS (2), CONNECTIONS (16), WARMUP (5 s), DURATION (15 s),
# JAVA (java), JAVA_OPTS (none), KEEP=1 keeps the temp dir (logs, data).
set -euo pipefail

THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-16}"
WARMUP="${WARMUP:-5}"
DURATION="${DURATION:-15}"
PGBENCH="${PGBENCH:-/usr/bin/pgbench}"
CITY_PATH="/states/il/cities/aurora"
STATIC_PATH="/q/health/live"
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"   # settings, helpers, cd to the repository root

# --- tools -------------------------------------------------------------------------------
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
[[ -x "$PGBENCH" ]] || { log "pgbench not found at $PGBENCH (package postgresql-contrib or postgresql-client)"; exit 1; }

check_jar
LOAD_AT_START="$(load_avg)"   # other work on the machine skews every figure

WORK="$(mktemp -d "${TMPDIR:-/tmp}/ringwatch-city.XXXXXX")"
DATA="$WORK/data"

# Called by cleanup (lib.sh) on exit.
stop_processes() {
    local pm
    [[ -n "$CHILD" ]] && stop_pid "$CHILD" TERM
    [[ -n "$APP_PID" ]] && stop_pid "$APP_PID" TERM
    # The JVM's shutdown hook stops its PostgreSQL; make sure of it.
    await_pg_stop "$DATA" || true
    pm="$(postmaster_of "$DATA")" || pm="${PG_SEEN[0]:-}"
    if [[ -n "$pm" ]] && cmdline_has "$pm" "$DATA/"; then
        log "!! PostgreSQL $pm outlived the JVM: fast shutdown"
        stop_postmaster "$pm"
    fi
}
arm_cleanup


# --- start the service -------------------------------------------------------------------
PORT="$(free_port)"
log "== RingWatch city-page benchmark, $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC')"
log "   starting $JAR on 127.0.0.1:$PORT, data in $DATA"
start_app service "$DATA" "$PORT"   # its output in $WORK/service.log
wait_200 "$PORT"
for path in "$CITY_PATH" "$STATIC_PATH"; do
    code="$(http_code "$PORT" "$path")"
    [[ "$code" == 200 ]] || { log "!! $path answers $code, not 200"; exit 1; }
done

PGPORT="$(grep -o 'jdbc:postgresql://localhost:[0-9]*/postgres' "$APP_LOG" | head -n 1 | sed -E 's#.*localhost:([0-9]+)/.*#\1#')"
[[ -n "$PGPORT" ]] || { log "!! no 'jdbc:postgresql://localhost:PORT/postgres' line in the service log"; exit 1; }
log "   service up; embedded PostgreSQL on localhost:$PGPORT"

# --- HTTP load ---------------------------------------------------------------------------

run_wrk city "$CITY_PATH"
run_wrk static "$STATIC_PATH"

# --- database ceiling: the city page's SQL through pgbench --------------------------------
# Same statement as AgencyDirectory.cityPage (AGENCY_COLUMNS spliced in), parameters filled
# in for IL/aurora. Keep it in step with the Java when that query changes.
cat >"$WORK/city-page.sql" <<'SQL'
SELECT s.name AS state_name, a.id AS agency_id,
       a.state_code, a.slug, a.name, a.kind, c.name AS city_name, c.slug AS city_slug,
       f.occurred_on, f.precision
  FROM jurisdiction c
  JOIN state s ON s.code = c.state_code
  LEFT JOIN agency a ON a.city_id = c.id
  LEFT JOIN LATERAL (SELECT occurred_on, precision FROM partnership_fact
                      WHERE agency_id = a.id AND kind = 'portal_active'
                      ORDER BY occurred_on LIMIT 1) f ON true
 WHERE c.state_code = 'IL' AND c.kind = 'city' AND c.slug = 'aurora'
 ORDER BY a.name;
SQL
export PGPASSWORD=postgres
rows="$(psql -X -q -A -t -h localhost -p "$PGPORT" -U postgres -d postgres -f "$WORK/city-page.sql" 2>&1 | wc -l)" || true
log "   pgbench: the city page's SQL returns $rows row(s); ${DURATION}s (-c$CONNECTIONS -j$THREADS -M prepared)"
run_child timeout "$((DURATION + 30))" "$PGBENCH" -h localhost -p "$PGPORT" -U postgres -n -c"$CONNECTIONS" -j"$THREADS" \
    -T"$DURATION" -M prepared -f "$WORK/city-page.sql" postgres >"$WORK/pgbench.out" 2>&1 \
    || { log "!! pgbench failed:"; cat "$WORK/pgbench.out" >&2; exit 1; }
tail -n 6 "$WORK/pgbench.out" >&2
PG_TPS="$(awk -F'= ' '/^tps = / {split($2, a, " "); printf "%.2f\n", a[1]}' "$WORK/pgbench.out" | tail -n 1)"
PG_LAT="$(awk -F'= ' '/^latency average = / {print $2}' "$WORK/pgbench.out")"
PG_FAILED="$(awk -F': ' '/^number of failed transactions/ {split($2, a, " "); print a[1]}' "$WORK/pgbench.out")"

# --- summary -----------------------------------------------------------------------------
CITY_RPS="$(wrk_rps city)" STATIC_RPS="$(wrk_rps static)"
CITY_STATIC="$(ratio "$CITY_RPS" "$STATIC_RPS" 3)"
CITY_PG="$(ratio "$CITY_RPS" "$PG_TPS" 3)"
verdict="$(awk -v r="$CITY_STATIC" 'BEGIN { print (r >= 0.1 ? "MET (within 10x)" : "MISSED (more than 10x slower)") }')"

problems="$(service_problems "$APP_LOG")"

row() { printf '%-30s %12s %10s %10s %10s %8s\n' "$@"; }
summary_header "RingWatch city page, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, ${DURATION}s runs, $CONNECTIONS connections, $THREADS threads (load generator on the same machine)"
row "target" "req/s" "avg lat" "p50" "p99" "errors"
row "city page $CITY_PATH" "$CITY_RPS" "$(wrk_avg city)" "$(wrk_pct city 50%)" "$(wrk_pct city 99%)" "$(wrk_bad city)"
row "static $STATIC_PATH" "$STATIC_RPS" "$(wrk_avg static)" "$(wrk_pct static 50%)" "$(wrk_pct static 99%)" "$(wrk_bad static)"
row "pgbench city SQL (tps)" "$PG_TPS" "$PG_LAT" "" "" "${PG_FAILED:-?}"
echo "city / static  = $CITY_STATIC   target: same order of magnitude (>= 0.1): $verdict"
echo "city / pgbench = $CITY_PG   (the page's rate as a share of the database's rate for its one query)"
print_problems "service log" "$problems"
