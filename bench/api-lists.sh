#!/usr/bin/env bash
# Throughput of the API's agency and document lists against their SQL (see bench/README.md).
#
#   agencies   wrk against GET /api/v1/agencies?limit=50: the first page and page 20 (the URL
#              reached by following "next" 19 times), over the ~1,500 seeded agencies
#   documents  the same for GET /api/v1/documents?limit=50, over DOCS generated public documents
#              (plus DOCS/10 the public may not see) in the service's own embedded PostgreSQL
#   pgbench    the SQL the service runs for each of those four pages, parameters as literals,
#              at the same concurrency: the database's ceiling for that page
#
# Targets (issue 10): each URL at >= 0.6 x the tps of pgbench running its SQL; page 20 within
# 1.5 x the first page's latency (p50). The read rate limit is off for the run
# (-Dringwatch.rate-limit.enabled=false): 120 requests a minute per address would otherwise
# answer 429 to nearly every request.
#
#   requests   with REQUEST_LIST=1 (issue 12): wrk against GET /api/v1/requests?limit=50 over 50
#              filed requests, first with one entry each, then after ENTRIES (80) notes were added
#              to 10 of them, as the load test leaves them (bench/load.sh): what the embedded logs
#              cost the list. No pgbench ceiling: that list runs several queries per request.
#
# Everything runs on this machine and on 127.0.0.1 only. Environment: DOCS (20000; a multiple of
# 10), THREADS (2), CONNECTIONS (16), WARMUP (5 s), DURATION (15 s), JAVA, JAVA_OPTS (none),
# REQUEST_LIST (0), ENTRIES (80), PLANNED=1 (the first pages' SQL once more through pgbench, planned
# at every execution as the service's are), START_DEADLINE_S (90),
# PGBENCH (/usr/bin/pgbench), KEEP=1 keeps the temp dir (logs, data), JFR=1 adds a profiled run of
# each list's first page after the measured ones (not measured figures; the recordings are kept as
# bench/api-agencies.jfr and bench/api-documents.jfr, summarised by bench/jfr-top.sh).
set -euo pipefail

DOCS="${DOCS:-20000}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-16}"
WARMUP="${WARMUP:-5}"
DURATION="${DURATION:-15}"
ENTRIES="${ENTRIES:-80}"
PGBENCH="${PGBENCH:-/usr/bin/pgbench}"
LIMIT=50
DEEP_PAGE=20
RPS_TARGET=0.6
DEEP_TARGET=1.5
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"        # settings, helpers, cd to the repository root
source "$(dirname "${BASH_SOURCE[0]}")/api.sh"        # the first admin (documents need an uploader)
source "$(dirname "${BASH_SOURCE[0]}")/documents.sh"  # generated documents, the document list's SQL

need_tools curl jq psql
ensure_wrk
[[ -x "$PGBENCH" ]] || { log "pgbench not found at $PGBENCH (package postgresql-client)"; exit 1; }
check_jar
LOAD_AT_START="$(load_avg)"   # other work on the machine skews every figure

WORK="$(mktemp -d "${TMPDIR:-/tmp}/ringwatch-lists.XXXXXX")"
DATA="$WORK/data"

# Called by cleanup (lib.sh) on exit.
stop_processes() {
    [[ -n "$CHILD" ]] && stop_pid "$CHILD" TERM
    stop_service "$DATA"
}
arm_cleanup

# --- start the service and generate the documents ----------------------------------------
PORT="$(free_port)"
log "== RingWatch API lists benchmark, $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC')"
log "   starting $JAR on 127.0.0.1:$PORT, data in $DATA, read rate limit off"
start_app service "$DATA" "$PORT" -Dringwatch.rate-limit.enabled=false
wait_200 "$PORT"
PGPORT="$(embedded_pg_port)"
[[ -n "$PGPORT" ]] || { log "!! no 'jdbc:postgresql://localhost:PORT/postgres' line in the service log"; exit 1; }
log "   service up after ${APP_MS} ms; embedded PostgreSQL on localhost:$PGPORT"
PG_PM="$(postmaster_of "$DATA")" || { log "!! no postmaster found for $DATA"; exit 1; }   # run_wrk's CPU accounting

