package org.ringwatch.request;

import io.quarkus.qute.TemplateData;

import java.util.List;

/**
 * The open requests to one agency, as the viewer may know of them: the ones they may see, and
 * only a count of the rest (drafts and embargoed requests of other volunteers), so that a
 * duplicate warning never names what is private to someone else [ASVS 8.2.1].
 */
@TemplateData
public record OpenRequests(List<RecordsRequest> visible, int hidden) {

    public boolean isEmpty() {
        return visible.isEmpty() && hidden == 0;
    }

    public int count() {
        return visible.size() + hidden;
    }

    /** One sentence for the API's 409: the ids the caller may follow, and how many are private. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        if (!visible.isEmpty()) {
            text.append("ids ").append(visible.stream().map(r -> String.valueOf(r.id)).toList());
        }
        if (hidden > 0) {
            text.append(visible.isEmpty() ? "" : ", and ").append(hidden)
                    .append(hidden == 1 ? " private one" : " private ones")
                    .append(" that only its volunteer can see");
        }
        return text.toString();
    }
}
