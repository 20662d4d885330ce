package org.ringwatch.request;

import io.quarkus.qute.TemplateData;

import java.util.List;

/**
 * A request as one viewer may see it: the log already filtered to what they are allowed, the
 * deadline reckoned. Pages and the API both render from this, so they cannot disagree.
 */
@TemplateData
public record RequestView(RecordsRequest request, List<RequestEvent> events, List<String> trackingNumbers,
        DeadlineCalculator.Reckoning deadline, boolean canSeePrivate, boolean canChange) {

    public String privateNotes() {
        return canSeePrivate ? request.privateNotes : null;
    }
}
