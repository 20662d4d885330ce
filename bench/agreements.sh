#!/usr/bin/env bash
# Agreement API benchmark: N published agreements citing one MOU, then wrk (see bench/README.md).
#
#   setup       one two-page text PDF (written by this script, a text layer on both pages) uploaded
#               to a filed request, extracted, published; then AGREEMENTS agreements of kind mou
#               created and published through the API, one at a time, each citing 6 clauses whose
#               quotes are on the pages (the clauses, their states and wordings vary); the first is
#               made the template of its kind. Timed: agreements/s, against the same number of
#               sequential calls to /css/timeline.css through the same client (the loop's ceiling)
#   read        wrk against GET /api/v1/agreements/{id} (a non-template agreement: its JSON with the
#               comparison with the template, a word diff per clause), GET /api/v1/agreements?limit=50
#               (a full page), GET /api/v1/agreements/totals and, when it answers 200, the HTML page
#               /agreements/{id}; requests/s, p50 and p99, each as a ratio to the ceiling
#   ceiling     wrk against /css/timeline.css (a small static file: Quarkus, no database) in the same run
#
# Everything runs on this machine and on 127.0.0.1 only; wrk shares the CPU with the service.
# Environment: AGREEMENTS (300), CREATE_SECONDS (90: creating stops there, the summary says how
# many were made), CEILING_CALLS (200), THREADS (2), CONNECTIONS (16), WARMUP (5 s), DURATION (15 s), JAVA (java),
# JAVA_OPTS (none), KEEP=1 keeps the temp dir (logs, data, the PDF, the request bodies).
set -euo pipefail

AGREEMENTS="${AGREEMENTS:-300}"
CREATE_SECONDS="${CREATE_SECONDS:-90}"
CEILING_CALLS="${CEILING_CALLS:-200}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-16}"
WARMUP="${WARMUP:-5}"
DURATION="${DURATION:-15}"
STATIC_PATH="/css/timeline.css"
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"   # settings, helpers, cd to the repository root
source "$(dirname "${BASH_SOURCE[0]}")/api.sh"   # first admin, token, a filed request

[[ "$AGREEMENTS" =~ ^[0-9]+$ ]] && ((AGREEMENTS >= 2)) || { log "AGREEMENTS must be 2 or more (the template and one compared with it)"; exit 1; }
need_tools curl jq

# --- tools -------------------------------------------------------------------------------
ensure_wrk

check_jar
LOAD_AT_START="$(load_avg)"   # other work on the machine skews every figure

WORK="$(mktemp -d "${TMPDIR:-/tmp}/ringwatch-agreements.XXXXXX")"
DATA="$WORK/data"

# Called by cleanup (lib.sh) on exit.
stop_processes() {
    [[ -n "$CHILD" ]] && stop_pid "$CHILD" TERM
    stop_service "$DATA"
}
arm_cleanup

secs() { awk -v ms="$1" 'BEGIN { printf "%.1f", ms / 1000 }'; }

# --- the MOU: a two-page PDF with a text layer, written by hand ----------------------------
# Fictional text (invented town, marked synthetic). Each clause has its original wording and, in
# an amendment further down the same page, a second wording: an agreement quoting the second
# one differs from the template by a few words, and its quote is still on the page.
# CLAUSES: "topic|page|original wording|amended wording|figure|original value|amended value".
CLAUSES=(
    "free_devices|1|Ring will donate 15 cameras to the Department for distribution.|Ring will donate 25 cameras to the Department for distribution to residents.|devices|15|25"
    "download_credit|1|Ring will credit \$10 towards free cameras for each qualifying app download.|Ring will credit \$5 towards free cameras for each qualifying app download.|dollars_per_download|10|5"
    "non_binding|1|This is a non-binding program between the parties.|This memorandum is a non-binding statement of intent between the parties.|||"
    "training_and_support|1|Ring will provide the portal, training and support.|Ring will provide the portal, online training and technical support at no cost.|||"
    "agency_promotes_app|2|The Department will engage the community to encourage adoption of the platform and app.|The Department will use its social media accounts to encourage adoption of the app.|||"
    "vendor_approves_statements|2|Ring shall approve all statements the Department makes about Ring.|Ring shall review all statements the Department makes about Ring and the program.|||"
    "confidentiality|2|Unless required by law, the Department shall keep the terms of the program confidential.|Unless required by law, the Department shall keep the terms of this memorandum confidential.|||"
    "termination|2|Either party may terminate this memorandum with 30 days written notice.|Either party may terminate this memorandum at any time with written notice.|||"
)
# The template's clauses (indexes into CLAUSES), all present, original wording.
TEMPLATE_CLAUSES="0 1 2 4 5 6"