log "   generating $DOCS public documents (+$((DOCS / 10)) the public may not see)"
t0="$(now_ms)"
generate_documents "$DOCS" >&2
GEN_MS=$(($(now_ms) - t0))
TODAY="$(service_today)"
PUBLIC_DOCS="$(bench_psql -A -t -c "SELECT count(*) FROM ($(document_list_sql "$TODAY" "" "")) l")"
ALL_DOCS="$(bench_psql -A -t -c "SELECT count(*) FROM document")"
AGENCIES="$(bench_psql -A -t -c "SELECT count(*) FROM agency")"
log "   $PUBLIC_DOCS public documents of $ALL_DOCS, $AGENCIES agencies, in $((GEN_MS / 1000)) s"

# --- the four URLs -----------------------------------------------------------------------
# deep_path FIRST_PATH NAME: follows "next" DEEP_PAGE-1 times from FIRST_PATH; prints the path
# of page DEEP_PAGE and leaves page DEEP_PAGE-1 in $WORK/NAME.before-deep.json (its last item
# is the cursor's key).
deep_path() {
    local path="$1" name="$2" i next
    for ((i = 1; i < DEEP_PAGE; i++)); do
        curl -sf --max-time 10 "http://127.0.0.1:$PORT$path" -o "$WORK/$name.before-deep.json" \
            || { log "!! GET $path failed"; return 1; }
        next="$(jq -r .next "$WORK/$name.before-deep.json")"
        [[ "$next" == http* ]] || { log "!! page $i of $name has no next (only $((i * LIMIT)) items?)"; return 1; }
        path="/${next#http*://*/}"
    done
    echo "$path"
}
AG_FIRST="/api/v1/agencies?limit=$LIMIT"
DOC_FIRST="/api/v1/documents?limit=$LIMIT"
AG_DEEP="$(deep_path "$AG_FIRST" agencies)"
AG_AFTER_STATE="$(jq -r '.items[-1].state' "$WORK/agencies.before-deep.json")"
AG_AFTER_SLUG="$(jq -r '.items[-1].slug' "$WORK/agencies.before-deep.json")"
DOC_DEEP="$(deep_path "$DOC_FIRST" documents)"
DOC_AFTER_ID="$(jq -r '.items[-1].id' "$WORK/documents.before-deep.json")"
log "   page $DEEP_PAGE: $AG_DEEP (after $AG_AFTER_STATE/$AG_AFTER_SLUG)"
log "   page $DEEP_PAGE: $DOC_DEEP (after document $DOC_AFTER_ID)"
for path in "$AG_FIRST" "$AG_DEEP" "$DOC_FIRST" "$DOC_DEEP"; do
    code="$(http_code "$PORT" "$path")"
    [[ "$code" == 200 ]] || { log "!! $path answers $code, not 200"; exit 1; }
done

# --- the SQL the service runs for each page, as pgbench scripts ---------------------------
# agency_list_sql AFTER_STATE AFTER_SLUG: AgencyDirectory.page for GET /api/v1/agencies (no state,
# no q), AFTER_* empty for the first page; LIMIT is the page's limit + 1 (ListResponses fetches one
# more row to know whether there is a next page).
# It repeats the service's SQL on purpose (AGENCY_COLUMNS, AGENCY_JOINS and page()): KEEP IT IN
# STEP with AgencyDirectory when that query changes. The check below compares its rows with the
# service's answer.
agency_list_sql() {
    cat <<SQL
SELECT a.state_code, a.slug, a.name, a.kind, c.name AS city_name, c.slug AS city_slug,
       f.occurred_on, f.precision
  FROM agency a
  LEFT JOIN jurisdiction c ON c.id = a.city_id
  LEFT JOIN LATERAL (SELECT occurred_on, precision FROM partnership_fact
                      WHERE agency_id = a.id AND kind = 'portal_active'
                      ORDER BY occurred_on LIMIT 1) f ON true
 WHERE true
SQL
    [[ -n "$1" ]] && echo "   AND (a.state_code, a.slug) > (CAST('$1' AS bpchar), '$2')"
    echo " ORDER BY a.state_code, a.slug LIMIT $((LIMIT + 1))"
}
agency_list_sql "" "" >"$WORK/agencies-first.sql"
agency_list_sql "$AG_AFTER_STATE" "$AG_AFTER_SLUG" >"$WORK/agencies-deep.sql"
document_list_sql "$TODAY" "" "$((LIMIT + 1))" >"$WORK/documents-first.sql"
document_list_sql "$TODAY" "$DOC_AFTER_ID" "$((LIMIT + 1))" >"$WORK/documents-deep.sql"

