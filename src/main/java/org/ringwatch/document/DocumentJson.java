package org.ringwatch.document;

import java.time.OffsetDateTime;

/**
 * A document as the viewer may see it, in the documents API and the upload API alike.
 * {@code sha256} and {@code size} describe the bytes {@code file} gives this viewer: the original
 * to its reviewers, to everyone else the public copy (where withheld pages are replaced), whose
 * SHA-256 is {@code public_sha256} (null while nothing is public). A document obtained elsewhere
 * has {@code request} null and says where it was published ({@code source_url}) and by whom
 * ({@code publisher}); {@code agency} is the agency's id either way.
 */
public record DocumentJson(long id, Long request, long agency, String sourceUrl, String publisher, Long event,
        String name, String sha256, long size, String publicSha256, String type, String status, String statusReason,
        String visibility, Integer pageCount, Long duplicateOf, OffsetDateTime createdAt, String file, String page) {

    static DocumentJson of(DocumentView view) {
        Document d = view.document();
        return new DocumentJson(d.id, d.request == null ? null : d.request.id, d.agency.id, d.sourceUrl,
                d.sourcePublisher, d.event == null ? null : d.event.id, d.originalName,
                view.file().sha256(), StoredBlob.sizeOf(view.file().sha256()),
                view.publicFile() == null ? null : view.publicFile().sha256(), d.fileType, d.status,
                d.statusReason, d.visibility, d.pageCount, d.duplicateOf, d.createdAt,
                "/api/v1/documents/" + d.id + "/file", "/documents/" + d.id);
    }
}
