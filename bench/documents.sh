# Helpers shared by bench/api-lists.sh and bench/csv-export.sh (see bench/README.md), on top of
# lib.sh: generated documents in the benchmark's own embedded PostgreSQL, and the SQL the
# document list runs. Sourced, not run. Uses PGPORT (the embedded server's port) and WORK.

export PGPASSWORD=postgres

# bench_psql ARGS...: psql against the embedded server, quiet, stopping at the first error.
bench_psql() { psql -X -q -v ON_ERROR_STOP=1 -h localhost -p "$PGPORT" -U postgres -d postgres "$@"; }

# The day the service reckons embargoes against (Today.ZONE, America/New_York), as it binds :today.
service_today() { TZ=America/New_York date +%F; }

# generate_documents N: N public documents, and N/10 more that the public may not see, interleaved
# in id order as they would be in a real table (every 11th row):
#   - public: 3 in 4 belong to a request that is filed or further along (status cycles over the
#     non-draft statuses, no embargo), 1 in 4 was obtained outside a request (source_url and
#     publisher, no request), as DocumentAccess.PUBLIC allows; visibility published, published_at set;
#   - not public, in turn: private (never published), withheld, published but on a draft
#     request, published but on a request embargoed until 2099.
# One request per 10 public documents (at least 1), over the seeded agencies (a fixed stride, so
# the corpus is the same in every run); each document has its own blob row (sha256 of its
# number, a size between 10 KB and 5 MB), file types mostly pdf, 1-40 pages, no page rows (the
# list reads pages only to find withheld ones, through a partial index). Ends with VACUUM ANALYZE.
# N must be a multiple of 10. Prints the number of documents the public may see.
generate_documents() {
    local n="$1"
    (( n % 10 == 0 )) || { log "generate_documents: $n is not a multiple of 10"; return 1; }
    bench_psql -v n="$n" <<'SQL'
BEGIN;
CREATE TEMP TABLE bench_agency AS SELECT row_number() OVER (ORDER BY id) AS k, id FROM agency;
CREATE TEMP TABLE bench_admin AS SELECT id FROM account ORDER BY id LIMIT 1;
-- Requests: R public ones (k = 1..R) and R/10 + 1 hidden ones of each kind.
CREATE TEMP TABLE bench_request (k int, kind text, id bigint, agency_id bigint);
WITH r AS (
    SELECT g, greatest(1, :n / 10) AS nr FROM generate_series(1, greatest(1, :n / 10) + 2 * (greatest(1, :n / 10) / 10 + 1)) g
), made AS (
    INSERT INTO records_request (agency_id, requester_id, title, records_sought, status, filed_on, embargo_until,
                                 created_at, updated_at)
    SELECT a.id, (SELECT id FROM bench_admin), 'Ring agreements (bench ' || g || ')',
           'Agreements, MOUs and correspondence with Ring LLC',
           CASE WHEN g <= nr THEN (ARRAY['filed', 'acknowledged', 'processing', 'fee_requested', 'partially_fulfilled',
                                         'fulfilled', 'fulfilled', 'no_responsive_records', 'denied', 'appealed'])[1 + g % 10]
                WHEN g % 2 = 0 THEN 'draft' ELSE 'filed' END,
           CASE WHEN g <= nr OR g % 2 = 1 THEN DATE '2024-01-02' + (g % 500) END,
           CASE WHEN g > nr AND g % 2 = 1 THEN DATE '2099-01-01' END,
           timestamptz '2024-01-01 12:00+00' + g * interval '1 hour', timestamptz '2024-01-01 12:00+00' + g * interval '1 hour'
      FROM r JOIN bench_agency a ON a.k = 1 + (g::bigint * 7919) % (SELECT count(*) FROM bench_agency)
    RETURNING id, agency_id, status, embargo_until
)
INSERT INTO bench_request
SELECT row_number() OVER (PARTITION BY kind ORDER BY id), kind, id, agency_id
  FROM (SELECT id, agency_id, CASE WHEN status = 'draft' THEN 'draft'
                                   WHEN embargo_until IS NOT NULL THEN 'embargoed' ELSE 'public' END AS kind FROM made) m;
CREATE INDEX ON bench_request (kind, k);
ANALYZE bench_request;

-- Documents g = 1 .. N + N/10; every 11th (g % 11 = 10) is one the public may not see.
CREATE TEMP TABLE bench_doc AS
WITH counts AS (SELECT count(*) FILTER (WHERE kind = 'public') AS np, count(*) FILTER (WHERE kind = 'draft') AS nd,
                       count(*) FILTER (WHERE kind = 'embargoed') AS ne FROM bench_request),
     g AS (SELECT g, g % 11 = 10 AS hidden, (g / 11) % 4 AS hidden_kind FROM generate_series(1, :n + :n / 10) g)
SELECT g.*, encode(sha256(('ringwatch-bench-' || g)::bytea), 'hex') AS sha,
       10000 + (g::bigint * 2654435761) % 5000000 AS size,
       CASE WHEN NOT hidden AND g % 4 = 0 THEN NULL                        -- obtained outside a request
            WHEN NOT hidden OR hidden_kind IN (0, 1) THEN 'public'
            WHEN hidden_kind = 2 THEN 'draft' ELSE 'embargoed' END AS rkind,
       CASE WHEN NOT hidden THEN 1 + (g * 31) % np
            WHEN hidden_kind IN (0, 1) THEN 1 + g % np
            WHEN hidden_kind = 2 THEN 1 + g % nd ELSE 1 + g % ne END AS rk
  FROM g CROSS JOIN counts;
INSERT INTO blob (sha256, size_bytes, media_type, stored_at)
SELECT sha, size, 'application/pdf', timestamptz '2024-01-01 00:00+00' + g * interval '1 minute' FROM bench_doc;

INSERT INTO document (request_id, agency_id, blob_sha256, original_name, uploaded_by, status, visibility,
                      withheld_reason, page_count, published_at, published_by, file_type, source_url,
                      source_publisher, processed_at, created_at, updated_at)
SELECT r.id, coalesce(r.agency_id, a.id), d.sha,
       'ring-' || CASE WHEN d.g % 7 = 0 THEN 'correspondence' WHEN d.g % 3 = 0 THEN 'invoice' ELSE 'mou' END || '-' || d.g || '.pdf',
       (SELECT id FROM bench_admin), 'ready',
       CASE WHEN d.hidden AND d.hidden_kind = 0 THEN 'private' WHEN d.hidden AND d.hidden_kind = 1 THEN 'withheld' ELSE 'published' END,
       CASE WHEN d.hidden AND d.hidden_kind = 1 THEN 'Personal data (bench)' END,
       1 + d.g % 40,
       CASE WHEN d.hidden AND d.hidden_kind = 0 THEN NULL ELSE timestamptz '2024-02-01 15:00+00' + d.g * interval '1 minute' END,
       CASE WHEN d.hidden AND d.hidden_kind = 0 THEN NULL ELSE (SELECT id FROM bench_admin) END,
       'pdf',
       CASE WHEN r.id IS NULL THEN 'https://example.org/bench/' || d.g END,
       CASE WHEN r.id IS NULL THEN 'Bench Gazette' END,
       timestamptz '2024-02-01 14:00+00' + d.g * interval '1 minute',
       timestamptz '2024-02-01 14:00+00' + d.g * interval '1 minute',
       timestamptz '2024-02-01 15:00+00' + d.g * interval '1 minute'
  FROM bench_doc d
  LEFT JOIN bench_request r ON r.kind = d.rkind AND r.k = d.rk
  JOIN bench_agency a ON a.k = 1 + (d.g::bigint * 104729) % (SELECT count(*) FROM bench_agency)
 ORDER BY d.g;
COMMIT;
VACUUM ANALYZE blob;
VACUUM ANALYZE document;
VACUUM ANALYZE records_request;
SQL
}

