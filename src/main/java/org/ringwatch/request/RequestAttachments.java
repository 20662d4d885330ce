package org.ringwatch.request;

import io.quarkus.qute.TemplateData;

import java.util.List;

/**
 * The files attached to a request's entries, as its page lists them. The document feature
 * implements it: documents and who may see each are its business, and the request feature sits
 * below it, so the request page asks through this interface instead of importing documents.
 */
public interface RequestAttachments {

    /** A document under the entry it came with; {@code status} and {@code visibility} are codes. */
    @TemplateData
    record Attachment(long id, Long eventId, String originalName, String fileType, Integer pageCount,
            String status, boolean published, String visibility) {
    }

    /** The request's documents this viewer may see, oldest first. */
    List<Attachment> visibleOn(RecordsRequest request);
}
