#!/usr/bin/env bash
# Throughput benchmark of the city page (see bench/README.md).
#
#   city page   wrk against /states/il/cities/aurora, twice: unchanged (the same address every
#               time: after the first request it comes from memory, pagecache/) and rendered (a
#               different query string on every request, which the page ignores: nothing from
#               memory, so one SQL query + a Qute template each time, as after every change)
#   static      wrk against /css/timeline.css (a small static file: Quarkus, no database): the
#               service's own ceiling
#   pgbench     the city page's SQL, filled in for IL/aurora, straight against the same embedded
#               PostgreSQL: the database's ceiling for that query
#
# Everything runs on this machine and on 127.0.0.1 only; the load generators share the CPU
# with the service. Environment: THREADS (2), CONNECTIONS (16), WARMUP (5 s), DURATION (15 s),
# JAVA (java), JAVA_OPTS (none), KEEP=1 keeps the temp dir (logs, data), JFR=1 adds a profiled
# run of the city page after the measured ones (its figures are not the measured ones; the
# recording is kept as bench/city-page.jfr, summarised by bench/jfr-top.sh).
set -euo pipefail

THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-16}"
WARMUP="${WARMUP:-5}"
DURATION="${DURATION:-15}"
PGBENCH="${PGBENCH:-/usr/bin/pgbench}"
CITY_PATH="/states/il/cities/aurora"
STATIC_PATH="/css/timeline.css"
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"   # settings, helpers, cd to the repository root

# --- tools -------------------------------------------------------------------------------
ensure_wrk
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

# The page in memory answers with the same ETag every time; check that it does before measuring it.
etag() { curl -s -D - -o /dev/null "http://127.0.0.1:$PORT$CITY_PATH" | tr -d '\r' | awk -F': ' 'tolower($1) == "etag" {print $2}'; }
first_etag="$(etag)"
[[ -n "$first_etag" && "$first_etag" == "$(etag)" ]] || { log "!! the city page has no stable ETag: not kept in memory"; exit 1; }
cat >"$WORK/fresh.lua" <<'LUA'
-- Every request its own address (?fresh=N): the page ignores the parameter, the cache does not.
local n = 0
request = function()
  n = n + 1
  return wrk.format(nil, wrk.path .. "?fresh=" .. n .. "-" .. math.random(1000000000))
end
LUA
run_wrk city "$CITY_PATH"
run_wrk rendered "$CITY_PATH" "$WORK/fresh.lua"
run_wrk static "$STATIC_PATH"

# --- JFR=1: one more city-page run under a JFR recording (profiling costs throughput, so it is
# kept out of the measured runs above) ---------------------------------------------------
if [[ "${JFR:-0}" == 1 ]]; then jfr_run city-page "$CITY_PATH" "$WORK/fresh.lua"; fi   # lib.sh: kept as bench/city-page.jfr; rendered every time

# --- database ceiling: the city page's SQL through pgbench --------------------------------
# Same statement as AgencyStatusList.CITY_SQL (the agreement status rule spliced in), parameters
# filled in for IL/aurora and :today as CURRENT_DATE. Keep it in step with the Java when that
# query changes (print it with the class's CITY_SQL field).
cat >"$WORK/city-page.sql" <<'SQL'
SELECT st.name AS state_name, c.name AS the_city, c.slug AS the_city_slug, ag.id AS agency_id, ag.state_code, ag.slug, ag.name, ag.kind, c.name AS city_name, c.slug AS city_slug,
c.population, f.occurred_on AS portal_on, f.precision AS portal_precision,
f.source_title, f.source_url,
CASE WHEN ob.id IS NOT NULL THEN 'obtained'
     WHEN rq.status = 'no_responsive_records' THEN 'no_agreement'
     WHEN rq.status = 'denied' THEN 'withheld'
     WHEN rq.id IS NOT NULL THEN 'asked'
     ELSE 'not_asked' END AS st_kind, ob.id AS st_agreement, ob.kind AS st_agreement_kind, ob.title AS st_agreement_title,
 ob.agreements AS st_agreements, ob.signed_on AS st_signed_on, ob.signed_precision AS st_signed_precision,
 CASE WHEN ob.id IS NULL THEN rq.id END AS st_request,
 CASE WHEN ob.id IS NULL THEN rq.status END AS st_request_status,
 CASE WHEN ob.id IS NULL AND rq.status = 'denied' THEN
      (SELECT e.exemption_cited FROM request_event e
        WHERE e.request_id = rq.id AND NOT e.is_private AND btrim(e.exemption_cited) <> ''
        ORDER BY e.occurred_on DESC, e.id DESC LIMIT 1) END AS st_exemption,
 CASE WHEN ob.id IS NULL AND rq.status NOT IN ('no_responsive_records', 'denied') THEN
      (SELECT string_agg(e.occurred_on || ' ' || e.status_to, ',' ORDER BY e.occurred_on, e.id)
         FROM request_event e WHERE e.request_id = rq.id AND e.status_to IS NOT NULL) END AS st_history
  FROM jurisdiction c
  JOIN state st ON st.code = c.state_code
  LEFT JOIN agency ag ON ag.city_id = c.id
