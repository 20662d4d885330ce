package org.ringwatch.document;

import jakarta.enterprise.context.RequestScoped;
import org.ringwatch.request.RecordsRequest;
import org.ringwatch.request.RequestAttachments;

import java.util.List;

/** The request page's list of documents, filtered by {@link DocumentAccess} like every other view of them. */
@RequestScoped
public class RequestDocuments implements RequestAttachments {

    private final DocumentAccess access;

    public RequestDocuments(DocumentAccess access) {
        this.access = access;
    }

    @Override
    public List<Attachment> visibleOn(RecordsRequest request) {
        return Document.ofRequest(request).stream().filter(access::canSee)
                .map(d -> new Attachment(d.id, d.event == null ? null : d.event.id, d.originalName, d.fileType,
                        d.pageCount, d.status, d.isPublished(), d.visibility))
                .toList();
    }
}