# document_list_sql TODAY AFTER_ID LIMIT: the statement DocumentList.page runs for
# GET /api/v1/documents (no filters, sort=id), with its parameters as literals: :today as TODAY,
# the cursor's id as AFTER_ID (empty: the first page, no keyset condition) and LIMIT (empty: no
# LIMIT, the whole list, as COPY reads it). ListResponses asks for one row more than the page's
# limit, to know whether there is a next page.
#
# It repeats the service's SQL on purpose (DocumentList.COLUMNS, FROM and page(), with
# DocumentAccess.PUBLIC and RequestAccess.PUBLIC spliced in): KEEP IT IN STEP with the Java when
# that query changes. The scripts check that it returns the same rows as the service.
document_list_sql() {
    local today="$1" after="$2" limit="$3"
    cat <<SQL
SELECT d.id, d.request_id, a.state_code, a.slug, a.name AS agency_name, d.original_name, d.file_type,
       d.page_count, f.sha256, b.size_bytes, d.published_at
  FROM document d
  JOIN agency a ON a.id = d.agency_id
  LEFT JOIN records_request r ON r.id = d.request_id
 CROSS JOIN LATERAL (SELECT CASE WHEN EXISTS (SELECT 1 FROM document_page w
                                              WHERE w.document_id = d.id AND w.withheld)
                            THEN d.public_blob_sha256 ELSE d.blob_sha256 END AS sha256) f
  JOIN blob b ON b.sha256 = f.sha256
 WHERE d.visibility = 'published'
   AND (NOT EXISTS (SELECT 1 FROM document_page w WHERE w.document_id = d.id AND w.withheld)
        OR (d.file_type = 'pdf' AND d.public_blob_sha256 IS NOT NULL))
   AND (d.request_id IS NULL OR (r.status <> 'draft' AND (r.embargo_until IS NULL OR r.embargo_until <= DATE '$today')))
SQL
    [[ -n "$after" ]] && echo "   AND d.id > CAST('$after' AS bigint)"
    echo " ORDER BY d.id${limit:+ LIMIT $limit}"
}
