#!/usr/bin/env bash
# The daily dump (POST /api/v1/dumps) against pg_dump of the same tables (see bench/README.md).
#
#   service  POST /api/v1/dumps with the first admin's bearer token over ROWS generated public
#            documents (plus ROWS/10 the public may not see, as csv-export.sh generates them) in
#            the service's own embedded PostgreSQL: RUNS timed dumps (today's dump row deleted
#            between them), the JVM's RSS sampled every 200 ms, the JVM's and PostgreSQL's CPU
#   ceiling  pg_dump --data-only of the tables the dump reads (PublicTables.java, one -t each), from
#            the same server: plain to /dev/null, and custom format with gzip level 6 (ZIP's
#            deflate default), RUNS times each
#
# No target in the design: the summary gives the ratio service time / pg_dump time.
#
# pg_dump must be of the server's major version (17) or newer: an older one refuses the server.
# PG_DUMP names one; otherwise the script looks in PATH and /usr/lib/postgresql/*/bin. When there
# is none (Debian 12 serves only 15, zonky ships no pg_dump), it runs what pg_dump --data-only runs,
# through psql: one REPEATABLE READ, READ ONLY transaction, LOCK TABLE ... IN ACCESS SHARE MODE,
# then COPY <table> TO STDOUT per table; for the compressed variant the stream goes through
# gzip -6. The summary says which ceiling it measured.
#
# Everything runs on this machine and on 127.0.0.1 only. Environment: ROWS (500000; a multiple of
# 10), RUNS (3), JAVA, JAVA_OPTS (-Xmx256m -XX:+ExitOnOutOfMemoryError), PG_DUMP, DUMP_DEADLINE_S
# (900), JFR (1: one more dump, untimed, under Java Flight Recorder; 0: none), KEEP=1 keeps the temp dir (logs, data, the last dump's ZIP, the RSS samples).
set -euo pipefail

ROWS="${ROWS:-500000}"
RUNS="${RUNS:-3}"
export JAVA_OPTS="${JAVA_OPTS--Xmx256m -XX:+ExitOnOutOfMemoryError}"   # read by lib.sh; JAVA_OPTS= for none
DUMP_DEADLINE_S="${DUMP_DEADLINE_S:-900}"
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"        # settings, helpers, cd to the repository root
source "$(dirname "${BASH_SOURCE[0]}")/api.sh"        # the first admin and its token
source "$(dirname "${BASH_SOURCE[0]}")/documents.sh"  # generated documents

# The tables PublicTables.java reads (ALL and PAGES), FROM and JOIN alike: KEEP IN STEP with it.
# account is read for the requester's display name only; blob for the public file's size.
DUMP_TABLES=(state source records_law holiday_rule jurisdiction agency agency_county partnership_fact
    agency_link records_request account request_event request_tracking_number document blob
    agreement agreement_document agreement_date agreement_signatory agreement_clause document_page)

need_tools curl jq psql gzip
check_jar
LOAD_AT_START="$(load_avg)"   # other work on the machine skews every figure

WORK="$(mktemp -d "${TMPDIR:-/tmp}/ringwatch-dump.XXXXXX")"
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
# cpu_ticks PID...: user + system clock ticks of the processes so far (/proc/PID/stat fields 14, 15).
cpu_ticks() {
    local p t=0 f
    for p in "$@"; do
        f="$(sed -E 's/^.*\) //' "/proc/$p/stat" 2>/dev/null)" || continue
        t=$((t + $(awk '{print $12 + $13}' <<<"$f")))
    done
    echo "$t"
}
ticks_s() { awk -v t="$1" -v h="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", t / h }'; }
# pg_procs: the embedded postmaster and its children (backends, background workers); a backend
# that starts and ends within a measure is not counted.
pg_procs() { echo "$PG_PID"; pgrep -P "$PG_PID" || true; }
secs_since() { awk -v a="$1" -v b="$(date +%s%N)" 'BEGIN { printf "%.3f", (b - a) / 1e9 }'; }
median() { sort -g | awk '{v[NR] = $1} END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
mb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1048576 }'; }