clause_field() { local IFS="|" f; read -r -a f <<<"${CLAUSES[$1]}"; printf '%s' "${f[$2]:-}"; }

# page_lines N: the lines of page N (every one at least 20 characters, so the text layer is used).
page_lines() {
    local i
    if [[ "$1" == 1 ]]; then
        echo "SYNTHETIC BENCHMARK TEXT (bench/agreements.sh), not a real agreement"
        echo "MEMORANDUM OF UNDERSTANDING BETWEEN THE CITY OF PORT VARLOW AND RING LLC"
        echo "WHEREAS Ring operates the Neighbors Portal for law enforcement;"
        echo "WHEREAS the Department wishes to join the program at no cost;"
    else
        echo "3 Department responsibilities, communications and confidentiality."
    fi
    for i in "${!CLAUSES[@]}"; do [[ "$(clause_field "$i" 1)" == "$1" ]] && clause_field "$i" 2 && echo; done
    echo "Amendment No. 1, adopted by some of the participating cities:"
    for i in "${!CLAUSES[@]}"; do [[ "$(clause_field "$i" 1)" == "$1" ]] && clause_field "$i" 3 && echo; done
    if [[ "$1" == 2 ]]; then
        echo "Signed on December 13, 2018 by Chief Dana Whitlock for the Department"
        echo "and by Morgan Ellery, Head of Partnerships, for Ring LLC."
    fi
}

# write_pdf FILE: PDF 1.4, two Letter pages, Helvetica (a standard font, nothing embedded), one
# text line per Tj; the xref table holds each object's byte offset, as the format requires.
write_pdf() {
    local file="$1" offsets=() n page content line esc
    : >"$file"
    obj() { offsets+=("$(stat -c %s "$file")"); printf '%s 0 obj\n%s\nendobj\n' "$1" "$2" >>"$file"; }
    printf '%%PDF-1.4\n' >>"$file"
    obj 1 "<< /Type /Catalog /Pages 2 0 R >>"
    obj 2 "<< /Type /Pages /Kids [3 0 R 5 0 R] /Count 2 >>"
    for page in 1 2; do
        content="BT /F1 9 Tf 15 TL 54 730 Td"
        while IFS= read -r line; do
            esc="${line//\\/\\\\}"; esc="${esc//(/\\(}"; esc="${esc//)/\\)}"
            content+=$'\n'"($esc) Tj T*"
        done < <(page_lines "$page")
        content+=$'\n'"ET"
        n=$((page * 2 + 1))
        obj "$n" "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 7 0 R >> >> /Contents $((n + 1)) 0 R >>"
        obj "$((n + 1))" "<< /Length ${#content} >>
stream
$content
endstream"
    done
    obj 7 "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    local xref; xref="$(stat -c %s "$file")"
    { printf 'xref\n0 8\n0000000000 65535 f \n'
      for n in "${offsets[@]}"; do printf '%010d 00000 n \n' "$n"; done
      printf 'trailer\n<< /Size 8 /Root 1 0 R >>\nstartxref\n%s\n%%%%EOF\n' "$xref"; } >>"$file"
}

