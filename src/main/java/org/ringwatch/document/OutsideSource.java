package org.ringwatch.document;

import org.ringwatch.agency.Agency;

import java.net.URI;
import java.net.URISyntaxException;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where a document obtained outside RingWatch was published, and by whom: the form, the API and
 * the service check it here, with one message per field. The address is shown to the public as a
 * link, so only http and https with a host pass (never {@code javascript:} or {@code data:}).
 *
 * @param url       as typed, stripped
 * @param publisher as typed, stripped and NFC-normalised, as names are stored
 */
public record OutsideSource(String url, String publisher) {

    /** The form fields and API parts, and the keys of their messages. */
    public static final String URL_FIELD = "source_url";
    public static final String PUBLISHER_FIELD = "publisher";
    static final int MAX_URL = 2000;
    static final int MAX_PUBLISHER = 200;

    public static OutsideSource of(String url, String publisher) {
        return new OutsideSource(url == null ? "" : url.strip(),
                publisher == null ? "" : Normalizer.normalize(publisher.strip(), Normalizer.Form.NFC));
    }

    /** The source an upload form's fields give. */
    static OutsideSource of(UploadForm form) {
        return of(form.field(URL_FIELD), form.field(PUBLISHER_FIELD));
    }

    /** A message per field that is wrong, in form order; empty when both are right. */
    Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        String urlProblem = urlProblem();
        if (urlProblem != null) {
            problems.put(URL_FIELD, urlProblem);
        }
        if (publisher.isEmpty()) {
            problems.put(PUBLISHER_FIELD, "Say who published the document (e.g. “the city clerk”, “The Gazette”).");
        } else if (publisher.length() > MAX_PUBLISHER) {
            problems.put(PUBLISHER_FIELD, "Name the publisher in at most " + MAX_PUBLISHER + " characters.");
        } else if (publisher.chars().anyMatch(Character::isISOControl)) {
            problems.put(PUBLISHER_FIELD, "Name the publisher on one line, without control characters.");
        }
        return problems;
    }

    private String urlProblem() {
        if (url.isEmpty()) {
            return "Give the address where the document was published (http:// or https://).";
        }
        if (url.length() > MAX_URL) {
            return "The address is longer than " + MAX_URL + " characters; give a shorter link to the same document.";
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return "Give a web address starting with http:// or https://.";
            }
            // The authority, not the host: java.net.URI leaves the host null for a non-ASCII name.
            if (uri.getRawAuthority() == null || uri.getRawAuthority().isBlank()) {
                return "The address has no host name; give the whole link, e.g. https://example.org/minutes.pdf.";
            }
        } catch (URISyntaxException e) {
            return "This is not a web address we can link to (spaces and some characters must be encoded).";
        }
        return null;
    }

    /** The address as stored: the scheme in lower case, as the database's check reads it. */
    String storedUrl() {
        int colon = url.indexOf(':');
        return url.substring(0, colon).toLowerCase(Locale.ROOT) + url.substring(colon);
    }

    /** The agency outside documents are attached to, for the form and the API to answer 404 without it. */
    public static Optional<Agency> agency(long id) {
        return Agency.findByIdOptional(id);
    }
}