LEFT JOIN LATERAL (SELECT pf.occurred_on, pf.precision, s.title AS source_title, s.url AS source_url
                     FROM partnership_fact pf JOIN source s ON s.id = pf.source_id
                    WHERE pf.agency_id = ag.id AND pf.kind = 'portal_active'
                    ORDER BY pf.occurred_on, pf.id LIMIT 1) f ON true
LEFT JOIN LATERAL (SELECT a.id, a.kind, a.title, count(*) OVER () AS agreements,
                          sd.occurred_on AS signed_on, sd.precision AS signed_precision
                     FROM agreement a
                     LEFT JOIN agreement_date sd ON sd.agreement_id = a.id AND sd.kind = 'signed'
                    WHERE a.agency_id = ag.id AND a.visibility = 'published'
                    ORDER BY a.id LIMIT 1) ob ON true
LEFT JOIN LATERAL (SELECT r.id, r.status
                     FROM records_request r
                    WHERE r.agency_id = ag.id AND (r.status <> 'draft' AND (r.embargo_until IS NULL OR r.embargo_until <= CURRENT_DATE))
AND r.status IN ('no_responsive_records', 'denied', 'draft', 'filed', 'acknowledged', 'processing', 'fee_requested', 'clarification_requested', 'partially_fulfilled', 'appealed')
                    ORDER BY CASE r.status WHEN 'no_responsive_records' THEN 0
                                           WHEN 'denied' THEN 1 ELSE 2 END,
                             r.created_at DESC, r.id DESC
                    LIMIT 1) rq ON true
 WHERE c.state_code = 'IL' AND c.kind = 'city' AND c.slug = 'aurora'
 ORDER BY ag.name;
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
CITY_RPS="$(wrk_rps city)" RENDERED_RPS="$(wrk_rps rendered)" STATIC_RPS="$(wrk_rps static)"
CITY_STATIC="$(ratio "$CITY_RPS" "$STATIC_RPS" 3)"
RENDERED_PG="$(ratio "$RENDERED_RPS" "$PG_TPS" 3)"
RENDERED_STATIC="$(ratio "$RENDERED_RPS" "$STATIC_RPS" 3)"
verdict() { awk -v r="$1" -v t="$2" 'BEGIN { print (r >= t ? "MET" : "MISSED") }'; }

problems="$(service_problems "$APP_LOG")"

row() { printf '%-30s %12s %10s %10s %10s %8s\n' "$@"; }
summary_header "RingWatch city page, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, ${DURATION}s runs, $CONNECTIONS connections, $THREADS threads (load generator on the same machine)"
row "target" "req/s" "avg lat" "p50" "p99" "errors"
row "city page, unchanged" "$CITY_RPS" "$(wrk_avg city)" "$(wrk_pct city 50%)" "$(wrk_pct city 99%)" "$(wrk_bad city)"
row "city page, rendered" "$RENDERED_RPS" "$(wrk_avg rendered)" "$(wrk_pct rendered 50%)" "$(wrk_pct rendered 99%)" "$(wrk_bad rendered)"
row "static $STATIC_PATH" "$STATIC_RPS" "$(wrk_avg static)" "$(wrk_pct static 50%)" "$(wrk_pct static 99%)" "$(wrk_bad static)"
row "pgbench city SQL (tps)" "$PG_TPS" "$PG_LAT" "" "" "${PG_FAILED:-?}"
echo "unchanged / static  = $CITY_STATIC   target >= 0.5: $(verdict "$CITY_STATIC" 0.5)   ($CITY_PATH from memory, ETag $first_etag)"
echo "rendered / pgbench  = $RENDERED_PG   target >= 0.3: $(verdict "$RENDERED_PG" 0.3)   (a fresh address each request: the SQL and the template every time)"
echo "rendered / static   = $RENDERED_STATIC"
print_problems "service log" "$problems"
if [[ "${JFR:-0}" == 1 ]]; then jfr_summary city-page "$CITY_PATH"; fi
