#!/usr/bin/env bash
# Upload benchmark: one large file through the API with the heap capped (see bench/README.md).
#
#   upload      POST /api/v1/requests/{id}/events/{eventId}/documents, multipart, one SIZE_MB file
#               starting with %PDF-1.7 and random bytes after it: wall time and MB/s (curl)
#   memory      the JVM's RSS before and right after the upload, and its peak during it (VmRSS
#               sampled every 100 ms from /proc/PID/status; VmHWM too): growth target < 64 MB
#   ranges      GET /api/v1/documents/{docId}/file with Range: bytes=0-99 -> 206 and the file's
#               first 100 bytes
#   ceiling     dd of the same file into the data dir's file system with conv=fsync (one write),
#               two writes (spool to a temp file, then copy + fsync: what the service did until
#               issue 12), and sha256sum. The service now reads the multipart body itself and
#               hashes each byte while writing it into blobs/tmp, then fsyncs and renames: one
#               write and one hash, so the upload's ceiling is the slower of the raw write and the
#               hash (target: upload / ceiling >= 0.6)
#
# The service, curl and dd share this machine; everything is on 127.0.0.1 and in one temp dir.
# Environment: SIZE_MB (300), JAVA_OPTS (-Xmx256m), CEILING_RUNS (3; the median is kept),
# EXTRACT_WAIT (90 s: how long to wait for the background extraction's verdict; 0 skips it),
# JAVA (java), EPG_DIR (where zonky keeps the unpacked PostgreSQL, /tmp/embedded-pg: passed on
# because java.io.tmpdir is moved into the temp dir), KEEP=1 keeps the temp dir.
set -euo pipefail

SIZE_MB="${SIZE_MB:-300}"
EXTRACT_WAIT="${EXTRACT_WAIT:-90}"
CEILING_RUNS="${CEILING_RUNS:-3}"
export JAVA_OPTS="${JAVA_OPTS--Xmx256m}"      # read by lib.sh; set JAVA_OPTS= for none
GROWTH_TARGET_MB=64
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"   # settings, helpers, cd to the repository root
source "$(dirname "${BASH_SOURCE[0]}")/api.sh"   # first admin, token, a filed request

need_tools curl jq dd sha256sum
check_jar
LOAD_AT_START="$(load_avg)"   # other work on the machine skews every figure

WORK="$(mktemp -d "${TMPDIR:-/tmp}/ringwatch-upload.XXXXXX")"
DATA="$WORK/data"         # the service's data dir: PostgreSQL and blobs/
JTMP="$WORK/tmp"          # the JVM's java.io.tmpdir: the extraction's copy, PDFBox's scratch files
BIG="$WORK/big.pdf"
SMALL="$WORK/warmup.pdf"
mkdir -p "$JTMP"
SAMPLER=""      # the RSS sampler

# Called by cleanup (lib.sh) on exit.
stop_processes() {
    [[ -n "$SAMPLER" ]] && stop_pid "$SAMPLER" TERM
    [[ -n "$CHILD" ]] && stop_pid "$CHILD" TERM
    stop_service "$DATA"
}
arm_cleanup


