#!/usr/bin/env bash
# Full-text search benchmark over a generated corpus of a million pages (see bench/README.md).
#
#   corpus      one request, one uploaded text file and PAGES page rows over DOCS published
#               documents, generated in SQL in the embedded PostgreSQL: ~150 words a page drawn
#               from a 5,000-word vocabulary with a Zipf skew (P(rank r) ~ 1/r), search_vector =
#               to_tsvector('english', text_content), GIN index document_page_search rebuilt after
#               the load, ANALYZE
#   service     GET /api/v1/search?q=...&limit=20, sequentially, per query class: WARMUP requests,
#               then REQUESTS measured ones (curl time_total), p50/p95/max; target p95 <= 50 ms
#   ceiling     the same SQL as Search.find, parameters filled in as literals, through pgbench -n -c1
#               for PGBENCH_SECONDS per class: the database's own latency for it
#
# Everything runs on this machine and on 127.0.0.1 only. Environment: PAGES (1000000), DOCS (400),
# WARMUP (5 requests, at most 10 s), REQUESTS (50, at most CLASS_SECONDS=15 s of measuring per class),
# PGBENCH_SECONDS (10), JAVA (java), JAVA_OPTS (none), PGBENCH (/usr/bin/pgbench), KEEP=1 keeps the
# temp dir (logs, data).
set -euo pipefail
shopt -u patsub_replacement 2>/dev/null || true   # '&' in ${var/pattern/replacement} is literal

PAGES="${PAGES:-1000000}"
DOCS="${DOCS:-400}"
WARMUP="${WARMUP:-5}"
WARMUP_SECONDS=10
REQUESTS="${REQUESTS:-50}"
CLASS_SECONDS="${CLASS_SECONDS:-15}"
PGBENCH_SECONDS="${PGBENCH_SECONDS:-10}"
PGBENCH="${PGBENCH:-/usr/bin/pgbench}"
TARGET_MS=50
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"   # settings, helpers, cd to the repository root
source "$(dirname "${BASH_SOURCE[0]}")/api.sh"   # first admin, token, a filed request

# The query classes: "name|what is typed in the search box". The words sit at fixed ranks of the
# vocabulary (see RANKED_WORDS) so that their frequencies are known; "no match" is a word the
# corpus lacks: the service's fixed cost per search (HTTP, transaction, JDBC, the SQL finding nothing).
CLASSES=(
    "no match|xylograph"
    "1 term, rare|subpoena"
    "1 term, medium|footage"
    "1 term, common|police"
    "2 terms|ring agreement"
    "3 terms|police video request"
    "phrase|\"law enforcement\""
    "prefix|neighbor*"
)
# word rank: real words placed in the Zipf ranking (rank 1 is the most frequent of 5,000).
RANKED_WORDS="('police', 10), ('law', 12), ('enforcement', 13), ('request', 25), ('ring', 40), ('video', 60),
    ('neighbors', 80), ('agreement', 150), ('footage', 400), ('neighborhood', 900), ('subpoena', 4900)"

need_tools curl jq psql
[[ -x "$PGBENCH" ]] || { log "pgbench not found at $PGBENCH (package postgresql-contrib or postgresql-client)"; exit 1; }
((PAGES % DOCS == 0)) || { log "PAGES ($PAGES) must be a multiple of DOCS ($DOCS)"; exit 1; }
PAGES_PER_DOC=$((PAGES / DOCS))
check_jar
LOAD_AT_START="$(load_avg)"   # other work on the machine skews every figure

WORK="$(mktemp -d "${TMPDIR:-/tmp}/ringwatch-search.XXXXXX")"
DATA="$WORK/data"
CHILDREN=()     # psql, curl or pgbench running in the background, if any

# Called by cleanup (lib.sh) on exit. Stopping the JVM stops its PostgreSQL (fast shutdown),
# which also ends any load still running in it.
stop_processes() {
    local pid
    for pid in "${CHILDREN[@]}"; do stop_pid "$pid" TERM; done
    stop_service "$DATA"
}
arm_cleanup

