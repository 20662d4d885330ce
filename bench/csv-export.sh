#!/usr/bin/env bash
# The CSV export of the whole document list against COPY of the same query (see bench/README.md).
#
#   export   curl 'GET /api/v1/documents?all=true&format=csv' over ROWS generated public
#            documents (plus ROWS/10 the public may not see) in the service's own embedded
#            PostgreSQL: rows/s, and the JVM's RSS sampled every 200 ms
#   ceiling  psql -c "COPY (<the list's SQL without LIMIT>) TO STDOUT WITH CSV HEADER" against the
#            same server: the database's rows/s for the same rows
#
# Targets (issue 10): the export at >= 0.5 x COPY's rows/s, and the service's RSS growing by
# < 32 MB during the export. The service runs with JAVA_OPTS (default -Xmx256m
# -XX:+ExitOnOutOfMemoryError, see the README for why), the read rate limit off.
#
# Two exports: the first right after the data is generated (cold: its rows are counted and it
# warms the JIT), the second timed for the rows/s. RSS is reported for both. COPY also runs twice
# (the first, to a file, counts its rows); the second is the ceiling.
#
# Everything runs on this machine and on 127.0.0.1 only. Environment: ROWS (500000; a multiple of
# 10), JAVA, JAVA_OPTS, KEEP=1 keeps the temp dir (logs, data, the first export's file).
set -euo pipefail

ROWS="${ROWS:-500000}"
export JAVA_OPTS="${JAVA_OPTS--Xmx256m -XX:+ExitOnOutOfMemoryError}"   # read by lib.sh; JAVA_OPTS= for none
EXPORT_DEADLINE_S="${EXPORT_DEADLINE_S:-600}"
RATE_TARGET=0.5
GROWTH_TARGET_MB=32
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"        # settings, helpers, cd to the repository root
source "$(dirname "${BASH_SOURCE[0]}")/api.sh"        # the first admin (documents need an uploader)
source "$(dirname "${BASH_SOURCE[0]}")/documents.sh"  # generated documents, the document list's SQL

need_tools curl jq psql
check_jar
LOAD_AT_START="$(load_avg)"   # other work on the machine skews every figure

WORK="$(mktemp -d "${TMPDIR:-/tmp}/ringwatch-csv.XXXXXX")"
DATA="$WORK/data"
SAMPLER=""      # the RSS sampler

# Called by cleanup (lib.sh) on exit.
stop_processes() {
    [[ -n "$SAMPLER" ]] && stop_pid "$SAMPLER" TERM
    [[ -n "$CHILD" ]] && stop_pid "$CHILD" TERM
    stop_service "$DATA"
}
arm_cleanup

