package org.ringwatch.dump;

import org.ringwatch.agreement.AgreementAccess;
import org.ringwatch.document.DocumentAccess;
import org.ringwatch.document.DocumentList;
import org.ringwatch.request.RequestAccess;

import java.util.List;

import static org.ringwatch.dump.DumpTable.Origin.ATLAS_AND_RINGWATCH;
import static org.ringwatch.dump.DumpTable.Type.ARRAY;
import static org.ringwatch.dump.DumpTable.Type.BOOLEAN;
import static org.ringwatch.dump.DumpTable.Type.DATE;
import static org.ringwatch.dump.DumpTable.Type.DATETIME;
import static org.ringwatch.dump.DumpTable.Type.INTEGER;
import static org.ringwatch.dump.DumpTable.Type.NUMBER;
import static org.ringwatch.dump.DumpTable.Type.OBJECT;
import static org.ringwatch.dump.DumpTable.Type.STRING;
import static org.ringwatch.dump.DumpTable.table;

/**
 * The tables of a dump and the SQL that reads them: the same public facts the site and the API
 * show, through each feature's own public rule ({@link RequestAccess#PUBLIC},
 * {@link DocumentAccess#PUBLIC}, {@link AgreementAccess#PUBLIC}), never a copy of it. Accounts,
 * tokens, the audit log, sign-in data, personal-data clearances and jobs are in no table.
 *
 * <p>Every foreign key names a row that is in the dump too: a reference to something the public
 * may not see (a private log entry, a document not yet public) is left empty, as the API shows
 * a citation without its document. Queries bind {@code :today}, the day embargoes are reckoned
 * against, and order by the primary key so two dumps of the same data are the same bytes.
 */
final class PublicTables {

    /** Public requests, aliased r: filed and out of embargo. */
    private static final String PUBLIC_REQUESTS = "SELECT r.id FROM records_request r WHERE " + RequestAccess.PUBLIC;

    /** Public documents' ids (documents d, their requests r). */
    private static final String PUBLIC_DOCUMENTS = "SELECT d.id FROM document d"
            + " LEFT JOIN records_request r ON r.id = d.request_id WHERE " + DocumentAccess.PUBLIC;

    /** A cited page the public may read: its document is public and the page is not withheld (c: the citation). */
    private static final String READABLE_CITATION = "(c.document_id IN (" + " " + PUBLIC_DOCUMENTS + " " + ")"
            + " AND NOT EXISTS (SELECT 1 FROM document_page wp WHERE wp.document_id = c.document_id"
            + " AND wp.page_number = c.page_number AND wp.withheld))";

    /** Agreements anyone may see, aliased a. */
    private static final String PUBLIC_AGREEMENTS = "SELECT a.id FROM agreement a WHERE " + AgreementAccess.PUBLIC;