kb_mb() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }
status_kb() { awk -v f="$2:" '$1 == f {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
# cpu_ticks PID: "utime stime" of the process, in clock ticks (fields 14 and 15 of /proc/PID/stat,
# counted after the command name, which may hold spaces).
cpu_ticks() { sed -E 's/^.*\) //' "/proc/$1/stat" | awk '{print $12, $13}'; }
CLK_TCK="$(getconf CLK_TCK)"

# --- the file ----------------------------------------------------------------------------
BYTES=$((SIZE_MB * 1048576))
log "== RingWatch upload benchmark, $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC'), JAVA_OPTS: ${JAVA_OPTS:-(none)}"
log "   writing a $SIZE_MB MB test file (%PDF-1.7 + random bytes) into $WORK"
{ printf '%%PDF-1.7\n'; head -c $((BYTES - 9)) /dev/urandom; } | dd of="$BIG" bs=1M iflag=fullblock conv=fsync status=none
{ printf '%%PDF-1.7\n'; head -c $((1048576 - 9)) /dev/urandom; } >"$SMALL"
[[ "$(stat -c %s "$BIG")" == "$BYTES" ]] || { log "!! $BIG is not $BYTES bytes"; exit 1; }
timed sha256sum "$BIG" >"$WORK/big.sha"
SHA_MS="$TIMED_MS"
BIG_SHA="$(cut -d ' ' -f 1 "$WORK/big.sha")"

# --- start the service, set up a request through the API --------------------------------
PORT="$(free_port)"
log "   starting $JAR on 127.0.0.1:$PORT, data in $DATA, java.io.tmpdir $JTMP"
# java.io.tmpdir in WORK, so the extraction's copy of the file goes with it (the upload is spooled
# under the data dir); the embedded PostgreSQL binaries stay where zonky keeps them by default, so
# they are not unpacked again.
start_app service "$DATA" "$PORT" "-Djava.io.tmpdir=$JTMP" "-Dot.epg.working-dir=${EPG_DIR:-/tmp/embedded-pg}"
wait_200 "$PORT"
api_setup
log "   request $REQUEST_ID, filing entry $EVENT_ID, token issued"
UPLOAD_PATH="/api/v1/requests/$REQUEST_ID/events/$EVENT_ID/documents"

# upload FILE OUT: the multipart POST, its answer in OUT; sets UP_CODE, UP_S (curl's
# time_total). Without "Expect: 100-continue", as browsers send it (curl adds it for big bodies;
# the service answers 100 at once, so it would change little).
upload() {
    UP_CODE=000 UP_S=0
    run_child curl -s -o "$2" -w '%{http_code} %{time_total}' --max-time 900 -H 'Expect:' \
        -H "Authorization: Bearer $TOKEN" -F "file=@$1;type=application/pdf" \
        "http://127.0.0.1:$PORT$UPLOAD_PATH" >"$WORK/curl.w" || true
    read -r UP_CODE UP_S <"$WORK/curl.w" || true
}

# doc_status ID: the document's status (processing, ready, quarantined...).
doc_status() { api 200 GET "/api/v1/documents/$1" | jq -r .status; }

# await_extraction ID SECONDS: waits for the document to leave "processing", at most SECONDS;
# sets DOC_STATUS and WAITED_S.
await_extraction() {
    local id="$1" limit="$2" t0
    t0="$(now_ms)"
    while :; do
        DOC_STATUS="$(doc_status "$id")"
        WAITED_S="$(awk -v ms=$(($(now_ms) - t0)) 'BEGIN { printf "%.1f", ms / 1000 }')"
        [[ "$DOC_STATUS" != processing ]] && return 0
        (($(now_ms) - t0 > limit * 1000)) && return 0
        sleep 1
    done
}

# Warm-up: one 1 MB upload (classes, JIT, pool) and its extraction, so the figures below are
# about the big file only.
upload "$SMALL" "$WORK/warmup.json"
[[ "$UP_CODE" == 201 ]] || { log "!! warm-up upload answered $UP_CODE:"; cat "$WORK/warmup.json" >&2; exit 1; }
WARM_DOC="$(jq -r '.[0].id' "$WORK/warmup.json")"
await_extraction "$WARM_DOC" 30
log "   warm-up upload: document $WARM_DOC in ${UP_S}s, extraction: $DOC_STATUS after ${WAITED_S}s"

# --- ceiling, measured now (the service idles; after the upload its extraction would compete) --
# CEILING_RUNS of each (3 by default), the median kept: single dd runs vary a lot on a shared disk.
RAW_ALL="" TWO_ALL=""
log "   ceiling: dd of the same $SIZE_MB MB into $DATA with conv=fsync, and two writes, x$CEILING_RUNS"
for ((i = 0; i < CEILING_RUNS; i++)); do
    sync
    timed dd if="$BIG" of="$DATA/raw.bin" bs=1M conv=fsync status=none
    RAW_ALL="$RAW_ALL $TIMED_MS"
    rm -f "$DATA/raw.bin"
    sync
    # As the service does: a spool file without fsync, then a copy of it with fsync.
    timed bash -c 'dd if="$1" of="$2" bs=1M status=none && dd if="$2" of="$3" bs=1M conv=fsync status=none' \
        _ "$BIG" "$DATA/spool.bin" "$DATA/raw2.bin"
    TWO_ALL="$TWO_ALL $TIMED_MS"
    rm -f "$DATA/spool.bin" "$DATA/raw2.bin"
done
RAW_MS="$(median_of <<<"$RAW_ALL")" TWO_MS="$(median_of <<<"$TWO_ALL")"
log "   raw write ms:$RAW_ALL; two writes ms:$TWO_ALL"
sync
sleep 2

# --- the upload --------------------------------------------------------------------------
RSS_BEFORE="$(status_kb "$APP_PID" VmRSS)" HWM_BEFORE="$(status_kb "$APP_PID" VmHWM)"
read -r UT0 ST0 <<<"$(cpu_ticks "$APP_PID")"
# Every 100 ms: "ms phase VmRSS_kB VmHWM_kB spool_bytes part_bytes", where spool is what the
# HTTP layer has written (quarkus.http.body.uploads-directory: <data dir>/uploads, or
# java.io.tmpdir/uploads in builds before 9d2e28b; nothing since the service reads uploads
# itself) and part the blob store's temporary file (blobs/tmp/*.part: the copy of the spool file
# in builds before issue 12, the body as it arrives since): together they show where the time goes.
SAMPLES="$WORK/rss.samples"
PHASE_FILE="$WORK/phase"
echo upload >"$PHASE_FILE"
bytes_under() { find "$@" -type f -printf '%s\n' 2>/dev/null | awk '{s += $1} END {print s + 0}'; }
(
    trap 'exit 0' TERM
    t0="$(date +%s%N)"
    while [[ -r "/proc/$APP_PID/status" ]]; do
        printf '%s %s %s %s %s %s\n' $((($(date +%s%N) - t0) / 1000000)) "$(cat "$PHASE_FILE")" \
            "$(status_kb "$APP_PID" VmRSS)" "$(status_kb "$APP_PID" VmHWM)" \
            "$(bytes_under "$DATA/uploads" "$JTMP")" "$(bytes_under "$DATA/blobs/tmp")"
        sleep 0.1
    done
) >"$SAMPLES" 2>/dev/null &
SAMPLER=$!
log "   uploading $SIZE_MB MB (JVM RSS before: $(kb_mb "$RSS_BEFORE") MB)"
upload "$BIG" "$WORK/upload.json"
RSS_AFTER="$(status_kb "$APP_PID" VmRSS)" HWM_AFTER="$(status_kb "$APP_PID" VmHWM)"
read -r UT1 ST1 <<<"$(cpu_ticks "$APP_PID")"
echo after >"$PHASE_FILE"
[[ "$UP_CODE" == 201 ]] || { log "!! the upload answered $UP_CODE:"; head -c 2000 "$WORK/upload.json" >&2; exit 1; }
DOC="$(jq -r '.[0].id' "$WORK/upload.json")"
DOC_SHA="$(jq -r '.[0].sha256' "$WORK/upload.json")"
log "   201: document $DOC, $(jq -r '.[0] | "\(.type), \(.status)"' "$WORK/upload.json"), ${UP_S}s"

# --- byte range ----------------------------------------------------------------------------
RANGE_CODE="$(curl -s -o "$WORK/range.bin" -D "$WORK/range.headers" -w '%{http_code}' --max-time 30 -r 0-99 \
    -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/v1/documents/$DOC/file")" || RANGE_CODE="000"