# --- the agreements' bodies, all made before the timed part --------------------------------
# Agreement 0 is the template: TEMPLATE_CLAUSES, present, original wording. Agreement i > 0 cites
# 6 of the 8 clauses (two left out, which ones turning with i), each in its original or amended
# wording, and some struck; its signed date (year, month or day precision), counterparty and
# title vary too. Every quote is a line of its page, so every save passes the quote check.
write_bodies() {
    jq -nc --argjson n "$AGREEMENTS" --argjson doc "$DOC" --argjson template "[${TEMPLATE_CLAUSES// /,}]" \
        --argjson clauses "$(printf '%s\n' "${CLAUSES[@]}" | jq -R 'split("|")' | jq -s .)" '
        def figures($c; $v): if $c[4] == "" then {} else {($c[4]): ($c[5 + $v] | tonumber)} end;
        def clause($c; $v; $state): {state: $state, quote: $c[2 + $v], document: $doc, page: ($c[1] | tonumber),
                                     figures: figures($c; $v)};
        range(0; $n) as $i
        | (if $i == 0 then $template
           else ($i % 8) as $d1 | ((($i * 3 + 1) % 8) | if . == $d1 then (. + 1) % 8 else . end) as $d2
                | [range(0; 8) | select(. != $d1 and . != $d2)] end) as $chosen
        | (2018 + $i % 4 | tostring) as $year
        | ($i % 12 + 1) as $month | ($i % 28 + 1) as $day
        | {evidence: [$doc], kind: "mou",
           title: (if $i == 0 then "Memorandum of Understanding (template)" else "Memorandum of Understanding, copy \($i)" end),
           program_names: ["Neighbors Portal"],
           counterparties: [if $i % 2 == 0 then "ring_llc" else "ring_inc" end],
           execution: "ink",
           dates: {signed: {date: (if $i % 3 == 0 then $year
                                   elif $i % 3 == 1 then "\($year)-\($month | tostring | if length < 2 then "0" + . else . end)"
                                   else "\($year)-\($month | tostring | if length < 2 then "0" + . else . end)-\($day | tostring | if length < 2 then "0" + . else . end)" end),
                            document: $doc, page: 2}},
           signatories: [{name: "Dana Whitlock", title: "Chief of Police", party: "the Department"}],
           clauses: ([$chosen[] as $k | $clauses[$k] as $c
                      | {key: $c[0],
                         value: (if $i == 0 then clause($c; 0; "present")
                                 else clause($c; (if ($i + $k) % 3 == 0 then 1 else 0 end);
                                             (if ($i * 5 + $k) % 9 == 0 then "struck" else "present" end)) end)}]
                     | from_entries)}' >"$WORK/bodies.jsonl"
}

# --- start the service, the request, the MOU ----------------------------------------------
PORT="$(free_port)"
log "== RingWatch agreements benchmark, $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC'): $AGREEMENTS agreements"
log "   starting $JAR on 127.0.0.1:$PORT, data in $DATA"
start_app service "$DATA" "$PORT"   # its output in $WORK/service.log
wait_200 "$PORT"
api_setup
write_pdf "$WORK/mou.pdf"
code="$(curl -s -o "$WORK/upload.json" -w '%{http_code}' --max-time 60 -H "Authorization: Bearer $TOKEN" \
    -F "file=@$WORK/mou.pdf;type=application/pdf" \
    "http://127.0.0.1:$PORT/api/v1/requests/$REQUEST_ID/events/$EVENT_ID/documents")" || true
[[ "$code" == 201 ]] || { log "!! the upload answered $code:"; cat "$WORK/upload.json" >&2; exit 1; }
DOC="$(jq -r '.[0].id' "$WORK/upload.json")"
t0="$(now_ms)"
while st="$(api 200 GET "/api/v1/documents/$DOC" | jq -r .status)" && [[ "$st" == processing ]]; do
    (($(now_ms) - t0 < 60000)) || { log "!! document $DOC still processing after 60 s"; exit 1; }
    sleep 0.5