    static final List<DumpTable> ALL = List.of(
            table("states", "States", "The federal government, the 50 states and DC, by USPS code")
                    .required("code", STRING, "USPS code; US for the federal government")
                    .required("name", STRING, "Name")
                    .required("kind", STRING, "federal, state or district")
                    .key("code")
                    .sql("SELECT code, name, kind FROM state ORDER BY code"),

            table("sources", "Sources", "Where dated facts and laws come from, with the licence the source states")
                    .required("id", INTEGER, "Source id")
                    .optional("url", STRING, "Address; empty for a compilation with no one address")
                    .required("title", STRING, "Title")
                    .required("publisher", STRING, "Publisher")
                    .optional("licence", STRING, "Licence as the source states it; empty when it states none")
                    .optional("retrieved", STRING, "Snapshot or retrieval date as the source gives it")
                    .key("id")
                    .sql("SELECT id, url, title, publisher, licence, retrieved FROM source ORDER BY id"),

            table("records_laws", "Public-records laws",
                    "Each jurisdiction's public-records law and deadlines; empty days mean no statutory number of days")
                    .required("id", INTEGER, "Law id")
                    .required("state_code", STRING, "The state (states.code)")
                    .optional("effective_from", DATE, "From when this version applies; empty for the current one")
                    .required("law_name", STRING, "Name of the law")
                    .required("citation", STRING, "Citation")
                    .required("deadline_as_written", STRING, "The deadline as the source wrote it")
                    .required("day_type_as_written", STRING, "Business or calendar days, as the source wrote it")
                    .optional("first_deadline_days", INTEGER, "Days to the first deadline; empty: none set by law")
                    .optional("first_deadline_day_type", STRING, "business or calendar")
                    .optional("second_deadline_days", INTEGER, "Days to the second stage, if any")
                    .optional("second_deadline_day_type", STRING, "business or calendar")
                    .required("second_deadline_from_acknowledgment", BOOLEAN,
                            "The second stage counts from the acknowledgment, not from filing")
                    .required("missed_deadline_is_denial", BOOLEAN, "A missed deadline counts as a denial")
                    .required("what_is_due", STRING, "What is due by the deadline")
                    .optional("extension", STRING, "Extensions allowed")
                    .optional("administrative_appeal", STRING, "Administrative appeal")
                    .optional("judicial_review", STRING, "Judicial review")
                    .optional("requester_restriction", STRING, "Who may ask; empty when anyone may")
                    .required("confidence", STRING, "H (checked) or M (needs checking against the statute)")
                    .optional("notes", STRING, "Notes")
                    .required("source_id", INTEGER, "The source (sources.id)")
                    .key("id").references("state_code", "states", "code").references("source_id", "sources", "id")
                    .sql("""
                            SELECT id, state_code, effective_from, law_name, citation, deadline_as_written,
                                   day_type_as_written, first_deadline_days, first_deadline_day_type,
                                   second_deadline_days, second_deadline_day_type,
                                   second_deadline_from_acknowledgment, missed_deadline_is_denial, what_is_due,
                                   extension, administrative_appeal, judicial_review, requester_restriction,
                                   confidence, notes, source_id
                              FROM records_law ORDER BY id"""),

            table("holiday_rules", "Legal holidays", "Legal holidays as rules; state US is the federal set")
                    .required("id", INTEGER, "Rule id")
                    .required("state_code", STRING, "The state (states.code)")
                    .required("name", STRING, "Holiday")
                    .required("kind", STRING, "fixed_date, nth_weekday or last_weekday")
                    .required("month", INTEGER, "Month, 1-12")
                    .optional("day_of_month", INTEGER, "Day of the month, for fixed_date")
                    .optional("day_of_week", INTEGER, "ISO day of the week, 1 = Monday")
                    .optional("nth", INTEGER, "Which weekday of the month, for nth_weekday")
                    .required("observed", STRING, "none, federal or sunday_to_monday")
                    .optional("first_year", INTEGER, "First year it applies")
                    .optional("last_year", INTEGER, "Last year it applies")
                    .required("citation", STRING, "Statute")
                    .key("id").references("state_code", "states", "code")
                    .sql("""
                            SELECT id, state_code, name, kind, month, day_of_month, day_of_week, nth, observed,
                                   first_year, last_year, citation
                              FROM holiday_rule ORDER BY id"""),

            table("jurisdictions", "Cities and counties", "Places agencies sit in and serve")
                    .required("id", INTEGER, "Jurisdiction id")
                    .required("state_code", STRING, "The state (states.code)")
                    .required("kind", STRING, "county or city")
                    .required("name", STRING, "Name (Unicode NFC)")
                    .required("slug", STRING, "Slug within the state")
                    .optional("geoid", STRING, "Census FIPS / GEOID")
                    .optional("population", INTEGER, "Population")
                    .optional("latitude", NUMBER, "Latitude")
                    .optional("longitude", NUMBER, "Longitude")
                    .key("id").references("state_code", "states", "code").origin(ATLAS_AND_RINGWATCH)
                    .sql("""
                            SELECT id, state_code, kind, name, slug, geoid, population, latitude, longitude
                              FROM jurisdiction ORDER BY id"""),

            table("agencies", "Agencies", "Police, sheriff's and other agencies; names repeat across states")
                    .required("id", INTEGER, "Agency id")
                    .required("state_code", STRING, "The state (states.code)")
                    .required("name", STRING, "Name (Unicode NFC)")
                    .required("slug", STRING, "Slug within the state; the API's agency key is state_code/slug")
                    .required("kind", STRING, "police, sheriff or other")
                    .optional("kind_as_written", STRING, "The kind as the source wrote it")
                    .required("jurisdiction_level", STRING, "municipal, county, parish, regional or state")
                    .optional("city_id", INTEGER, "The city it sits in (jurisdictions.id)")
                    .optional("records_email", STRING, "The agency's public-records address")
                    .optional("records_portal_url", STRING, "The agency's public-records portal")
                    .optional("records_postal_address", STRING, "The agency's public-records postal address")
                    .optional("website_url", STRING, "Web site")
                    .key("id").references("state_code", "states", "code").references("city_id", "jurisdictions", "id")
                    .origin(ATLAS_AND_RINGWATCH)
                    .sql("""
                            SELECT id, state_code, name, slug, kind, kind_as_written, jurisdiction_level, city_id,
                                   records_email, records_portal_url, records_postal_address, website_url
                              FROM agency ORDER BY id"""),

            table("agency_counties", "Counties served", "The counties an agency serves")
                    .required("agency_id", INTEGER, "The agency (agencies.id)")
                    .required("county_id", INTEGER, "The county (jurisdictions.id)")
                    .key("agency_id", "county_id").references("agency_id", "agencies", "id")
                    .references("county_id", "jurisdictions", "id").origin(ATLAS_AND_RINGWATCH)
                    .sql("SELECT agency_id, county_id FROM agency_county ORDER BY agency_id, county_id"),

            table("partnership_facts", "Partnership facts",
                    "Dated facts of an agency's partnership with Ring, each to its precision and with its source")
                    .required("id", INTEGER, "Fact id")
                    .required("agency_id", INTEGER, "The agency (agencies.id)")
                    .required("kind", STRING, "portal_active, agreement_signed, council_approval, announced or ended")
                    .required("occurred_on", DATE, "The date; a month- or year-precise one is its first day")
                    .required("precision", STRING, "day, month or year")
                    .required("source_id", INTEGER, "The source (sources.id)")
                    .optional("source_record", STRING, "The row's id in its source (Atlas AOS number)")
                    .optional("statement", STRING, "The source's own sentence for the fact")
                    .key("id").references("agency_id", "agencies", "id").references("source_id", "sources", "id")
                    .origin(ATLAS_AND_RINGWATCH)
                    .sql("""
                            SELECT id, agency_id, kind, occurred_on, precision, source_id, source_record, statement
                              FROM partnership_fact ORDER BY id"""),

            table("agency_links", "Agency links", "Records about an agency published elsewhere")
                    .required("id", INTEGER, "Link id")
                    .required("agency_id", INTEGER, "The agency (agencies.id)")
                    .required("url", STRING, "Address")
                    .optional("publisher", STRING, "Publisher")
                    .optional("dated", DATE, "Date of the record")
                    .required("source_id", INTEGER, "The source (sources.id)")
                    .key("id").references("agency_id", "agencies", "id").references("source_id", "sources", "id")
                    .origin(ATLAS_AND_RINGWATCH)
                    .sql("SELECT id, agency_id, url, publisher, dated, source_id FROM agency_link ORDER BY id"),

            table("requests", "Public-records requests",
                    "Requests filed by volunteers and out of embargo; drafts, embargoed requests and private notes are never in a dump")
                    .required("id", INTEGER, "Request id, as in /api/v1/requests/{id}")
                    .required("agency_id", INTEGER, "The agency asked (agencies.id)")
                    .required("title", STRING, "Title")
                    .required("records_sought", STRING, "The records asked for")
                    .required("status", STRING, "Status")
                    .required("filed_on", DATE, "Day it was filed")
                    .required("requester_name", STRING, "The requester's display name, as the request page shows it")
                    .key("id").references("agency_id", "agencies", "id")
                    .sql("""
                            SELECT r.id, r.agency_id, r.title, r.records_sought, r.status, r.filed_on,
                                   u.display_name
                              FROM records_request r JOIN account u ON u.id = r.requester_id
                             WHERE \s""" + " " + RequestAccess.PUBLIC + " " + " ORDER BY r.id"),

            table("request_events", "Correspondence log",
                    "The public entries of each public request's log; private entries are never in a dump")
                    .required("id", INTEGER, "Entry id")
                    .required("request_id", INTEGER, "The request (requests.id)")
                    .required("occurred_on", DATE, "Day")
                    .required("direction", STRING, "sent, received or note")
                    .optional("channel", STRING, "email, portal, mail, fax, phone or in_person")
                    .optional("subject", STRING, "Subject")
                    .optional("body", STRING, "Text")
                    .optional("status_to", STRING, "The status the entry moved the request to")
                    .optional("exemption_cited", STRING, "Exemption the agency cited")
                    .optional("fee_quoted", NUMBER, "Fee quoted, USD")
                    .optional("fee_paid", NUMBER, "Fee paid, USD")
                    .key("id").references("request_id", "requests", "id")
                    // NOT e.is_private: what RequestViews hides from everyone but the requester and moderators.
                    .sql("""
                            SELECT e.id, e.request_id, e.occurred_on, e.direction, e.channel, e.subject, e.body,
                                   e.status_to, e.exemption_cited, e.fee_quoted, e.fee_paid
                              FROM request_event e JOIN records_request r ON r.id = e.request_id
                             WHERE NOT e.is_private AND \s""" + " " + RequestAccess.PUBLIC + " " + " ORDER BY e.id"),

            table("request_tracking_numbers", "Tracking numbers",
                    "The agencies' own numbers for public requests, except those logged with a private entry")
                    .required("request_id", INTEGER, "The request (requests.id)")
                    .required("tracking_number", STRING, "The agency's number")
                    .key("request_id", "tracking_number").references("request_id", "requests", "id")
                    .sql("""
                            SELECT t.request_id, t.tracking_number
                              FROM request_tracking_number t JOIN records_request r ON r.id = t.request_id
                              LEFT JOIN request_event e ON e.id = t.event_id
                             WHERE e.is_private IS NOT TRUE AND \s""" + " " + RequestAccess.PUBLIC
                            + " ORDER BY t.request_id, t.tracking_number"),

            table("documents", "Documents",
                    "Published documents anyone may see, with the file the public gets (withheld pages replaced)")
                    .required("id", INTEGER, "Document id, as in /api/v1/documents/{id}")
                    .required("agency_id", INTEGER, "The agency (agencies.id)")
                    .optional("request_id", INTEGER, "The request it came from (requests.id); empty when obtained elsewhere")
                    .optional("event_id", INTEGER, "The log entry it came with (request_events.id), when that entry is public")
                    .optional("source_url", STRING, "Where a document obtained elsewhere was published")
                    .optional("source_publisher", STRING, "Who published a document obtained elsewhere")
                    .required("name", STRING, "File name as uploaded")
                    .optional("file_type", STRING, "pdf, png, jpeg, tiff, text, eml, docx, xlsx or csv")
                    .optional("page_count", INTEGER, "Pages")
                    .required("sha256", STRING, "SHA-256 of the public file, for citing it")
                    .required("size_bytes", INTEGER, "Size of the public file")
                    .optional("published_at", DATETIME, "When it was published (UTC)")
                    .required("file", STRING, "Where to download the public file")
                    .key("id").references("agency_id", "agencies", "id").references("request_id", "requests", "id")
                    .references("event_id", "request_events", "id")
                    .sql("""
                            SELECT d.id, d.agency_id, d.request_id,
                                   (SELECT e.id FROM request_event e WHERE e.id = d.event_id AND NOT e.is_private),
                                   d.source_url, d.source_publisher, d.original_name, d.file_type, d.page_count,
                                   f.sha256, b.size_bytes, d.published_at, '/api/v1/documents/' || d.id || '/file'
                              FROM document d LEFT JOIN records_request r ON r.id = d.request_id
                             CROSS JOIN LATERAL (SELECT \s""" + " " + DocumentList.PUBLIC_FILE + " " + """
                             AS sha256) f
                              JOIN blob b ON b.sha256 = f.sha256
                             WHERE \s""" + " " + DocumentAccess.PUBLIC + " " + " ORDER BY d.id"),

            table("agreements", "Agreements", "Published agreement records")
                    .required("id", INTEGER, "Agreement id, as in /api/v1/agreements/{id}")
                    .required("agency_id", INTEGER, "The agency (agencies.id)")
                    .optional("request_id", INTEGER, "The request the evidence came from (requests.id), when public")
                    .required("kind", STRING, "Kind of paper")
                    .required("title", STRING, "Title")
                    .required("program_names", ARRAY, "Program names (JSON array)")
                    .required("public_parties", ARRAY, "Other public parties that signed (JSON array)")
                    .required("counterparties", ARRAY, "Counterparties (JSON array)")
                    .optional("counterparty_other", STRING, "Another counterparty")
                    .required("execution", STRING, "ink, docusign, click_through or unknown")
                    .optional("approval_body", STRING, "Body that approved it")
                    .optional("votes_for", INTEGER, "Votes for")
                    .optional("votes_against", INTEGER, "Votes against")
                    .optional("end_reason", STRING, "Why it ended")
                    .required("is_template", BOOLEAN, "The agreement others of its kind are compared with")
                    .required("published_at", DATETIME, "When it was published (UTC)")
                    .key("id").references("agency_id", "agencies", "id").references("request_id", "requests", "id")
                    .sql("""
                            SELECT a.id, a.agency_id,
                                   (SELECT r.id FROM records_request r WHERE r.id = a.request_id AND\s"""
                            + " " + RequestAccess.PUBLIC + " " + """
                            ),
                                   a.kind, a.title, a.program_names, a.public_parties, a.counterparties,
                                   a.counterparty_other, a.execution, a.approval_body, a.votes_for, a.votes_against,
                                   a.end_reason, a.is_template, a.published_at
                              FROM agreement a WHERE \s""" + " " + AgreementAccess.PUBLIC + " " + " ORDER BY a.id"),

            table("agreement_documents", "Agreements' evidence", "The public documents each agreement rests on")
                    .required("agreement_id", INTEGER, "The agreement (agreements.id)")
                    .required("document_id", INTEGER, "The document (documents.id)")
                    .key("agreement_id", "document_id").references("agreement_id", "agreements", "id")
                    .references("document_id", "documents", "id")
                    .sql("SELECT agreement_id, document_id FROM agreement_document WHERE agreement_id IN ("
                            + " " + PUBLIC_AGREEMENTS + " " + ") AND document_id IN (" + " " + PUBLIC_DOCUMENTS + " " + ")"
                            + " ORDER BY agreement_id, document_id"),

            table("agreement_dates", "Agreements' dates",
                    "Signed, approved, announced, effective, ended; each cited to a page when its document is public")
                    .required("id", INTEGER, "Date id")
                    .required("agreement_id", INTEGER, "The agreement (agreements.id)")
                    .required("kind", STRING, "signed, approved, announced, effective or ended")
                    .required("occurred_on", DATE, "The date; a month- or year-precise one is its first day")
                    .required("precision", STRING, "day, month or year")
                    .optional("document_id", INTEGER, "The cited document (documents.id), when public")
                    .optional("page_number", INTEGER, "The cited page, when its document is public")
                    .key("id").references("agreement_id", "agreements", "id").references("document_id", "documents", "id")
                    .sql("""
                            SELECT c.id, c.agreement_id, c.kind, c.occurred_on, c.precision,
                                   CASE WHEN c.document_id IN (""" + " " + PUBLIC_DOCUMENTS + " " + """
                            ) THEN c.document_id END,
                                   CASE WHEN c.document_id IN (""" + " " + PUBLIC_DOCUMENTS + " " + """
                            ) THEN c.page_number END
                              FROM agreement_date c WHERE c.agreement_id IN (""" + " " + PUBLIC_AGREEMENTS + " " + ") ORDER BY c.id"),

            table("agreement_signatories", "Signatories", "Who signed each agreement")
                    .required("id", INTEGER, "Signatory id")
                    .required("agreement_id", INTEGER, "The agreement (agreements.id)")
                    .required("ordinal", INTEGER, "Order on the paper")
                    .required("name", STRING, "Name")
                    .optional("title", STRING, "Title")
                    .required("party", STRING, "The party they signed for")
                    .key("id").references("agreement_id", "agreements", "id")
                    .sql("SELECT id, agreement_id, ordinal, name, title, party FROM agreement_signatory"
                            + " WHERE agreement_id IN (" + " " + PUBLIC_AGREEMENTS + " " + ") ORDER BY id"),

            table("agreement_clauses", "Clauses",
                    "What each agreement says on each topic; a quote from a page the public may not read is empty")
                    .required("id", INTEGER, "Clause id")
                    .required("agreement_id", INTEGER, "The agreement (agreements.id)")
                    .required("topic", STRING, "Topic")
                    .required("state", STRING, "present, absent, struck or unknown")
                    .optional("quote", STRING, "The quoted text, when its page is public")
                    .required("quote_withheld", BOOLEAN, "The clause is quoted from a page the public may not read")
                    .optional("document_id", INTEGER, "The cited document (documents.id), when public")
                    .optional("page_number", INTEGER, "The cited page, when its document is public")
                    .required("figures", OBJECT, "Counts and dollars (JSON object), when its page is public")
                    .key("id").references("agreement_id", "agreements", "id").references("document_id", "documents", "id")
                    .sql("""
                            SELECT c.id, c.agreement_id, c.topic, c.state,
                                   CASE WHEN c.document_id IS NULL OR \s""" + " " + READABLE_CITATION + " " + """
                             THEN c.quote END,
                                   c.document_id IS NOT NULL AND NOT \s""" + " " + READABLE_CITATION + " " + """
                            ,
                                   CASE WHEN c.document_id IN (""" + " " + PUBLIC_DOCUMENTS + " " + """
                            ) THEN c.document_id END,
                                   CASE WHEN c.document_id IN (""" + " " + PUBLIC_DOCUMENTS + " " + """
                            ) THEN c.page_number END,
                                   CASE WHEN c.document_id IS NULL OR \s""" + " " + READABLE_CITATION + " " + """
                             THEN c.figures ELSE '{}' END
                              FROM agreement_clause c WHERE c.agreement_id IN (""" + " " + PUBLIC_AGREEMENTS
                            + ") ORDER BY c.id"));

    /** The second file: the text of every page anyone may read. */
    static final DumpTable PAGES = table("document_pages", "Page texts",
            "The text of every page of the public documents, except withheld pages; document_id is documents.id"
                    + " in the dump of the same day")
            .required("document_id", INTEGER, "The document (documents.id of the main dump)")
            .required("page_number", INTEGER, "Page, from 1")
            .optional("text_source", STRING, "text_layer, ocr or parser")
            .optional("text", STRING, "The page's text")
            .key("document_id", "page_number")
            .sql("""
                    SELECT p.document_id, p.page_number, p.text_source, p.text_content
                      FROM document_page p
                     WHERE NOT p.withheld AND p.document_id IN (""" + " " + PUBLIC_DOCUMENTS + " " + """
                    )
                     ORDER BY p.document_id, p.page_number""");

    private PublicTables() {
    }
}