# --- start the service, the admin's token, the documents ---------------------------------
PORT="$(free_port)"
log "== RingWatch dump benchmark, $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC'), JAVA_OPTS: ${JAVA_OPTS:-(none)}, load $LOAD_AT_START"
log "   starting $JAR on 127.0.0.1:$PORT, data in $DATA"
start_app service "$DATA" "$PORT"
wait_200 "$PORT"
PGPORT="$(embedded_pg_port)"
[[ -n "$PGPORT" ]] || { log "!! no 'jdbc:postgresql://localhost:PORT/postgres' line in the service log"; exit 1; }
PG_PID="$(postmaster_of "$DATA")" || { log "!! no embedded postmaster found for $DATA"; exit 1; }
log "   service up after ${APP_MS} ms; embedded PostgreSQL on localhost:$PGPORT (postmaster $PG_PID)"
api_setup   # TOKEN: the first admin's personal token (and one filed request, as upload.sh and search.sh have)

log "   generating $ROWS public documents (+$((ROWS / 10)) the public may not see)"
t0="$(now_ms)"
generate_documents "$ROWS" >&2
GEN_MS=$(($(now_ms) - t0))
SERVER_VERSION="$(bench_psql -A -t -c 'SHOW server_version')"
SERVER_MAJOR="${SERVER_VERSION%%.*}"
DB_MB="$(bench_psql -A -t -c "SELECT round(pg_database_size(current_database()) / 1048576.0)")"
log "   generated in $((GEN_MS / 1000)) s; database $DB_MB MB; PostgreSQL $SERVER_VERSION"

# --- the service's dump, RUNS times -------------------------------------------------------
TODAY="$(service_today)"   # the day the service's Today gives (America/New_York), the dump's made_on
URL="http://127.0.0.1:$PORT/api/v1/dumps"

# dump_once N: one POST, the JVM's RSS sampled every 200 ms into $WORK/dump-N.rss. Appends a line
# "n curl_s duration_ms size pages_size rss_before_kB rss_max_kB jvm_cpu_s pg_cpu_s rows" to
# $WORK/dumps.
dump_once() {
    local n="$1" result code secs rss0 rss1 rssmax jvm0 pg0 jvm1 pg1 pgp
    bench_psql -c "DELETE FROM dump WHERE made_on = DATE '$TODAY'" >/dev/null
    sleep 1
    rss0="$(rss_kb "$APP_PID")"
    mapfile -t pgp < <(pg_procs)
    jvm0="$(cpu_ticks "$APP_PID")"
    pg0="$(cpu_ticks "${pgp[@]}")"
    (
        t0="$(now_ms)"
        while :; do echo "$(($(now_ms) - t0)) $(rss_kb "$APP_PID")"; sleep 0.2; done
    ) >"$WORK/dump-$n.rss" &
    SAMPLER=$!
    log "   dump $n: POST $URL"
    result="$(run_child curl -s --max-time "$DUMP_DEADLINE_S" -X POST -H "Authorization: Bearer $TOKEN" \
        -H 'Accept: application/json' -o "$WORK/dump-$n.json" -w '%{http_code} %{time_total}' "$URL")" \
        || { log "!! the dump failed: $result"; exit 1; }
    stop_pid "$SAMPLER" TERM
    SAMPLER=""
    jvm1="$(cpu_ticks "$APP_PID")"
    mapfile -t pgp < <(pg_procs)
    pg1="$(cpu_ticks "${pgp[@]}")"
    rss1="$(rss_kb "$APP_PID")"
    read -r code secs <<<"$result"
    secs="$(awk -v s="$secs" 'BEGIN { printf "%.3f", s }')"
    [[ "$code" == 201 ]] || { log "!! the dump answered $code, expected 201:"; cat "$WORK/dump-$n.json" >&2; exit 1; }
    rssmax="$(awk -v m="$rss1" '$2 > m {m = $2} END {print m}' "$WORK/dump-$n.rss")"
    jq -r --arg n "$n" --arg s "$secs" --arg r0 "$rss0" --arg rm "$rssmax" \
        --arg jc "$(ticks_s $((jvm1 - jvm0)))" --arg pc "$(ticks_s $((pg1 - pg0)))" \
        '[$n, $s, .duration_ms, .size, .pages_size, $r0, $rm, $jc, $pc, ([.row_counts[]] | add)] | join(" ")' \
        "$WORK/dump-$n.json" >>"$WORK/dumps"
    log "   dump $n: $(tail -n 1 "$WORK/dumps" | awk '{printf "%ss (service %s ms), %d + %d bytes, RSS %.1f -> max %.1f MB, CPU JVM %ss PostgreSQL %ss, %d rows", $2, $3, $4, $5, $6 / 1024, $7 / 1024, $8, $9, $10}')"
}