done
[[ "$st" == ready ]] || { log "!! document $DOC is $st, not ready"; exit 1; }
PAGE_COUNT="$(api 200 GET "/api/v1/documents/$DOC" | jq -r .page_count)"
SOURCES="$(for p in 1 2; do api 200 GET "/api/v1/documents/$DOC/pages/$p" | jq -r .source; done | sort -u | paste -sd,)"
[[ "$PAGE_COUNT" == 2 && "$SOURCES" != *ocr* ]] \
    || { log "!! document $DOC: $PAGE_COUNT page(s), text from $SOURCES; expected 2 pages from the text layer"; exit 1; }
api 200 POST "/api/v1/documents/$DOC/publish" >/dev/null
t0="$(now_ms)"
until [[ "$(http_code "$PORT" "/api/v1/documents/$DOC")" == 200 ]]; do   # anonymous: public yet?
    (($(now_ms) - t0 < 60000)) || { log "!! document $DOC not public 60 s after publishing"; exit 1; }
    sleep 0.2
done
log "   request $REQUEST_ID, MOU document $DOC ($(stat -c %s "$WORK/mou.pdf") bytes, 2 pages, text layer: $SOURCES) published"

# --- create and publish the agreements ----------------------------------------------------
write_bodies
# The loop's ceiling: the same client (api: curl, then cat) making sequential calls to
# $STATIC_PATH, 2 per agreement. CEILING_CALLS of them (at most 2 per agreement) are timed and
# the time per call scaled to the calls the loop makes, so that this stays short on a busy machine.
CEILING_CALLS=$((2 * AGREEMENTS < CEILING_CALLS ? 2 * AGREEMENTS : CEILING_CALLS))
t0="$(now_ms)"
for ((i = 0; i < CEILING_CALLS; i++)); do
    api 200 GET "$STATIC_PATH" >/dev/null
done
CEIL_CALLS_MS=$(($(now_ms) - t0))
log "   loop ceiling: $CEILING_CALLS sequential GET $STATIC_PATH in $(secs "$CEIL_CALLS_MS")s"

