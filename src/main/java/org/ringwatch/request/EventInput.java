package org.ringwatch.request;

import java.util.List;

/**
 * A correspondence entry as a form or the API sends it, before validation: every field is
 * text as typed, so a bad value can be shown back to the person with its message.
 */
public record EventInput(String date, String direction, String channel, String subject, String body, String status,
        String exemption, List<String> trackingNumbers, String fee, String feePaid, boolean isPrivate) {
}
