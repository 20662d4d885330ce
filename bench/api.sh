# Helpers shared by bench/upload.sh and bench/search.sh (see bench/README.md), on top of lib.sh:
# the first admin, a personal token and a filed request through the real JSON API. Sourced after
# lib.sh, not run. Needs curl and jq. Uses PORT (the service's), WORK, and sets TOKEN, REQUEST_ID
# and EVENT_ID.

BENCH_EMAIL="bench@example.org"
BENCH_PASSWORD="bench password 123"
BENCH_AGENCY="IL/aurora-police-department"

# The first admin is created at start-up from these (the environment, not -D, so the password
# does not show in ps).
export RINGWATCH_ADMIN_EMAIL="$BENCH_EMAIL" RINGWATCH_ADMIN_PASSWORD="$BENCH_PASSWORD"

need_tools() {
    local t
    for t in "$@"; do
        command -v "$t" >/dev/null 2>&1 || { log "$t is missing: install it (Debian: apt-get install $t)"; exit 1; }
    done
}

# api EXPECTED METHOD PATH [JSON]: prints the answer's body. Fails, showing the answer, when its
# status is not EXPECTED. Sends the bearer TOKEN once it is set.
api() {
    local expected="$1" method="$2" path="$3" body="${4:-}" code
    local args=(-s -o "$WORK/api.out" -w '%{http_code}' --max-time 60 -X "$method" -H 'Accept: application/json')
    [[ -n "${TOKEN:-}" ]] && args+=(-H "Authorization: Bearer $TOKEN")
    [[ -n "$body" ]] && args+=(-H 'Content-Type: application/json' --data-binary "$body")
    code="$(curl "${args[@]}" "http://127.0.0.1:$PORT$path")" || code="${code:-000}"
    if [[ "$code" != "$expected" ]]; then
        log "!! $method $path answered $code, expected $expected:"
        cat "$WORK/api.out" >&2 2>/dev/null || true
        log ""
        return 1
    fi
    cat "$WORK/api.out"
}

# A weekday at least a week back (the filing date must not be in the future), as YYYY-MM-DD.
past_weekday() {
    local back=7
    while (($(date -u -d "$back days ago" +%u) > 5)); do back=$((back + 1)); done
    date -u -d "$back days ago" +%F
}

# api_setup: a token for the first admin, a request to IL/aurora-police-department and its
# filing entry (status filed), all through the API. Sets TOKEN, REQUEST_ID, EVENT_ID.
api_setup() {
    local answer
    TOKEN=""
    answer="$(api 201 POST /api/v1/tokens "$(jq -nc --arg e "$BENCH_EMAIL" --arg p "$BENCH_PASSWORD" \
        '{email: $e, password: $p, label: "bench"}')")" || return 1
    TOKEN="$(jq -r .token <<<"$answer")"
    answer="$(api 201 POST /api/v1/requests "$(jq -nc --arg a "$BENCH_AGENCY" \
        '{agency: $a, title: "bench", records: "bench", allow_duplicate: true}')")" || return 1
    REQUEST_ID="$(jq -r .id <<<"$answer")"
    answer="$(api 201 POST "/api/v1/requests/$REQUEST_ID/events" "$(jq -nc --arg d "$(past_weekday)" \
        '{date: $d, direction: "sent", status: "filed"}')")" || return 1
    EVENT_ID="$(jq -r .id <<<"$answer")"
    [[ "$TOKEN" != null && "$REQUEST_ID" =~ ^[0-9]+$ && "$EVENT_ID" =~ ^[0-9]+$ ]] \
        || { log "!! unexpected API answers: token/request/event = ${TOKEN:0:6}…/$REQUEST_ID/$EVENT_ID"; return 1; }
}

# stop_service DATA_DIR: stops the JVM start_app launched, then makes sure its embedded
# PostgreSQL went with it (fast shutdown if it outlived the JVM).
stop_service() {
    local data="$1" pm
    [[ -n "$APP_PID" ]] && stop_pid "$APP_PID" TERM
    await_pg_stop "$data" || true
    pm="$(postmaster_of "$data")" || pm="${PG_SEEN[0]:-}"
    if [[ -n "$pm" ]] && cmdline_has "$pm" "$data/"; then
        log "!! PostgreSQL $pm outlived the JVM: fast shutdown"
        stop_postmaster "$pm"
    fi
}

# embedded_pg_port: the embedded server's port, from the service log line
# jdbc:postgresql://localhost:PORT/postgres (as city-page.sh reads it).
embedded_pg_port() {
    grep -o 'jdbc:postgresql://localhost:[0-9]*/postgres' "$APP_LOG" | head -n 1 | sed -E 's#.*localhost:([0-9]+)/.*#\1#'
}
