package org.ringwatch.api;

/**
 * The wording of parameters that many endpoints share, for their OpenAPI annotations: one
 * description of the cursor, the limit or an agency key, so the reference cannot say two things.
 * Examples are values that work together when the reference page's "Try it out" sends them.
 */
public final class ApiDocs {

    public static final String CURSOR = "Opaque: leave it out for the first page, then take it unchanged from the"
            + " previous page's \"next\" link";
    public static final String LIMIT = "Items per page, a whole number from 1"
            + " to " + Paging.MAX_LIMIT + " (default " + Paging.DEFAULT_LIMIT + ")";
    public static final String LIMIT_EXAMPLE = "20";
    public static final String STATE = "USPS code of a state or DC (IL, DC), any case";
    public static final String STATE_EXAMPLE = "IL";
    public static final String AGENCY_KEY = "An agency as \"<state code>/<agency slug>\", as in /api/v1/agencies";
    public static final String AGENCY_KEY_EXAMPLE = "IL/aurora-police-department";
    public static final String SLUG = "The agency's slug within its state, as in /api/v1/agencies";
    public static final String SLUG_EXAMPLE = "aurora-police-department";
    public static final String DOCUMENT_ID = "A document's id, as uploads and search hits give it";
    public static final String PAGE_NUMBER = "A page number, from 1";
    public static final String REQUEST_ID = "A request's id, as in /api/v1/requests";
    public static final String AGREEMENT_ID = "An agreement's id, as in /api/v1/agreements";
    public static final String ID_EXAMPLE = "1";
    public static final String FORMAT = "json (the default), csv or ndjson; overrides the Accept header, so a browser"
            + " link can ask for CSV";
    public static final String FORMAT_EXAMPLE = "json";
    public static final String UPDATED_SINCE = "Sync: the changes since the mark the previous sync's last page"
            + " handed back in its Link rel=\"sync\" (send it unchanged), with tombstones for what the public may no"
            + " longer see; or, for a first sync, an ISO-8601 timestamp (1970-01-01T00:00:00Z for everything)";
    public static final String UPDATED_SINCE_EXAMPLE = "1970-01-01T00:00:00Z";
    public static final String ALL = "true: the whole filtered list in one response, streamed, instead of a page";
    public static final String ALL_EXAMPLE = "false";

    private ApiDocs() {
    }
}