# same_rows NAME PATH SQL_FILE JQ_KEY FIELDS: whether the SQL's first LIMIT rows are the service's
# items, compared by their key (agencies: state/slug, the first 2 columns; documents: id, the
# first). Sets SAME_<NAME> to yes or NO.
same_rows() {
    local name="$1" path="$2" sql="$3" key="$4" fields="$5" service db
    service="$(curl -sf --max-time 10 "http://127.0.0.1:$PORT$path" | jq -r ".items[] | $key")"
    db="$(bench_psql -A -t -F / -f "$sql" | head -n "$LIMIT" | cut -d / -f "1-$fields")"
    if [[ -n "$service" && "$service" == "$db" ]]; then
        printf -v "SAME_$name" yes
    else
        printf -v "SAME_$name" NO
        log "!! $path: the SQL in $sql does not return the service's items; keep it in step with the Java"
    fi
}
same_rows AG_FIRST "$AG_FIRST" "$WORK/agencies-first.sql" '"\(.state)/\(.slug)"' 2
same_rows AG_DEEP "$AG_DEEP" "$WORK/agencies-deep.sql" '"\(.state)/\(.slug)"' 2
same_rows DOC_FIRST "$DOC_FIRST" "$WORK/documents-first.sql" .id 1
same_rows DOC_DEEP "$DOC_DEEP" "$WORK/documents-deep.sql" .id 1

# --- HTTP load ---------------------------------------------------------------------------
run_wrk ag_first "$AG_FIRST"
run_wrk ag_deep "$AG_DEEP"
run_wrk doc_first "$DOC_FIRST"
run_wrk doc_deep "$DOC_DEEP"
# --- REQUEST_LIST=1: the requests list, with short and with long logs -----------------------
REQ_PATH="/api/v1/requests?limit=$LIMIT"
if [[ "${REQUEST_LIST:-0}" == 1 ]]; then
    log "   filing $LIMIT requests through the API (one entry each)"
    api_setup >/dev/null   # the admin's token and the first filed request
    for ((i = 1; i < LIMIT; i++)); do
        id="$(api 201 POST /api/v1/requests "$(jq -nc --arg a "$BENCH_AGENCY" \
            '{agency: $a, title: "bench", records: "bench", allow_duplicate: true}')" | jq -r .id)"
        api 201 POST "/api/v1/requests/$id/events" "$(jq -nc --arg d "$(past_weekday)" \
            '{date: $d, direction: "sent", status: "filed"}')" >/dev/null
    done
    code="$(http_code "$PORT" "$REQ_PATH")"
    [[ "$code" == 200 ]] || { log "!! $REQ_PATH answers $code, not 200"; exit 1; }
    REQ_SHORT_BYTES="$(curl -sf "http://127.0.0.1:$PORT$REQ_PATH" | wc -c)"
    run_wrk req_short "$REQ_PATH"
    log "   adding $ENTRIES notes to each of the 10 newest requests (SQL)"
    bench_psql -c "INSERT INTO request_event (request_id, occurred_on, direction, subject, body, author_id)
        SELECT r.id, current_date - 1, 'note', 'bench note ' || n,
               'A note of a few sentences, as volunteers log them: called the records office, left a message.', r.requester_id
          FROM (SELECT id, requester_id FROM records_request ORDER BY id DESC LIMIT 10) r,
               generate_series(1, $ENTRIES) n" >&2
    REQ_LONG_BYTES="$(curl -sf "http://127.0.0.1:$PORT$REQ_PATH" | wc -c)"
    run_wrk req_long "$REQ_PATH"