sleep 2
: >"$WORK/dumps"
for ((i = 1; i <= RUNS; i++)); do dump_once "$i"; done

# Where the dump's time goes (JFR=1, the default): one more dump, not counted above, under Java
# Flight Recorder (profile settings: Java code sampled every 10 ms, threads in native code every
# 20 ms). The dump thread's samples (stacks through org.ringwatch.dump) are put in a bucket by
# their innermost frame that names one of the parts below.
JFR_REPORT=""
jfr_profile() {
    local n=$((RUNS + 1))
    mv "$WORK/dumps" "$WORK/dumps.timed"
    jcmd "$APP_PID" JFR.start name=dumpbench settings=profile filename="$WORK/dump.jfr" >&2
    dump_once "$n"
    jcmd "$APP_PID" JFR.stop name=dumpbench >&2
    JFR_REPORT="$(tail -n 1 "$WORK/dumps" | awk '{printf "profiled dump: %ss, JVM CPU %ss, PostgreSQL CPU %ss", $2, $8, $9}')"
    mv "$WORK/dumps.timed" "$WORK/dumps"
    jfr print --events jdk.ExecutionSample,jdk.NativeMethodSample --stack-depth 200 "$WORK/dump.jfr" \
        | awk '
            /^jdk\.(Execution|NativeMethod)Sample/ { kind = ($0 ~ /Native/ ? "native" : "java"); n = 0; next }
            /stackTrace = \[/ { inside = 1; next }
            inside && /^[[:space:]]*\]/ {
                inside = 0
                dump = 0; for (i = 1; i <= n; i++) if (f[i] ~ /^org\.ringwatch\.dump\./) dump = 1
                if (!dump) next
                part = "other"
                for (i = 1; i <= n; i++) {
                    g = f[i]
                    if (g ~ /^java\.util\.zip\./) { part = "deflate (java.util.zip, zlib)"; break }
                    if (g ~ /^(sun\.nio\.ch|java\.net|sun\.nio\.cs\.StreamDecoder)/ && kind == "native") { part = "socket read (waiting for PostgreSQL)"; break }
                    if (g ~ /^org\.postgresql\./) { part = "pgjdbc: reading and decoding rows"; break }
                    if (g ~ /^org\.ringwatch\.api\.CsvCells/) { part = "CsvCells.safe (spreadsheet-safe text)"; break }
                    if (g ~ /^(sun\.nio\.cs|java\.io\.OutputStreamWriter)/) { part = "UTF-8 encoding (OutputStreamWriter)"; break }
                    if (g ~ /^com\.fasterxml\.jackson/) { part = "Jackson CSV writer"; break }
                    if (g ~ /^java\.time\./) { part = "java.time formatting"; break }
                    if (g ~ /^org\.ringwatch\.dump\.TableWriter/) { part = "TableWriter (cells, loop)"; break }
                }
                c[kind " " part]++; t[kind]++
                next
            }
            inside { sub(/^[[:space:]]+/, ""); f[++n] = $0 }
            END {
                for (k in c) {
                    kind = substr(k, 1, index(k, " ") - 1)
                    printf "%s\t%d\t  %-6s %-42s %6d samples %5.1f%%\n", kind, c[k], kind, substr(k, index(k, " ") + 1), c[k], 100 * c[k] / t[kind]
                }
            }' | sort -t$'\t' -k1,1 -k2,2nr | cut -f 3 >"$WORK/jfr-parts"
    log "   JFR: $JFR_REPORT"
    cat "$WORK/jfr-parts" >&2
}
if [[ "${JFR:-1}" == 1 ]]; then
    jfr_profile || log "!! the JFR profile failed; the figures above stand"
fi
jq '.row_counts' "$WORK/dump-$RUNS.json" >"$WORK/row-counts.json"
if [[ "${KEEP:-0}" == 1 ]]; then
    run_child curl -s --max-time 120 -o "$WORK/dump.zip" "$URL/$TODAY"