rss_kb() { awk '$1 == "VmRSS:" {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
kb_mb() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
# cpu_s PID: user + system CPU seconds of the process so far (/proc/PID/stat fields 14 and 15).
cpu_s() { sed -E 's/^.*\) //' "/proc/$1/stat" | awk -v t="$(getconf CLK_TCK)" '{printf "%.2f", ($12 + $13) / t}'; }

# --- start the service and generate the documents ----------------------------------------
PORT="$(free_port)"
log "== RingWatch CSV export benchmark, $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC'), JAVA_OPTS: ${JAVA_OPTS:-(none)}"
log "   starting $JAR on 127.0.0.1:$PORT, data in $DATA, read rate limit off"
start_app service "$DATA" "$PORT" -Dringwatch.rate-limit.enabled=false
wait_200 "$PORT"
PGPORT="$(embedded_pg_port)"
[[ -n "$PGPORT" ]] || { log "!! no 'jdbc:postgresql://localhost:PORT/postgres' line in the service log"; exit 1; }
log "   service up after ${APP_MS} ms; embedded PostgreSQL on localhost:$PGPORT"

log "   generating $ROWS public documents (+$((ROWS / 10)) the public may not see)"
t0="$(now_ms)"
generate_documents "$ROWS" >&2
GEN_MS=$(($(now_ms) - t0))
TODAY="$(service_today)"
document_list_sql "$TODAY" "" "" >"$WORK/list.sql"
PUBLIC_DOCS="$(bench_psql -A -t -c "SELECT count(*) FROM ($(cat "$WORK/list.sql")) l")"
ALL_DOCS="$(bench_psql -A -t -c "SELECT count(*) FROM document")"
TABLE_MB="$(bench_psql -A -t -c "SELECT round(pg_total_relation_size('document') / 1048576.0)")"
log "   $PUBLIC_DOCS public documents of $ALL_DOCS (document table $TABLE_MB MB with indexes), in $((GEN_MS / 1000)) s"

URL="http://127.0.0.1:$PORT/api/v1/documents?all=true&format=csv"

# export NAME OUT: one export to OUT, the JVM's RSS sampled every 200 ms into $WORK/NAME.rss
# ("ms rss_kB"). Sets EXPORT_S (curl's time_total), EXPORT_CODE, RSS_BEFORE, RSS_MAX, RSS_AFTER
# (kB), CPU_S (the JVM's CPU seconds during the export).
export_once() {
    local name="$1" out="$2" cpu0 result
    RSS_BEFORE="$(rss_kb "$APP_PID")"
    cpu0="$(cpu_s "$APP_PID")"
    (
        t0="$(now_ms)"
        while :; do echo "$(($(now_ms) - t0)) $(rss_kb "$APP_PID")"; sleep 0.2; done
    ) >"$WORK/$name.rss" &
    SAMPLER=$!
    log "   export ($name): GET $URL > $out"
    result="$(run_child curl -s --max-time "$EXPORT_DEADLINE_S" -o "$out" -w '%{http_code} %{time_total}' "$URL")" \
        || { log "!! the export failed: $result"; exit 1; }
    stop_pid "$SAMPLER" TERM
    SAMPLER=""
    RSS_AFTER="$(rss_kb "$APP_PID")"
    CPU_S="$(awk -v a="$cpu0" -v b="$(cpu_s "$APP_PID")" 'BEGIN { printf "%.2f", b - a }')"
    read -r EXPORT_CODE EXPORT_S <<<"$result"
    RSS_MAX="$(awk -v m="$RSS_AFTER" '$2 > m {m = $2} END {print m}' "$WORK/$name.rss")"
    [[ "$EXPORT_CODE" == 200 ]] || { log "!! the export answered $EXPORT_CODE"; exit 1; }
    log "   $name: ${EXPORT_S}s, RSS $(kb_mb "$RSS_BEFORE") -> max $(kb_mb "$RSS_MAX") MB ($(wc -l <"$WORK/$name.rss") samples), JVM CPU ${CPU_S}s"
}

# --- the exports -------------------------------------------------------------------------
sleep 2   # let the JVM settle after the generation's burst of nothing (it was idle; PostgreSQL was busy)
export_once cold "$WORK/export.csv"
COLD=("$EXPORT_S" "$RSS_BEFORE" "$RSS_MAX" "$RSS_AFTER" "$CPU_S")
EXPORT_LINES="$(wc -l <"$WORK/export.csv")"
EXPORT_BYTES="$(stat -c %s "$WORK/export.csv")"
EXPORT_HEADER="$(head -n 1 "$WORK/export.csv")"
log "   the export holds $EXPORT_LINES lines ($EXPORT_BYTES bytes); header: $EXPORT_HEADER"
[[ "${KEEP:-0}" == 1 ]] || rm -f "$WORK/export.csv"
export_once warm /dev/null
WARM=("$EXPORT_S" "$RSS_BEFORE" "$RSS_MAX" "$RSS_AFTER" "$CPU_S")

# --- the ceiling: COPY of the same query -------------------------------------------------
# The list's SQL without LIMIT (DocumentList.page with its parameters as literals, in
# documents.sh: KEEP IT IN STEP with the Java), so COPY reads exactly the rows the export reads,
# in the same order, in one statement instead of chunks of 1,000.
copy_sql="COPY ($(cat "$WORK/list.sql")) TO STDOUT WITH CSV HEADER"
log "   COPY (the list's SQL) TO STDOUT WITH CSV HEADER, twice"
run_child bench_psql -c "$copy_sql" >"$WORK/copy.csv"
COPY_LINES="$(wc -l <"$WORK/copy.csv")"
COPY_BYTES="$(stat -c %s "$WORK/copy.csv")"
rm -f "$WORK/copy.csv"
t0="$(date +%s%N)"
run_child bench_psql -c "$copy_sql" >/dev/null
COPY_S="$(awk -v a="$t0" -v b="$(date +%s%N)" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')"
log "   COPY: ${COPY_S}s, $COPY_LINES lines ($COPY_BYTES bytes)"

# --- for the diagnosis: the export's own chunks through psql ---------------------------------
# The export does not run one statement: ListResponses reads the list in keyset chunks of
# ringwatch.list-chunk rows (CHUNK here: keep them equal), each a fresh query
# "... AND d.id > <last id> ORDER BY d.id LIMIT <chunk>". The same
# chunks, one after another in one psql session, each as a COPY so that the server formats the
# CSV as above: what the chunking alone costs the database, without the JVM.
CHUNK="${CHUNK:-10000}"
bench_psql -A -t -c "SELECT id FROM ($(cat "$WORK/list.sql")) l" | awk -v c="$CHUNK" 'NR % c == 0' >"$WORK/chunk-ends"
{
    echo "COPY ($(document_list_sql "$TODAY" "" "$CHUNK")) TO STDOUT WITH CSV;"
    while read -r id; do echo "COPY ($(document_list_sql "$TODAY" "$id" "$CHUNK")) TO STDOUT WITH CSV;"; done <"$WORK/chunk-ends"
} >"$WORK/chunks.sql"
CHUNKS="$(grep -c '^COPY' "$WORK/chunks.sql")"
log "   the export's $CHUNKS chunks as COPY statements in one psql session"
t0="$(date +%s%N)"
run_child bench_psql -f "$WORK/chunks.sql" >"$WORK/chunks.csv"
CHUNKS_S="$(awk -v a="$t0" -v b="$(date +%s%N)" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')"
CHUNKS_ROWS="$(wc -l <"$WORK/chunks.csv")"
rm -f "$WORK/chunks.csv"
log "   chunks: ${CHUNKS_S}s, $CHUNKS_ROWS rows"

# --- summary -----------------------------------------------------------------------------
rows_per_s() { awk -v r="$1" -v s="$2" 'BEGIN { printf "%.0f", r / s }'; }
EXPORT_ROWS=$((EXPORT_LINES - 1))
COPY_ROWS=$((COPY_LINES - 1))
SVC_RATE="$(rows_per_s "$EXPORT_ROWS" "${WARM[0]}")"
COLD_RATE="$(rows_per_s "$EXPORT_ROWS" "${COLD[0]}")"
COPY_RATE="$(rows_per_s "$COPY_ROWS" "$COPY_S")"
RATE_RATIO="$(ratio "$SVC_RATE" "$COPY_RATE" 3)"
rate_verdict="$(awk -v r="$RATE_RATIO" -v t="$RATE_TARGET" 'BEGIN { print (r >= t ? "PASS" : "MISS") }')"
growth() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", (b - a) / 1024 }'; }
COLD_GROWTH="$(growth "${COLD[1]}" "${COLD[2]}")"
WARM_GROWTH="$(growth "${WARM[1]}" "${WARM[2]}")"
WORST="$(awk -v a="$COLD_GROWTH" -v b="$WARM_GROWTH" 'BEGIN { print (a > b ? a : b) }')"
rss_verdict="$(awk -v g="$WORST" -v t="$GROWTH_TARGET_MB" 'BEGIN { print (g < t ? "PASS" : "MISS") }')"
rows_ok="$([[ "$EXPORT_ROWS" == "$PUBLIC_DOCS" && "$COPY_ROWS" == "$PUBLIC_DOCS" ]] && echo "yes" || echo "NO")"

problems="$(service_problems "$APP_LOG")"
row() { printf '%-44s %9s %10s %9s %11s %11s\n' "$@"; }
summary_header "RingWatch CSV export, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, JAVA_OPTS: ${JAVA_OPTS:-(none)}, read rate limit off"
echo "data: $PUBLIC_DOCS public documents of $ALL_DOCS (generated in $((GEN_MS / 1000)) s; document table $TABLE_MB MB with indexes)"
echo "rows: export $EXPORT_ROWS, COPY $COPY_ROWS, public documents $PUBLIC_DOCS: equal $rows_ok; export $((EXPORT_BYTES / 1048576)) MB, COPY $((COPY_BYTES / 1048576)) MB"
row "measure" "time s" "rows/s" "JVM CPU s" "RSS before" "RSS max"
row "export 1 (cold, first since start)" "${COLD[0]}" "$COLD_RATE" "${COLD[4]}" "$(kb_mb "${COLD[1]}") MB" "$(kb_mb "${COLD[2]}") MB"
row "export 2 (warm, timed)" "${WARM[0]}" "$SVC_RATE" "${WARM[4]}" "$(kb_mb "${WARM[1]}") MB" "$(kb_mb "${WARM[2]}") MB"
row "ceiling: COPY (same SQL) TO STDOUT CSV" "$COPY_S" "$COPY_RATE" "" "" ""
row "diagnosis: the $CHUNKS chunks, COPY each" "$CHUNKS_S" "$(rows_per_s "$CHUNKS_ROWS" "$CHUNKS_S")" "" "" ""
echo "export / COPY rows/s = $RATE_RATIO   target >= $RATE_TARGET: $rate_verdict"
echo "export / chunked COPYs = $(ratio "$SVC_RATE" "$(rows_per_s "$CHUNKS_ROWS" "$CHUNKS_S")" 3); chunked / one COPY = $(ratio "$(rows_per_s "$CHUNKS_ROWS" "$CHUNKS_S")" "$COPY_RATE" 3)   (where the gap is: the chunking in the database, or the JVM)"
echo "RSS growth during the export: cold +$COLD_GROWTH MB, warm +$WARM_GROWTH MB (max sampled every 200 ms minus before)   target < $GROWTH_TARGET_MB MB: $rss_verdict"
print_problems "service log" "$problems"