# Runs commands in the background and waits for all of them, so that a signal to this script
# is handled at once (bash defers traps until a foreground child ends). Each argument is one
# command line for bash -c.
run_children() {
    local rc=0 pid cmd
    CHILDREN=()
    for cmd in "$@"; do
        bash -c "$cmd" &
        CHILDREN+=("$!")
    done
    for pid in "${CHILDREN[@]}"; do wait "$pid" || rc=$?; done
    CHILDREN=()
    return "$rc"
}
run_child() { run_children "$(printf '%q ' "$@")"; }

secs_since() { awk -v ms=$(($(now_ms) - $1)) 'BEGIN { printf "%.1f", ms / 1000 }'; }

# --- start the service, one published document through the API ---------------------------
PORT="$(free_port)"
log "== RingWatch search benchmark, $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC'): $PAGES pages over $DOCS documents"
log "   starting $JAR on 127.0.0.1:$PORT, data in $DATA"
# The read limit (account/ReadLimits: 120 a minute per address) would answer 429 after the second
# class; the benchmark measures search, not the limit.
start_app service "$DATA" "$PORT" -Dringwatch.rate-limit.enabled=false   # its output in $WORK/service.log
wait_200 "$PORT"
api_setup
printf 'Ring police agreement: a small text file uploaded by bench/search.sh.\n' >"$WORK/seed.txt"
code="$(curl -s -o "$WORK/upload.json" -w '%{http_code}' --max-time 60 -H "Authorization: Bearer $TOKEN" \
    -F "file=@$WORK/seed.txt;type=text/plain" \
    "http://127.0.0.1:$PORT/api/v1/requests/$REQUEST_ID/events/$EVENT_ID/documents")" || true
[[ "$code" == 201 ]] || { log "!! the upload answered $code:"; cat "$WORK/upload.json" >&2; exit 1; }
DOC="$(jq -r '.[0].id' "$WORK/upload.json")"
t0="$(now_ms)"
while st="$(api 200 GET "/api/v1/documents/$DOC" | jq -r .status)" && [[ "$st" == processing ]]; do
    (($(now_ms) - t0 < 60000)) || { log "!! document $DOC still processing after 60 s"; exit 1; }
    sleep 0.5
done
[[ "$st" == ready ]] || { log "!! document $DOC is $st, not ready"; exit 1; }

PGPORT="$(embedded_pg_port)"
[[ -n "$PGPORT" ]] || { log "!! no 'jdbc:postgresql://localhost:PORT/postgres' line in the service log"; exit 1; }
export PGPASSWORD=postgres
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h localhost -p "$PGPORT" -U postgres -d postgres)
sql() { "${PSQL[@]}" -A -t "$@"; }
log "   request $REQUEST_ID, document $DOC ready; embedded PostgreSQL on localhost:$PGPORT"

# --- the corpus ---------------------------------------------------------------------------
# Step 1 (one session): publish the document and add DOCS copies of its row (same blob, request,
# uploader; status ready, published); the vocabulary; 20,000 "chunks" of 15 Zipf-drawn words with
# their to_tsvector. document_page loses its GIN index for the load and becomes UNLOGGED (no WAL
# for ~3 GB; reads are unaffected). Words are made of syllables and kept only when they give one
# lexeme of their own (no stop words, no two words with one stem), so every word is one position.
cat >"$WORK/corpus-1.sql" <<SQL
SELECT setseed(0.42);
UPDATE document SET visibility = 'published', published_at = now(), published_by = uploaded_by WHERE id = $DOC;
INSERT INTO document (request_id, agency_id, event_id, blob_sha256, original_name, uploaded_by, status, visibility,
                      file_type, page_count, published_at, published_by, processed_at)
SELECT request_id, agency_id, event_id, blob_sha256, format('bench-%s.txt', g), uploaded_by, 'ready', 'published',
       file_type, $PAGES_PER_DOC, now(), uploaded_by, now()
  FROM document, generate_series(1, $DOCS) g WHERE id = $DOC;