IDS=()
CREATE_MS_SUM=0 PUBLISH_MS_SUM=0
t0="$(now_ms)"
while IFS= read -r body; do
    if (($(now_ms) - t0 > CREATE_SECONDS * 1000)); then
        log "!! CREATE_SECONDS ($CREATE_SECONDS s) reached after ${#IDS[@]} agreements: stopping there"
        break
    fi
    t1="$(now_ms)"
    answer="$(api 201 POST /api/v1/agreements "$body")" || exit 1
    [[ "$answer" =~ ^\{\"id\":([0-9]+), ]] || { log "!! no id at the start of the answer: ${answer:0:200}"; exit 1; }
    id="${BASH_REMATCH[1]}"
    t2="$(now_ms)"
    api 200 POST "/api/v1/agreements/$id/publish" >/dev/null || exit 1
    t3="$(now_ms)"
    CREATE_MS_SUM=$((CREATE_MS_SUM + t2 - t1)) PUBLISH_MS_SUM=$((PUBLISH_MS_SUM + t3 - t2))
    IDS+=("$id")
done <"$WORK/bodies.jsonl"
CREATED_MS=$(($(now_ms) - t0))
CREATED="${#IDS[@]}"
((CREATED >= 2)) || { log "!! only $CREATED agreement(s) made: need the template and one more"; exit 1; }
# The loop's ceiling for the number actually made: 2 calls each.
CEIL_MS_MADE="$(awk -v c="$CEIL_CALLS_MS" -v k="$CEILING_CALLS" -v m="$CREATED" 'BEGIN { printf "%d", c / k * 2 * m }')"
TEMPLATE_ID="${IDS[0]}"
api 200 POST "/api/v1/agreements/$TEMPLATE_ID/template" >/dev/null
log "   $CREATED agreements created and published in $(secs "$CREATED_MS")s; agreement $TEMPLATE_ID is the mou template"

# --- what is measured, checked first ------------------------------------------------------
TARGET_ID="${IDS[1]}"   # not the template: its JSON carries the comparison
curl -s -o "$WORK/one.json" --max-time 10 "http://127.0.0.1:$PORT/api/v1/agreements/$TARGET_ID"
OUTCOMES="$(jq -r '[.comparison.clauses[].outcome] | group_by(.) | map("\(.[0]) \(length)") | join(", ")' "$WORK/one.json")"
[[ "$(jq -r '.comparison.template' "$WORK/one.json")" == "$TEMPLATE_ID" && -n "$OUTCOMES" ]] \
    || { log "!! agreement $TARGET_ID has no comparison with template $TEMPLATE_ID:"; head -c 1000 "$WORK/one.json" >&2; exit 1; }
curl -s -o "$WORK/list.json" --max-time 10 "http://127.0.0.1:$PORT/api/v1/agreements?limit=50"
LIST_ITEMS="$(jq '.items | length' "$WORK/list.json")"
LIST_WITH_COMPARISON="$(jq '[.items[] | select(.comparison != null)] | length' "$WORK/list.json")"
curl -s -o "$WORK/totals.json" --max-time 10 "http://127.0.0.1:$PORT/api/v1/agreements/totals"
TOTAL_CONF="$(jq '[.clauses[] | select(.clause == "confidentiality") | .agreements] | add // 0' "$WORK/totals.json")"
STATUS="$(curl -s --max-time 10 "http://127.0.0.1:$PORT/api/v1/agencies/${BENCH_AGENCY}/agreement-status" | jq -r .status)"
PUBLISHED="$(api 200 GET "/api/v1/agreements/$TEMPLATE_ID" | jq -r .visibility)"
log "   agreement $TARGET_ID against template $TEMPLATE_ID: $OUTCOMES"
log "   list: $LIST_ITEMS items ($LIST_WITH_COMPARISON with a comparison); totals: confidentiality in $TOTAL_CONF; $BENCH_AGENCY status: $STATUS"

# The measured URLs by name, in the order they run (the ceiling last, as city-page.sh does). The
# HTML page is measured only when it answers 200 (it may not exist on this branch).
declare -A URL=([one]="/api/v1/agreements/$TARGET_ID" [list]="/api/v1/agreements?limit=50"
    [totals]="/api/v1/agreements/totals" [html]="/agreements/$TARGET_ID" [static]="$STATIC_PATH")
HTML_CODE="$(http_code "$PORT" "${URL[html]}")"
NAMES=(one list totals)
[[ "$HTML_CODE" == 200 ]] && NAMES+=(html)
NAMES+=(static)
declare -A SIZE
for name in "${NAMES[@]}"; do
    path="${URL[$name]}"
    read -r code bytes < <(curl -s -o /dev/null -w '%{http_code} %{size_download}\n' --max-time 10 "http://127.0.0.1:$PORT$path")
    [[ "$code" == 200 ]] || { log "!! $path answers $code, not 200"; exit 1; }
    SIZE[$name]="$bytes"
done

# --- HTTP load ---------------------------------------------------------------------------
# to_ms VALUE: a wrk latency (850.00us, 4.05ms, 1.20s, 2.00m) in milliseconds.
to_ms() {
    awk -v v="$1" 'BEGIN {
        if (v ~ /us$/) f = 0.001; else if (v ~ /ms$/) f = 1; else if (v ~ /m$/) f = 60000; else if (v ~ /s$/) f = 1000; else { print "n/a"; exit }
        sub(/[a-z]+$/, "", v); printf "%.3f", v * f }'
}

for name in "${NAMES[@]}"; do run_wrk "$name" "${URL[$name]}"; done

# --- summary -----------------------------------------------------------------------------
problems="$(service_problems "$APP_LOG")"
S_RPS="$(wrk_rps static)" S_P50="$(to_ms "$(wrk_pct static 50%)")" S_P99="$(to_ms "$(wrk_pct static 99%)")"
row() { printf '%-36s %9s %9s %9s %7s %7s %8s %8s %8s\n' "$@"; }
summary_header "RingWatch agreements, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, ${DURATION}s wrk runs after ${WARMUP}s of warm-up, $CONNECTIONS connections, $THREADS threads (load generator on the same machine)"
echo "data: $CREATED published agreements (kind mou) citing one 2-page MOU, 6 quoted clauses each; template $TEMPLATE_ID; measured agreement $TARGET_ID against it: $OUTCOMES"
row "target" "req/s" "p50 ms" "p99 ms" "errors" "bytes" "rps/ceil" "p50/ceil" "p99/ceil"
for name in one list totals html static; do
    label="${URL[$name]}"
    [[ "$name" == static ]] && label="ceiling $label"
    if [[ ! -f "$WORK/$name.wrk" ]]; then   # the HTML page, when it does not answer 200
        row "$label (HTTP $HTML_CODE)" "n/a" "n/a" "n/a" "n/a" "n/a" "n/a" "n/a" "n/a"
        continue
    fi
    rps="$(wrk_rps "$name")" p50="$(to_ms "$(wrk_pct "$name" 50%)")" p99="$(to_ms "$(wrk_pct "$name" 99%)")"
    row "$label" "$rps" "$p50" "$p99" "$(wrk_bad "$name")" "${SIZE[$name]}" \
        "$(ratio "$rps" "$S_RPS" 4)" "$(ratio "$p50" "$S_P50" 1)" "$(ratio "$p99" "$S_P99" 1)"
done
echo "rps/ceil = the URL's requests/s over $STATIC_PATH's; p50/ceil, p99/ceil = its latency over the ceiling's (times slower)"
echo "list: $LIST_ITEMS items, $LIST_WITH_COMPARISON of them with a comparison; totals: confidentiality counted in $TOTAL_CONF; $BENCH_AGENCY agreement-status: $STATUS"
CREATE_RATE="$(awk -v n="$CREATED" -v ms="$CREATED_MS" 'BEGIN { printf "%.1f", n / (ms / 1000) }')"
CEIL_RATE="$(awk -v n="$CREATED" -v ms="$CEIL_MS_MADE" 'BEGIN { if (ms > 0) printf "%.1f", n / (ms / 1000); else print "n/a" }')"
printf '%-44s %s\n' "create + publish, one at a time" "$CREATED agreements in $(secs "$CREATED_MS") s = $CREATE_RATE agreements/s (mean $(awk -v s="$CREATE_MS_SUM" -v n="$CREATED" 'BEGIN { printf "%.1f", s / n }') ms per POST, $(awk -v s="$PUBLISH_MS_SUM" -v n="$CREATED" 'BEGIN { printf "%.1f", s / n }') ms per publish)"
printf '%-44s %s\n' "ceiling: 2 GET $STATIC_PATH per agreement" "$CEILING_CALLS calls in $(secs "$CEIL_CALLS_MS") s ($(awk -v c="$CEIL_CALLS_MS" -v k="$CEILING_CALLS" 'BEGIN { printf "%.1f", c / k }') ms each), the same client = $CEIL_RATE agreements/s; create+publish / ceiling = $(ratio "$CREATE_RATE" "$CEIL_RATE" 3)"
((CREATED < AGREEMENTS)) && echo "NOTE: only $CREATED of $AGREEMENTS agreements were made within CREATE_SECONDS=$CREATE_SECONDS"
[[ "$PUBLISHED" == published ]] || echo "NOTE: the template reads as $PUBLISHED, not published"
print_problems "service log" "$problems"