fi

if [[ "${JFR:-0}" == 1 ]]; then   # lib.sh; profiling costs throughput, so after the measured runs
    jfr_run api-agencies "$AG_FIRST"
    jfr_run api-documents "$DOC_FIRST"
fi

# --- database ceiling --------------------------------------------------------------------
# run_pgbench NAME: the SQL in $WORK/NAME.sql, DURATION seconds at the same concurrency as wrk.
# Also writes $WORK/NAME.cpu: CPU ms per transaction of the JVM (idle), PostgreSQL and pgbench.
run_pgbench() {
    local name="$1" before
    log "   pgbench $name.sql: ${DURATION}s (-c$CONNECTIONS -j$THREADS -M prepared)"
    cpu_mark
    before="$CPU_MARK"
    run_child timeout "$((DURATION + 30))" "$PGBENCH" -h localhost -p "$PGPORT" -U postgres -n -c"$CONNECTIONS" \
        -j"$THREADS" -T"$DURATION" -M prepared -f "$WORK/$name.sql" postgres >"$WORK/$name.pgbench" 2>&1 \
        || { log "!! pgbench failed:"; cat "$WORK/$name.pgbench" >&2; exit 1; }
    cpu_mark
    cpu_per "$before" "$CPU_MARK" "$(awk -F': ' '/^number of transactions actually processed/ {print $2 + 0}' \
        "$WORK/$name.pgbench")" >"$WORK/$name.cpu"
    tail -n 4 "$WORK/$name.pgbench" >&2
}
pg_tps() { awk -F'= ' '/^tps = / {split($2, a, " "); printf "%.2f\n", a[1]}' "$WORK/$1.pgbench" | tail -n 1; }
pg_lat() { awk -F'= ' '/^latency average = / {split($2, a, " "); print a[1]}' "$WORK/$1.pgbench"; }
for name in agencies-first agencies-deep documents-first documents-deep; do run_pgbench "$name"; done
# PLANNED=1: the first pages' SQL once more, planned at every execution as the service's are
# (application.properties: plan_cache_mode = force_custom_plan, and the service binds its values):
# LIMIT becomes a bound variable, and pgbench's connections get the same setting. pgbench's own
# statements have no parameters, so PostgreSQL plans them once and reuses the plan.
if [[ "${PLANNED:-0}" == 1 ]]; then
    for name in agencies-first documents-first; do
        { echo '\set n '"$((LIMIT + 1))"; sed "s/LIMIT $((LIMIT + 1))\$/LIMIT :n/" "$WORK/$name.sql"; } >"$WORK/$name-planned.sql"
        grep -q 'LIMIT :n' "$WORK/$name-planned.sql" || { log "!! no LIMIT to bind in $name.sql"; exit 1; }
        PGOPTIONS="-c plan_cache_mode=force_custom_plan" run_pgbench "$name-planned"
    done
fi

# --- summary -----------------------------------------------------------------------------
# wrk's latencies ("364.17us", "4.05ms", "1.20s") in ms.
ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.3f", n }'; }
verdict() { awk -v r="$1" -v t="$2" -v dir="$3" 'BEGIN { if (r == "n/a") print "n/a"; else if (dir == ">=" ? r >= t : r <= t) print "PASS"; else print "MISS" }'; }