RANGE_LEN="$(stat -c %s "$WORK/range.bin" 2>/dev/null || echo 0)"
CONTENT_RANGE="$(grep -i '^content-range:' "$WORK/range.headers" | tr -d '\r' | cut -d ' ' -f 2- || true)"
if [[ "$RANGE_CODE" == 206 && "$RANGE_LEN" == 100 ]] && cmp -s "$WORK/range.bin" <(head -c 100 "$BIG"); then
    RANGE_OK="OK"
else
    RANGE_OK="FAILED"
fi

# --- what was stored ------------------------------------------------------------------------
BLOB="$DATA/blobs/${BIG_SHA:0:2}/${BIG_SHA:2:2}/$BIG_SHA"
if [[ "$DOC_SHA" == "$BIG_SHA" && -f "$BLOB" && "$(stat -c %s "$BLOB")" == "$BYTES" ]]; then
    STORED="OK (sha256 and size match, $BLOB)"
else
    STORED="MISMATCH (answer sha256 $DOC_SHA, file $BIG_SHA, blob $(stat -c %s "$BLOB" 2>/dev/null || echo missing) bytes)"
fi
LEFT_SPOOL="$(find "$DATA/uploads" "$JTMP" -type f -size +1M 2>/dev/null | grep -c . || true)"