DROP INDEX document_page_search;
-- A logged table may not reference an unlogged one: the one table referencing document_page goes first.
ALTER TABLE personal_data_clearance SET UNLOGGED;
ALTER TABLE document_page SET UNLOGGED;

CREATE UNLOGGED TABLE bench_real_word (w text PRIMARY KEY, rank int UNIQUE);
INSERT INTO bench_real_word VALUES $RANKED_WORDS;
CREATE UNLOGGED TABLE bench_vocab AS
WITH syl(s) AS (SELECT unnest(string_to_array('ba be bi bo bu ca ce co cu da de di do du fa fe fi fo ga ge go gu ha he hi ho ja jo ka ke ki ko la le li lo lu ma me mi mo mu na ne ni no nu pa pe pi po pu ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo wa we wi ya yo za ze zo bra cle dro fli gra pla pre sta stre tri', ' '))),
     coda(c) AS (SELECT unnest(string_to_array(',n,r,s,t,l,nd,st,rt,ck,m,sh,th,nt,ll', ','))),
     cand AS (SELECT a.s || b.s || c.c AS w FROM syl a, syl b, coda c ORDER BY random() LIMIT 20000),
     stemmed AS (SELECT w, strip(to_tsvector('english', w))::text AS stem FROM cand),
     synth AS (SELECT w, row_number() OVER (ORDER BY random()) AS n
                 FROM (SELECT DISTINCT ON (stem) w, stem FROM stemmed
                        WHERE stem <> '' AND stem NOT LIKE '% %'
                          AND stem NOT IN (SELECT strip(to_tsvector('english', w))::text FROM bench_real_word)
                        ORDER BY stem, w) s)
SELECT rank, w FROM bench_real_word
UNION ALL
SELECT r.rank, s.w
  FROM (SELECT rank, row_number() OVER (ORDER BY rank) AS n FROM generate_series(1, 5000) rank
         WHERE rank NOT IN (SELECT rank FROM bench_real_word)) r
  JOIN synth s USING (n);
ALTER TABLE bench_vocab ADD PRIMARY KEY (rank);
-- Zipf (s = 1) by inversion: rank = floor((V+1)^u), so P(rank r) = ln((r+1)/r) / ln(V+1).
CREATE UNLOGGED TABLE bench_chunk AS
SELECT c AS id, string_agg(v.w, ' ' ORDER BY i) AS t
  FROM (SELECT c, i, least(5000, floor(exp(random() * ln(5001)))::int) AS rank
          FROM generate_series(1, 20000) c, generate_series(1, 15) i) r
  JOIN bench_vocab v USING (rank)
 GROUP BY c;
ALTER TABLE bench_chunk ADD PRIMARY KEY (id), ADD COLUMN v tsvector;
UPDATE bench_chunk SET v = to_tsvector('english', t);
VACUUM ANALYZE bench_chunk;
SQL
# Step 2 (two sessions, half of the documents each): every page is 10 random chunks, ~150 words.
# Its vector is the chunks' vectors concatenated with ||, which shifts positions exactly as
# to_tsvector over the joined text would (every word is one position): the same value, checked
# below on a sample, for far less CPU than parsing 150 M words again. FK triggers are off for the
# load (session_replication_role = replica); every document_id exists by construction.
for part in 0 1; do
    cat >"$WORK/corpus-2-$part.sql" <<SQL
SELECT setseed(0.$((part + 1)));
CREATE AGGREGATE pg_temp.tsv_agg(tsvector) (sfunc = pg_catalog.tsvector_concat, stype = tsvector, initcond = '');
SET session_replication_role = replica;
INSERT INTO document_page (document_id, page_number, text_content, text_source, search_vector)
SELECT d.id, p, x.t, 'parser', x.v
  FROM (SELECT id FROM document WHERE original_name LIKE 'bench-%' AND id % 2 = $part ORDER BY id) d,
       generate_series(1, $PAGES_PER_DOC) p,
       LATERAL (SELECT string_agg(c.t, ' ' ORDER BY r.k) AS t, pg_temp.tsv_agg(c.v ORDER BY r.k) AS v
                  FROM (SELECT k, 1 + floor(random() * 20000)::int AS cid
                          FROM generate_series(1, 10) k WHERE p > 0) r
                  JOIN bench_chunk c ON c.id = r.cid) x;