problems="$(service_problems "$APP_LOG")"
row() { printf '%-46s %9s %9s %9s %7s %10s %9s %6s  %s\n' "$@"; }
summary_header "RingWatch API lists, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, ${DURATION}s runs after ${WARMUP}s of warm-up, $CONNECTIONS connections, $THREADS threads (wrk and pgbench alike; load generators on the same machine)"
echo "data: $AGENCIES agencies (seed), $PUBLIC_DOCS public documents of $ALL_DOCS (generated in $((GEN_MS / 1000)) s); limit=$LIMIT, page $DEEP_PAGE reached by following next $((DEEP_PAGE - 1)) times; read rate limit off"
row "URL" "req/s" "p50 ms" "p99 ms" "errors" "pgbench" "svc/pgb" ">=$RPS_TARGET" "SQL same rows"
for spec in "ag_first|$AG_FIRST|agencies-first|AG_FIRST" "ag_deep|$AG_DEEP|agencies-deep|AG_DEEP" \
            "doc_first|$DOC_FIRST|documents-first|DOC_FIRST" "doc_deep|$DOC_DEEP|documents-deep|DOC_DEEP"; do
    IFS='|' read -r w path pg same <<<"$spec"
    r="$(ratio "$(wrk_rps "$w")" "$(pg_tps "$pg")" 3)"
    same_var="SAME_$same"
    shown="$path"
    (( ${#shown} > 46 )) && shown="${shown:0:43}..."
    row "$shown" "$(wrk_rps "$w")" "$(ms "$(wrk_pct "$w" 50%)")" "$(ms "$(wrk_pct "$w" 99%)")" "$(wrk_bad "$w")" \
        "$(pg_tps "$pg")" "$r" "$(verdict "$r" "$RPS_TARGET" ">=")" "${!same_var}"
done
echo "pgbench = tps of the page's SQL (literals, -M prepared), average latency ms: agencies $(pg_lat agencies-first) / $(pg_lat agencies-deep), documents $(pg_lat documents-first) / $(pg_lat documents-deep) (first / page $DEEP_PAGE)"
echo
echo "CPU ms per request (wrk) or transaction (pgbench), by process: where each rate's CPU went"
printf '%-28s %9s %12s %13s\n' "run" "JVM" "PostgreSQL" "wrk/pgbench"
for run in ag_first ag_deep doc_first doc_deep agencies-first agencies-deep documents-first documents-deep \
           agencies-first-planned documents-first-planned req_short req_long; do
    [[ -f "$WORK/$run.cpu" ]] || continue
    read -r jvm pg client <"$WORK/$run.cpu"
    printf '%-28s %9s %12s %13s\n' "$run" "$jvm" "$pg" "$client"
done
for kind in ag doc; do
    label="$([[ $kind == ag ]] && echo agencies || echo documents)"
    p50="$(ratio "$(ms "$(wrk_pct "${kind}_deep" 50%)")" "$(ms "$(wrk_pct "${kind}_first" 50%)")" 2)"
    p99="$(ratio "$(ms "$(wrk_pct "${kind}_deep" 99%)")" "$(ms "$(wrk_pct "${kind}_first" 99%)")" 2)"
    printf '%-10s page %s / first page latency: p50 %s, p99 %s   target p50 <= %s: %s\n' "$label" "$DEEP_PAGE" "$p50" "$p99" \
        "$DEEP_TARGET" "$(verdict "$p50" "$DEEP_TARGET" "<=")"
done
if [[ "${REQUEST_LIST:-0}" == 1 ]]; then
    row "$REQ_PATH, short logs" "$(wrk_rps req_short)" "$(ms "$(wrk_pct req_short 50%)")" \
        "$(ms "$(wrk_pct req_short 99%)")" "$(wrk_bad req_short)" "" "" "" "$REQ_SHORT_BYTES bytes"
    row "$REQ_PATH, long logs" "$(wrk_rps req_long)" "$(ms "$(wrk_pct req_long 50%)")" \
        "$(ms "$(wrk_pct req_long 99%)")" "$(wrk_bad req_long)" "" "" "" "$REQ_LONG_BYTES bytes"
    echo "requests list: long logs / short logs req/s = $(ratio "$(wrk_rps req_long)" "$(wrk_rps req_short)" 2) (10 of the $LIMIT requests with $ENTRIES more entries each)"
fi
print_problems "service log" "$problems"
if [[ "${JFR:-0}" == 1 ]]; then
    jfr_summary api-agencies "$AG_FIRST"
    jfr_summary api-documents "$DOC_FIRST"
fi