# --- the background extraction (after the measured part) -----------------------------------
EXTRACTION="not waited for (EXTRACT_WAIT=0)"
if ((EXTRACT_WAIT > 0)); then
    echo extraction >"$PHASE_FILE"
    log "   waiting up to ${EXTRACT_WAIT}s for the background extraction of document $DOC"
    await_extraction "$DOC" "$EXTRACT_WAIT"
    reason="$(api 200 GET "/api/v1/documents/$DOC" | jq -r '.status_reason // ""')"
    EXTRACTION="$DOC_STATUS after ${WAITED_S}s${reason:+: $reason}"
fi
stop_pid "$SAMPLER" TERM
SAMPLER=""

# --- summary -------------------------------------------------------------------------------
peak_kb() { awk -v p="$1" '$2 == p && $3 > m {m = $3} END {print m + 0}' "$SAMPLES"; }
nsamples() { awk -v p="$1" '$2 == p {n++} END {print n + 0}' "$SAMPLES"; }
PEAK_UP="$(peak_kb upload)" PEAK_EX="$(peak_kb extraction)"
[[ "$PEAK_UP" -lt "$RSS_AFTER" ]] && PEAK_UP="$RSS_AFTER"
UP_MBS="$(awk -v b="$BYTES" -v s="$UP_S" 'BEGIN { if (s > 0) printf "%.1f", b / 1048576 / s; else print "n/a" }')"
RAW_MBS="$(awk -v b="$BYTES" -v ms="$RAW_MS" 'BEGIN { printf "%.1f", b / 1048576 / (ms / 1000) }')"
TWO_MBS="$(awk -v b="$BYTES" -v ms="$TWO_MS" 'BEGIN { printf "%.1f", b / 1048576 / (ms / 1000) }')"
SHA_MBS="$(awk -v b="$BYTES" -v ms="$SHA_MS" 'BEGIN { printf "%.0f", b / 1048576 / (ms / 1000) }')"
GROWTH_KB=$((RSS_AFTER - RSS_BEFORE))
verdict="$(awk -v g="$GROWTH_KB" -v t="$GROWTH_TARGET_MB" 'BEGIN { print (g < t * 1024 ? "MET" : "MISSED") }')"
problems="$(service_problems "$APP_LOG")"