SQL
done
# Step 3: the GIN index again (as V16__search_speed.sql defines it), VACUUM ANALYZE, the helpers dropped.
cat >"$WORK/corpus-3.sql" <<SQL
SET maintenance_work_mem = '1GB';
CREATE INDEX document_page_search ON document_page USING gin (search_lexemes);
SQL
cat >"$WORK/corpus-4.sql" <<SQL
VACUUM ANALYZE document_page;
ANALYZE document;
DROP TABLE bench_chunk, bench_vocab, bench_real_word;
SQL

CORPUS_T0="$(now_ms)"
t="$(now_ms)"
run_child "${PSQL[@]}" -o "$WORK/corpus-1.out" -f "$WORK/corpus-1.sql"
T_VOCAB="$(secs_since "$t")"
log "   corpus: documents, vocabulary and chunks in ${T_VOCAB}s; loading $PAGES pages in 2 sessions"
t="$(now_ms)"
run_children "$(printf '%q ' "${PSQL[@]}" -o "$WORK/corpus-2-0.out" -f "$WORK/corpus-2-0.sql")" \
    "$(printf '%q ' "${PSQL[@]}" -o "$WORK/corpus-2-1.out" -f "$WORK/corpus-2-1.sql")"
T_LOAD="$(secs_since "$t")"
log "   corpus: pages loaded in ${T_LOAD}s; building the GIN index"
t="$(now_ms)"
run_child "${PSQL[@]}" -f "$WORK/corpus-3.sql"
T_INDEX="$(secs_since "$t")"
t="$(now_ms)"
run_child "${PSQL[@]}" -f "$WORK/corpus-4.sql"
T_VACUUM="$(secs_since "$t")"
T_CORPUS="$(secs_since "$CORPUS_T0")"
log "   corpus: GIN index in ${T_INDEX}s, VACUUM ANALYZE in ${T_VACUUM}s; ${T_CORPUS}s in all"

# The corpus as it stands, and the check that the stored vectors are what to_tsvector gives.
read -r ROWS PAGE_DOCS < <(sql -F ' ' -c "SELECT count(*), count(DISTINCT document_id) FROM document_page")
SIZES="$(sql -F ' ' -c "SELECT round(pg_table_size('document_page') / 1048576.0), round(pg_relation_size('document_page') / 1048576.0),
        round((pg_table_size('document_page') - pg_relation_size('document_page')) / 1048576.0),
        round(pg_relation_size('document_page_search') / 1048576.0), round(pg_indexes_size('document_page') / 1048576.0),
        round(pg_total_relation_size('document_page') / 1048576.0)")"
read -r S_TABLE S_HEAP S_TOAST S_GIN S_INDEXES S_TOTAL <<<"$SIZES"
WORDS_PER_PAGE="$(sql -c "SELECT round(avg(array_length(regexp_split_to_array(text_content, ' '), 1)))
        FROM document_page WHERE document_id = (SELECT max(id) FROM document)")"
