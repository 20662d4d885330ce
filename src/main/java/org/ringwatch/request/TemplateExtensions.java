package org.ringwatch.request;

import io.quarkus.qute.TemplateExtension;
import org.ringwatch.state.BusinessCalendar;

import java.time.LocalDate;
import java.util.List;

/** Small helpers the request templates call on plain values. */
@TemplateExtension
public class TemplateExtensions {

    /** "fee_requested" → "Fee requested". */
    static String statusLabel(String code) {
        return RequestStatus.fromCode(code).map(RequestStatus::label).orElse(code);
    }

    /** For a value placed in a link's query string. */
    static String urlEncoded(String value) {
        return java.net.URLEncoder.encode(value == null ? "" : value, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** "in_person" → "in person". */
    static String spaced(String code) {
        return code.replace('_', ' ');
    }

    /**
     * A typed text's lines, each to be shown on its own: HTML would run a numbered list of
     * records into one paragraph. Any line ending counts (browsers send CRLF).
     */
    static List<String> asLines(String text) {
        return text == null ? List.of() : text.lines().toList();
    }

    /** "Wed 2026-12-30", as in the deadline explanations. */
    static String weekday(LocalDate date) {
        return BusinessCalendar.format(date);
    }
}