row() { printf '%-46s %12s %12s\n' "$@"; }
summary_header "RingWatch upload, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, one $SIZE_MB MB file (MB = 2^20 bytes), JAVA_OPTS=${JAVA_OPTS:-(none)}"
row "measure" "time" "MB/s"
row "upload, curl time_total (HTTP $UP_CODE)" "$(awk -v s="$UP_S" 'BEGIN { printf "%.2f s", s }')" "$UP_MBS"
row "ceiling: raw write, dd conv=fsync (median)" "$(awk -v ms="$RAW_MS" 'BEGIN { printf "%.2f s", ms / 1000 }')" "$RAW_MBS"
row "ceiling: two writes, spool + copy/fsync (med.)" "$(awk -v ms="$TWO_MS" 'BEGIN { printf "%.2f s", ms / 1000 }')" "$TWO_MBS"
row "for reference: sha256sum of the file (cached)" "$(awk -v ms="$SHA_MS" 'BEGIN { printf "%.2f s", ms / 1000 }')" "$SHA_MBS"
# The upload must write the bytes and hash them: the slower of the two is its ceiling (issue 12).
CEIL_MBS="$(awk -v r="$RAW_MBS" -v h="$SHA_MBS" 'BEGIN { print (r < h ? r : h) }')"
echo "upload / raw write  = $(ratio "$UP_MBS" "$RAW_MBS")   (one write with fsync)"
echo "upload / two writes = $(ratio "$UP_MBS" "$TWO_MBS")"
echo "upload / ceiling    = $(ratio "$UP_MBS" "$CEIL_MBS")   (ceiling $CEIL_MBS MB/s: the slower of raw write and sha256sum; target >= 0.6)"
# Phases of the upload, from the samples (100 ms resolution): when the spool file reached the
# full size, and when the blob store's .part file was seen.
phases() {
    awk -v full="$BYTES" -v total="$UP_S" '
        $2 != "upload" { next }
        $5 > 0 && spool0 == "" { spool0 = $1 }
        $5 >= full && spoolfull == "" { spoolfull = $1 }
        $6 > 0 { if (part0 == "") part0 = $1; part1 = $1 }
        END {
            f = "%.1f"
            printf "spool file from %s s, full at %s s; blob .part seen %s-%s s; answer at %.1f s",
                (spool0 == "" ? "?" : sprintf(f, spool0 / 1000)), (spoolfull == "" ? "?" : sprintf(f, spoolfull / 1000)),
                (part0 == "" ? "?" : sprintf(f, part0 / 1000)), (part1 == "" ? "?" : sprintf(f, part1 / 1000)), total
        }' "$SAMPLES"
}
line() { printf '%-42s %s\n' "$1" "$2"; }
line "where the upload's time went (samples)" "$(phases)"
line "java CPU during the upload" "$(awk -v u=$((UT1 - UT0)) -v s=$((ST1 - ST0)) -v hz="$CLK_TCK" -v w="$UP_S" \
    'BEGIN { printf "user %.2f s + sys %.2f s = %.0f%% of one core over the %.2f s", u / hz, s / hz, (u + s) / hz / w * 100, w }')"
line "java RSS before / right after / growth" "$(kb_mb "$RSS_BEFORE") MB / $(kb_mb "$RSS_AFTER") MB / $(awk -v k="$GROWTH_KB" 'BEGIN { printf "%+.0f", k / 1024 }') MB   target growth < $GROWTH_TARGET_MB MB: $verdict"
line "java RSS peak during the upload" "$(kb_mb "$PEAK_UP") MB ($(nsamples upload) samples, 100 ms apart); VmHWM $(kb_mb "$HWM_BEFORE") MB before, $(kb_mb "$HWM_AFTER") MB after"
if ((EXTRACT_WAIT > 0)); then
    line "java RSS peak during the extraction wait" "$(kb_mb "$PEAK_EX") MB ($(nsamples extraction) samples)"
fi
line "range 0-99 of /api/v1/documents/$DOC/file" "HTTP $RANGE_CODE, $RANGE_LEN bytes, Content-Range: ${CONTENT_RANGE:-none}, same as head -c 100: $RANGE_OK"
line "stored blob" "$STORED"
line "spool files over 1 MB left after it" "$LEFT_SPOOL (uploads dir and java.io.tmpdir)"
line "background extraction" "$EXTRACTION"
print_problems "service log" "$problems"
[[ "$RANGE_OK" == OK ]] || exit 1