read -r SAMPLED MISMATCHED < <(sql -F ' ' -c "SELECT count(*), count(*) FILTER (WHERE search_vector IS DISTINCT FROM to_tsvector('english', text_content))
        FROM document_page WHERE document_id IN (SELECT id FROM document WHERE original_name LIKE 'bench-%' ORDER BY random() LIMIT 2)
         AND page_number % $((PAGES_PER_DOC / 500 > 0 ? PAGES_PER_DOC / 500 : 1)) = 0")
log "   corpus: $ROWS rows over $PAGE_DOCS documents, ~$WORDS_PER_PAGE words a page; table $S_TABLE MB (heap $S_HEAP MB, TOAST $S_TOAST MB), GIN $S_GIN MB, all indexes $S_INDEXES MB"
log "   vectors checked against to_tsvector on $SAMPLED sampled rows: $MISMATCHED differ"

# --- the service's SQL, for pgbench -------------------------------------------------------
# A copy of Search.find's statement: its text block word for word (compared with Search.java below),
# and what it splices in: Search.visible, which is built from DocumentAccess.PUBLIC and
# RequestAccess.PUBLIC, and Search.pageJoin's choice for a corpus of many documents, written out.
# Java string sums cannot be compared as text, so the HTTP part checks that this copy returns the pages the service returned, in the same order, for every class.
# When either check fails the summary says so. Keep it in step.
SEARCH_JAVA="src/main/java/org/ringwatch/search/Search.java"
read -r -d '' SQL_TEMPLATE <<'SQL' || true
                WITH q AS MATERIALIZED (SELECT query, query::text ~ '<(-|[0-9]+)>' AS phrase FROM (SELECT %s AS query) s),
                visible AS MATERIALIZED (%s),
                candidates AS (
                    SELECT p.document_id, p.page_number, p.search_vector
                      FROM document_page p
                      JOIN visible v ON v.id = %s
                     WHERE %s
                     LIMIT :candidates),
                hits AS (
                    SELECT c.document_id, c.page_number, ts_rank_cd(c.search_vector, q.query) AS rank
                      FROM candidates c, q
                     WHERE NOT q.phrase OR c.search_vector @@ q.query
                     ORDER BY rank DESC, c.document_id DESC, c.page_number
                     OFFSET :offset LIMIT :limit)
                SELECT h.document_id, h.page_number, h.rank, d.original_name, r.id AS request_id, r.title,
                       d.source_publisher, a.name AS agency_name, a.state_code, a.slug,
                       ts_headline('english', p.text_content, q.query,
                                   %s || ', MaxFragments=2, MaxWords=30, MinWords=10')
                       AS headline
                  FROM hits h
                  JOIN document_page p ON p.document_id = h.document_id AND p.page_number = h.page_number
                  JOIN document d ON d.id = h.document_id
                  LEFT JOIN records_request r ON r.id = d.request_id
                  JOIN agency a ON a.id = d.agency_id, q
                 ORDER BY h.rank DESC, h.document_id DESC, h.page_number
SQL
# Search.visible with no filter: DocumentAccess.PUBLIC (with RequestAccess.PUBLIC in it).
read -r -d '' SQL_VISIBLE <<'SQL' || true
            SELECT d.id FROM document d LEFT JOIN records_request r ON r.id = d.request_id
              JOIN agency a ON a.id = d.agency_id
             WHERE d.visibility = 'published'
            AND (NOT EXISTS (SELECT 1 FROM document_page w WHERE w.document_id = d.id AND w.withheld)
                 OR (d.file_type = 'pdf' AND d.public_blob_sha256 IS NOT NULL))
            AND (d.request_id IS NULL OR (r.status <> 'draft' AND (r.embargo_until IS NULL OR r.embargo_until <= :today)))
SQL
SQL_MARKERS="'StartSel=' || chr(1) || ', StopSel=' || chr(2)"   # Highlights.MARKERS
squash() { tr -s ' \n\t' '   ' | sed 's/^ //; s/ $//'; }
SQL_IN_STEP="yes"
if [[ -f "$SEARCH_JAVA" ]]; then
    java_sql="$(awk '/String sql = """/ {f = 1; next} f && /"""\.formatted/ {f = 0} f' "$SEARCH_JAVA" | squash)"
    if [[ "$java_sql" != "$(squash <<<"$SQL_TEMPLATE")" ]]; then
        SQL_IN_STEP="NO: Search.java's SQL differs from this script's copy; the pgbench figures are for the copy"
        log "!! $SEARCH_JAVA's SQL differs from the copy in bench/search.sh: update the copy"
    fi
else
    SQL_IN_STEP="unknown ($SEARCH_JAVA not found)"
fi

sql_quote() { local s="${1//\'/\'\'}"; printf "'%s'" "$s"; }
# tsquery_sql TEXT: the tsquery expression Search.tsquery builds, with literals: to_tsquery('simple',
# 'word:*') for each word*, websearch_to_tsquery('english', rest) for the rest, joined with &&.
tsquery_sql() {
    local text="$1" parts=() w rest
    while read -r w; do
        [[ -n "$w" ]] && parts+=("to_tsquery('simple', $(sql_quote "${w,,}:*"))")
    done < <(grep -oE '(^|[^[:alnum:]_"])[[:alpha:]][[:alnum:]]*\*' <<<"$text" | sed -E 's/^[^[:alpha:]]//; s/\*$//' | head -n 5)
    rest="$(sed -E 's/(^|[^[:alnum:]_"])[[:alpha:]][[:alnum:]]*\*/\1 /g' <<<"$text" | squash)"
    [[ -n "$rest" ]] && parts+=("websearch_to_tsquery('english', $(sql_quote "$rest"))")
    local out="" part
    for part in "${parts[@]}"; do out="${out:+$out && }$part"; done
    printf '%s' "$out"
}
TODAY="$(TZ=America/New_York date +%F)"   # Today.ZONE
# page_condition TEXT: Search.Statement's condition on a page for TEXT.
page_condition() {
    local tsq words
    tsq="$(tsquery_sql "$1")"
    words="CAST(nullif(regexp_replace(querytree($tsq), '<(-|[0-9]+)>', '&', 'g'), 'T') AS tsquery)"   # Search.words
    printf '%s' "(p.search_lexemes @@ $words OR ($words IS NULL AND p.search_vector @@ ($tsq))) AND NOT p.withheld"
}
# plan_settings TEXT: what Search.run sets for TEXT's plan (and synchronize_seqscans off). The corpus has more documents than
# Search.PROBE_PER_DOCUMENT_UP_TO, so the plan turns on how many pages the statistics expect to hold
# the words (Search.choosePlan): over Search.READ_IN_ORDER_ABOVE_SHARE of them, no bitmap scans.
plan_settings() {
    local rows pages
    rows="$(sql -c "EXPLAIN SELECT 1 FROM document_page p WHERE $(page_condition "$1")" | head -n 1 | grep -o ' rows=[0-9]*' | grep -o '[0-9]*')"
    pages="$(sql -c "SELECT reltuples FROM pg_class WHERE oid = 'document_page'::regclass")"
    awk -v r="$rows" -v p="$pages" 'BEGIN { print "SET enable_bitmapscan = " (p > 0 && r / p > 0.05 ? "off" : "on") ";" }'
    echo "SET synchronize_seqscans = off;"
}
# service_sql TEXT: Search.find's statement for TEXT, no filters, first page of 20.
service_sql() {
    local s="$SQL_TEMPLATE" today="'$TODAY'"
    s="${s/\%s/$(tsquery_sql "$1")}"
    s="${s/\%s/$SQL_VISIBLE}"
    s="${s/\%s/p.document_id + 0}"   # Search.Plan: not PROBE_PER_DOCUMENT, the corpus has many documents
    s="${s/\%s/$(page_condition "$1")}"
    s="${s/\%s/$SQL_MARKERS}"
    s="${s//:today/$today}"
    s="${s//:candidates/2000}"   # Search.MAX_CANDIDATES
    s="${s//:offset/0}"
    s="${s//:limit/21}"
    printf '%s;\n' "$s"
}

# --- HTTP: the search API, sequentially ---------------------------------------------------
# measure_class I TEXT: WARMUP requests (at most WARMUP_SECONDS), then REQUESTS measured ones (at most
# CLASS_SECONDS); each line of $WORK/class-I.times is "http_code seconds".
measure_class() {
    local i="$1" url t0 n
    url="http://127.0.0.1:$PORT/api/v1/search?q=$(jq -rn --arg q "$2" '$q | @uri')&limit=20"
    : >"$WORK/class-$i.times"
    t0="$(now_ms)"
    for ((n = 0; n < WARMUP; n++)); do
        (($(now_ms) - t0 < WARMUP_SECONDS * 1000)) || break
        curl -s -o "$WORK/class-$i.json" --max-time 60 "$url" || true
    done
    t0="$(now_ms)"
    for ((n = 0; n < REQUESTS; n++)); do
        (($(now_ms) - t0 < CLASS_SECONDS * 1000)) || break
        curl -s -o "$WORK/class-$i.json" -w '%{http_code} %{time_total}\n' --max-time 60 "$url" \
            >>"$WORK/class-$i.times" || echo "000 60" >>"$WORK/class-$i.times"
    done
}
# stats FILE...: "n p50 p95 max mean errors" (ms) over the lines "http_code seconds" of the files:
# the latencies of the 200s (nearest-rank percentiles), and how many were not 200.
stats() {
    local errors
    errors="$(cat "$@" | awk '$1 != 200 {e++} END {print e + 0}')"
    cat "$@" | awk '$1 == 200 {print $2 * 1000}' | sort -n | awk -v e="$errors" '
        {v[++n] = $1; s += $1}
        END {
            if (n == 0) { print "0 - - - - " e; exit }
            printf "%d %.1f %.1f %.1f %.1f %d\n", n, v[int((n * 50 + 99) / 100)], v[int((n * 95 + 99) / 100)], v[n], s / n, e
        }'
}

log "   HTTP: $WARMUP warm-up + up to $REQUESTS measured requests per class (at most ${CLASS_SECONDS}s), one at a time"
MATCHES=()
for i in "${!CLASSES[@]}"; do
    name="${CLASSES[$i]%%|*}" text="${CLASSES[$i]#*|}"
    # Every page holding the words (the index); for a phrase, those where they stand in order.
    exact="p.search_lexemes @@ ($(tsquery_sql "$text"))"
    [[ "$text" == *'"'* ]] && exact="p.search_lexemes @@ ($(tsquery_sql "${text//\"/}")) AND p.search_vector @@ ($(tsquery_sql "$text"))"
    MATCHES[i]="$(sql -c "SELECT count(*) FROM document_page p WHERE $exact")"
    measure_class "$i" "$text"
    # The copy of the SQL must find what the service found: the same pages, in the same order.
    served="$(jq -r '.items[] | "\(.document)|\(.page)"' "$WORK/class-$i.json" 2>/dev/null || echo '?')"
    copied="$(sql -F '|' -c "$(plan_settings "$text") SELECT document_id, page_number FROM ($(service_sql "$text" | sed 's/;$//')) s LIMIT 20")"
    if [[ "$served" != "$copied" ]]; then
        SQL_IN_STEP="NO: for '$text' this script's copy of the SQL returns other pages than the service"
        log "!! '$text': the service served [$(tr '\n' ' ' <<<"$served")], the copy of its SQL returns [$(tr '\n' ' ' <<<"$copied")]"
    fi
    read -r n p50 p95 max mean errors <<<"$(stats "$WORK/class-$i.times")"
    log "   $(printf '%-16s %-24s matches %7s: n=%s p50=%s p95=%s max=%s ms, items %s' "$name" "$text" "${MATCHES[i]}" \
        "$n" "$p50" "$p95" "$max" "$(jq '.items | length' "$WORK/class-$i.json" 2>/dev/null || echo '?')")"
done

# --- ceiling: the same SQL through pgbench --------------------------------------------------
log "   pgbench: each class's SQL, -n -c1 -T$PGBENCH_SECONDS"
PG_AVG=() PG_TX=()
for i in "${!CLASSES[@]}"; do
    text="${CLASSES[$i]#*|}"
    { plan_settings "$text"; service_sql "$text"; } >"$WORK/class-$i.sql"
    run_child "$PGBENCH" -h localhost -p "$PGPORT" -U postgres -n -c1 -T"$PGBENCH_SECONDS" -f "$WORK/class-$i.sql" postgres \
        >"$WORK/pgbench-$i.out" 2>&1 || { log "!! pgbench failed:"; cat "$WORK/pgbench-$i.out" >&2; exit 1; }
    PG_AVG[i]="$(awk -F'= ' '/^latency average = / {split($2, a, " "); print a[1]}' "$WORK/pgbench-$i.out")"
    PG_TX[i]="$(awk -F': ' '/^number of transactions actually processed/ {print $2}' "$WORK/pgbench-$i.out")"
done
# Where the time goes for the most common word (the whole plan is kept in the temp dir with KEEP=1).
{ plan_settings police; echo 'EXPLAIN (ANALYZE, BUFFERS)'; service_sql police; } | sql >"$WORK/explain-common.txt" 2>&1 || true
log "   EXPLAIN ANALYZE of the 'police' SQL (excerpt):"
grep -E 'Bitmap (Heap|Index) Scan|Heap Blocks|Rows Removed|Sort Method|Hash Join|Execution Time|JIT' "$WORK/explain-common.txt" \
    | sed 's/^ */      /' >&2 || true

# --- summary -------------------------------------------------------------------------------
problems="$(service_problems "$APP_LOG")"
row() { printf '%-15s %-22s %8s %4s %9s %9s %9s %9s %10s %8s  %s\n' "$@"; }
summary_header "RingWatch search, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, GET /api/v1/search?q=...&limit=20 one request at a time, pgbench -n -c1 -T$PGBENCH_SECONDS"
echo "corpus: $ROWS page rows over $PAGE_DOCS published documents, ~$WORDS_PER_PAGE words a page, 5,000-word Zipf vocabulary;" \
    "document_page $S_TABLE MB (heap $S_HEAP + TOAST $S_TOAST), GIN document_page_search $S_GIN MB, all its indexes $S_INDEXES MB, total $S_TOTAL MB;" \
    "built in ${T_CORPUS}s (load ${T_LOAD}s, GIN ${T_INDEX}s); vectors = to_tsvector on $((SAMPLED - MISMATCHED))/$SAMPLED sampled rows"
row "class" "q" "matches" "n" "p50 ms" "p95 ms" "max ms" "mean ms" "pgbench ms" "svc/pgb" "p95 <= $TARGET_MS ms"
ALL_TIMES=()
for i in "${!CLASSES[@]}"; do
    name="${CLASSES[$i]%%|*}" text="${CLASSES[$i]#*|}"
    ALL_TIMES+=("$WORK/class-$i.times")
    read -r n p50 p95 max mean errors <<<"$(stats "$WORK/class-$i.times")"
    verdict="$(awk -v p="$p95" -v t="$TARGET_MS" 'BEGIN { print (p != "-" && p <= t ? "MET" : "MISSED") }')"
    ((errors > 0)) && verdict="$verdict, $errors non-200"
    row "$name" "$text" "${MATCHES[i]}" "$n" "$p50" "$p95" "$max" "$mean" "${PG_AVG[i]:-?} (${PG_TX[i]:-?}x)" \
        "$(ratio "$mean" "${PG_AVG[i]:-0}")" "$verdict"
done
read -r n p50 p95 max mean errors <<<"$(stats "${ALL_TIMES[@]}")"
verdict="$(awk -v p="$p95" -v t="$TARGET_MS" 'BEGIN { print (p <= t ? "MET" : "MISSED") }')"
echo "overall (all $n measured requests pooled): p50 $p50 ms, p95 $p95 ms, max $max ms; target p95 <= $TARGET_MS ms: $verdict; non-200: $errors"
echo "svc/pgb = the service's mean over pgbench's average latency for the same SQL; pgbench (Nx) = transactions in ${PGBENCH_SECONDS}s"
echo "SQL in step with $SEARCH_JAVA: $SQL_IN_STEP"
print_problems "service log" "$problems"