fi
# A second call the same day returns today's dump (200), without making one.
code="$(curl -s -o /dev/null --max-time 60 -X POST -H "Authorization: Bearer $TOKEN" -w '%{http_code}' "$URL")"
SECOND_CALL="$code"

# --- the ceiling: pg_dump of the same tables ---------------------------------------------
# A pg_dump of the server's major version or newer, in PGD (empty: none); PG_DUMP_NOTE says which
# older ones were found.
PG_DUMP_NOTE=""
PGD=""
pick_pg_dump() {
    local c v
    for c in ${PG_DUMP:-} $(command -v pg_dump || true) /usr/lib/postgresql/*/bin/pg_dump; do
        [[ -x "$c" ]] || continue
        v="$("$c" --version | grep -oE '[0-9]+(\.[0-9]+)+' | head -n 1)"
        if ((${v%%.*} >= SERVER_MAJOR)); then PGD="$c"; return 0; fi
        [[ "$PG_DUMP_NOTE" == *"$v"* ]] || PG_DUMP_NOTE="${PG_DUMP_NOTE:+$PG_DUMP_NOTE; }$c is $v"
    done
    return 1
}
TABLE_ARGS=()
for t in "${DUMP_TABLES[@]}"; do TABLE_ARGS+=(-t "public.$t"); done
PGD_CONN=(-h localhost -p "$PGPORT" -U postgres -d postgres)

if pick_pg_dump; then
    CEILING="pg_dump $("$PGD" --version | grep -oE '[0-9]+(\.[0-9]+)+' | head -n 1), --data-only, plain to /dev/null; -Fc -Z 6"
    plain_dump() { "$PGD" "${PGD_CONN[@]}" --data-only "${TABLE_ARGS[@]}" -f /dev/null; }
    # Custom format: one file, each table's data compressed with zlib at level 6, in one process,
    # as the service writes one ZIP with deflate at its default level (6).
    packed_dump() { "$PGD" "${PGD_CONN[@]}" --data-only "${TABLE_ARGS[@]}" -Fc -Z 6 -f "$WORK/pg.dump"; }
    packed_file="$WORK/pg.dump"
else
    # No pg_dump >= the server's major: record the refusal of the old one, then run what pg_dump
    # --data-only does (its snapshot, locks and one COPY per table) through psql.
    old="$(command -v pg_dump || true)"
    if [[ -n "$old" ]]; then
        PG_DUMP_NOTE="$PG_DUMP_NOTE: $("$old" "${PGD_CONN[@]}" --data-only -t public.state -f /dev/null 2>&1 | head -n 2 | tr '\n' ' ' || true)"
    fi
    log "   no pg_dump >= $SERVER_MAJOR ($PG_DUMP_NOTE); running pg_dump's statements through psql instead"
    CEILING="psql: pg_dump --data-only's statements (no pg_dump $SERVER_MAJOR here)"
    {
        echo "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY;"
        for t in "${DUMP_TABLES[@]}"; do echo "LOCK TABLE public.$t IN ACCESS SHARE MODE;"; done
        for t in "${DUMP_TABLES[@]}"; do echo "COPY public.$t TO STDOUT;"; done
        echo "COMMIT;"
    } >"$WORK/pg-dump-like.sql"
    plain_dump() { bench_psql -f "$WORK/pg-dump-like.sql" >/dev/null; }
    packed_dump() { bench_psql -f "$WORK/pg-dump-like.sql" | gzip -6 >"$WORK/pg.gz"; }
    packed_file="$WORK/pg.gz"
fi
log "   ceiling: $CEILING, ${#DUMP_TABLES[@]} tables, plain and compressed, $RUNS times each"
# The plain output's size and rows (pg_dump's COPY lines), once, outside the timed runs.
PLAIN_BYTES="$(if [[ -n "$PGD" ]]; then "$PGD" "${PGD_CONN[@]}" --data-only "${TABLE_ARGS[@]}"; else bench_psql -f "$WORK/pg-dump-like.sql"; fi | wc -c)"
: >"$WORK/ceiling"
for ((i = 1; i <= RUNS; i++)); do
    t0="$(date +%s%N)"; run_child plain_dump; p="$(secs_since "$t0")"
    t0="$(date +%s%N)"; run_child packed_dump; c="$(secs_since "$t0")"
    echo "$i $p $c $(stat -c %s "$packed_file")" >>"$WORK/ceiling"
    log "   ceiling $i: plain ${p}s, compressed ${c}s ($(stat -c %s "$packed_file") bytes)"
done
rm -f "$packed_file"
# Rows: what the dump wrote (public rows only) and what the tables hold (pg_dump writes every row).
TABLE_ROWS=0
for t in "${DUMP_TABLES[@]}"; do
    n="$(bench_psql -A -t -c "SELECT count(*) FROM public.$t")"
    TABLE_ROWS=$((TABLE_ROWS + n))
    echo "$t $n"
done >"$WORK/table-rows"
TABLE_ROWS="$(awk '{s += $2} END {print s}' "$WORK/table-rows")"

# --- summary -----------------------------------------------------------------------------
col() { awk -v c="$1" '{print $c}' "$2"; }
SVC_MED="$(col 2 "$WORK/dumps" | median)"
SVC_INNER_MED="$(col 3 "$WORK/dumps" | median)"
PLAIN_MED="$(col 2 "$WORK/ceiling" | median)"
PACKED_MED="$(col 3 "$WORK/ceiling" | median)"
DUMP_ROWS="$(col 10 "$WORK/dumps" | tail -n 1)"
DUMP_SIZE="$(col 4 "$WORK/dumps" | tail -n 1)"
PAGES_SIZE="$(col 5 "$WORK/dumps" | tail -n 1)"
PACKED_SIZE="$(col 4 "$WORK/ceiling" | tail -n 1)"
problems="$(service_problems "$APP_LOG")"

summary_header "RingWatch dump, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, JAVA_OPTS: ${JAVA_OPTS:-(none)}, PostgreSQL $SERVER_VERSION"
echo "data: $ROWS public documents of $((ROWS + ROWS / 10)) (generated in $((GEN_MS / 1000)) s), database $DB_MB MB; dump day $TODAY; second POST the same day: $SECOND_CALL"
echo "ceiling: $CEILING${PG_DUMP_NOTE:+ [$PG_DUMP_NOTE]}"
printf '%-34s %9s %9s %11s %10s %10s %9s %9s\n' "run" "time s" "svc ms" "size MB" "RSS before" "RSS max" "JVM CPU" "PG CPU"
while read -r n s d sz psz r0 rm jc pc rows; do
    printf '%-34s %9s %9s %11s %10s %10s %9s %9s\n' "service POST /api/v1/dumps #$n" "$s" "$d" \
        "$(mb "$sz")+$(mb "$psz")" "$(kb_mb "$r0") MB" "$(kb_mb "$rm") MB" "${jc}s" "${pc}s"
done <"$WORK/dumps"
while read -r n p c sz; do
    printf '%-34s %9s %9s %11s\n' "ceiling plain #$n" "$p" "" "$(mb "$PLAIN_BYTES")"
    printf '%-34s %9s %9s %11s\n' "ceiling compressed (gzip 6) #$n" "$c" "" "$(mb "$sz")"
done <"$WORK/ceiling"
echo "median: service $SVC_MED s (its own duration_ms $SVC_INNER_MED), ceiling plain $PLAIN_MED s, compressed $PACKED_MED s"
echo "service / ceiling plain = $(ratio "$SVC_MED" "$PLAIN_MED")x; service / ceiling compressed = $(ratio "$SVC_MED" "$PACKED_MED")x"
echo "rows: the dump wrote $DUMP_ROWS (the public ones, in $(jq length "$WORK/row-counts.json") CSVs); the ${#DUMP_TABLES[@]} tables it reads hold $TABLE_ROWS, all of which the ceiling writes"
echo "sizes: dump ZIP $(mb "$DUMP_SIZE") MB + page texts $(mb "$PAGES_SIZE") MB; ceiling plain $(mb "$PLAIN_BYTES") MB, compressed $(mb "$PACKED_SIZE") MB"
echo "rows per table in the dump: $(jq -r 'to_entries | map("\(.key) \(.value)") | join(", ")' "$WORK/row-counts.json")"
if [[ -s "$WORK/jfr-parts" ]]; then
    echo "where the dump thread's time goes ($JFR_REPORT; JFR samples of the dump thread, java = running Java code every 10 ms, native = in native code every 20 ms):"
    cat "$WORK/jfr-parts"
fi
print_problems "service log" "$problems"
