package org.ringwatch.document;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.ringwatch.account.Account;
import org.ringwatch.agency.Agency;
import org.ringwatch.audit.Audit;
import org.ringwatch.platform.RingWatchConfig;
import org.ringwatch.request.RecordsRequest;
import org.ringwatch.request.RequestEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Accepts uploaded files onto a correspondence entry, or as documents obtained elsewhere about an
 * agency, and moves documents through review.
 *
 * <p>Order matters for crash safety: every file's type is checked first (one refusal refuses
 * the whole upload, so nothing is half-applied), then the bytes go into the blob store (complete
 * and on disk), and only then are the rows written, in one transaction. A crash between the two
 * leaves an unreferenced blob, which the sweeper removes; never a row without its file.
 */
@ApplicationScoped
public class DocumentService {

    /** The longest reason for withholding: it is printed on the page that replaces a withheld one. */
    static final int MAX_REASON = 500;

    /**
     * One file as received: the name the client gave and its bytes. An upload's bytes arrived
     * straight into the blob store ({@code received}, hashed on the way), and are kept from
     * there; other files ({@code file}, an e-mail's attachment) are copied in.
     */
    public record Upload(String name, Path file, Incoming received) {
        public Upload(String name, Path file) {
            this(name, file, null);
        }

        static Upload of(String name, Incoming received) {
            return new Upload(name, received.file(), received);
        }
    }

    private final BlobStore blobs;
    private final Audit audit;
    private final EntityManager em;
    private final RingWatchConfig config;
    private final Event<JobQueued> jobQueued;

    public DocumentService(BlobStore blobs, Audit audit, EntityManager em, RingWatchConfig config,
            Event<JobQueued> jobQueued) {
        this.blobs = blobs;
        this.audit = audit;
        this.em = em;
        this.config = config;
        this.jobQueued = jobQueued;
    }

    /**
     * The documents made, or per-file messages (keyed by the sanitised name) when any file is
     * refused; {@code tooLarge} when a refusal is the size limit (the API answers 413 for it).
     */
    public record Result(List<Document> documents, Map<String, String> errors, boolean tooLarge) {
        public boolean failed() {
            return !errors.isEmpty();
        }
    }

    public Result attach(Account actor, long requestId, long eventId, List<Upload> uploads) {
        return attach(actor, Origin.request(requestId, eventId), null, uploads);
    }

    /**
     * Files obtained outside RingWatch (council minutes, a published copy of an MOU), as evidence
     * about an agency: no request, but where they were published and by whom. The same checks,
     * storage and processing as {@link #attach}; a wrong source is reported with the files'
     * problems, under {@link OutsideSource#URL_FIELD} and {@link OutsideSource#PUBLISHER_FIELD},
     * and nothing is stored.
     */
    public Result attachOutside(Account actor, long agencyId, OutsideSource source, List<Upload> uploads) {
        Map<String, String> problems = source.problems();
        Origin origin = new Origin(null, null, agencyId, problems.isEmpty() ? source.storedUrl() : null,
                source.publisher());
        return attach(actor, origin, problems, null, uploads);
    }

    /** Files found inside another document (an e-mail's attachments), each on its own, from where the parent came. */
    public List<String> attachChildren(Document parent, List<Upload> uploads) {
        Origin origin = parent.request == null
                ? new Origin(null, null, parent.agency.id, parent.sourceUrl, parent.sourcePublisher)
                : Origin.request(parent.request.id, parent.event == null ? null : parent.event.id);
        List<String> refused = new ArrayList<>();
        for (Upload upload : uploads) {
            Result result = attach(parent.uploadedBy, origin, parent.id, List.of(upload));
            result.errors().forEach((name, reason) -> refused.add(name + ": " + reason));
        }
        return refused;
    }

    /**
     * Where documents come from: a request (and the log entry they arrived with), or an agency and
     * the source they were published at when no request is involved.
     */
    private record Origin(Long requestId, Long eventId, Long agencyId, String sourceUrl, String sourcePublisher) {
        static Origin request(long requestId, Long eventId) {
            return new Origin(requestId, eventId, null, null, null);
        }
    }

    private Result attach(Account actor, Origin origin, Long parentId, List<Upload> uploads) {
        return attach(actor, origin, Map.of(), parentId, uploads);
    }

    /** @param problems refusals found before the files were looked at; the files' are added to them */
    private Result attach(Account actor, Origin origin, Map<String, String> problems, Long parentId,
            List<Upload> uploads) {
        Map<String, String> errors = new LinkedHashMap<>(problems);
        boolean tooLarge = false;
        List<FileType> types = new ArrayList<>();
        if (uploads.isEmpty()) {
            errors.put("file", "Choose at least one file.");
        }
        for (Upload upload : uploads) {
            String name = FileNames.sanitise(upload.name());
            try {
                long size = upload.received() != null ? upload.received().size() : Files.size(upload.file());
                if (size > config.documents().maxFileBytes()) {
                    errors.put(name, "The file is larger than the limit of " + config.documents().maxFileBytes()
                            + " bytes.");
                    tooLarge = true;
                    continue;
                }
                FileType.Verdict verdict = upload.received() != null
                        ? FileType.detect(upload.received().head(), upload.file()) : FileType.detect(upload.file());
                if (!verdict.accepted()) {
                    errors.put(name, verdict.refusal());
                }
                types.add(verdict.type());
            } catch (IOException e) {
                errors.put(name, "The file could not be read.");
            }
        }
        if (!errors.isEmpty()) {
            return new Result(List.of(), errors, tooLarge);
        }
        List<BlobStore.Stored> stored = new ArrayList<>();
        try {
            for (Upload upload : uploads) {
                stored.add(upload.received() != null ? blobs.keep(upload.received()) : blobs.put(upload.file()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Storing an upload failed", e);
        }
        return QuarkusTransaction.requiringNew().call(() -> record(actor, origin, parentId, uploads, types, stored));
    }

    private Result record(Account actor, Origin origin, Long parentId, List<Upload> uploads, List<FileType> types,
            List<BlobStore.Stored> stored) {
        RecordsRequest request = origin.requestId() == null ? null : RecordsRequest.findById(origin.requestId());
        RequestEvent event = origin.eventId() == null ? null : RequestEvent.findById(origin.eventId());
        Agency agency = request == null ? Agency.findById(origin.agencyId()) : request.agency;
        Account uploader = Account.findById(actor.id);
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < uploads.size(); i++) {
            BlobStore.Stored blob = stored.get(i);
            // Freshens and locks a row the sweeper might be forgetting (bytes uploaded again after
            // their documents went), on this instance or another.
            StoredBlob.register(blob.sha256(), blob.size(), types.get(i).mediaType());
            Document existing = Document.find("blobSha256 = ?1 and duplicateOf is null order by id", blob.sha256())
                    .firstResult();
            Document document = new Document();
            document.request = request;
            document.agency = agency;
            document.sourceUrl = origin.sourceUrl();
            document.sourcePublisher = origin.sourcePublisher();
            document.event = event;
            document.parentId = parentId;
            document.blobSha256 = blob.sha256();
            document.originalName = FileNames.sanitise(uploads.get(i).name());
            document.uploadedBy = uploader;
            document.status = "processing";
            document.visibility = "private";
            document.fileType = types.get(i).code();
            document.duplicateOf = existing == null ? null : existing.id;
            document.createdAt = OffsetDateTime.now();
            document.updatedAt = document.createdAt;
            document.persist();
            Jobs.enqueueExtraction(em, document.id);
            jobQueued.fire(new JobQueued());
            Map<String, Object> after = new LinkedHashMap<>();
            if (request != null) {
                after.put("request_id", request.id);
            } else {
                after.put("agency_id", agency.id);
                after.put("source_url", document.sourceUrl);
                after.put("publisher", document.sourcePublisher);
            }
            after.put("sha256", blob.sha256());
            after.put("name", document.originalName);
            after.put("type", document.fileType);
            audit.record(actor.id, "upload", "document", document.id, null, after);
            documents.add(document);
        }
        return new Result(documents, Map.of(), false);
    }

    /**
     * Publishes the document once every personal-data flag on it is resolved.
     *
     * @return why it was not published, or null when it was
     */
    @Transactional
    public String publish(Account moderator, long documentId) {
        // The lock page changes and clearances take, so no flag is reopened under the check.
        Document document = Document.findById(documentId, LockModeType.PESSIMISTIC_WRITE);
        int unresolved = PersonalDataFlag.unresolved(documentId);
        if (unresolved > 0) {
            return unresolved(unresolved);
        }
        String before = document.visibility;
        document.visibility = "published";
        document.withheldReason = null;
        document.publishedAt = OffsetDateTime.now();
        document.publishedBy = moderator.id;
        document.updatedAt = document.publishedAt;
        audit.record(moderator.id, "publish", "document", documentId, Map.of("visibility", before),
                Map.of("visibility", "published"));
        return null;
    }

    /** Why a document with personal data still to check cannot be published. */
    public static String unresolved(int count) {
        return count == 1 ? "1 personal-data item is still to resolve: withhold its page, or say why it is not"
                + " personal. Then publish."
                : count + " personal-data items are still to resolve: withhold their pages, or say why they are not"
                + " personal. Then publish.";
    }

    /** @return an error message, or null when withheld */
    @Transactional
    public String withhold(Account moderator, long documentId, String reason) {
        if (reason == null || reason.isBlank()) {
            return "Say why the document is withheld (the reviewers after you will read it).";
        }
        if (reason.strip().length() > MAX_REASON) {
            return "Say why the document is withheld in at most " + MAX_REASON + " characters.";
        }
        Document document = Document.findById(documentId);
        String before = document.visibility;
        document.visibility = "withheld";
        document.withheldReason = reason.strip();
        document.updatedAt = OffsetDateTime.now();
        audit.record(moderator.id, "withhold", "document", documentId, Map.of("visibility", before),
                Map.of("visibility", "withheld", "reason", document.withheldReason));
        return null;
    }

    /** What withholding or releasing a page came to; {@link #problem} says why nothing changed. */
    public enum PageChange {
        DONE(null),
        NO_SUCH_PAGE("This document has no such page; nothing changed."),
        NO_REASON("Say why the page is withheld: the public reads it on the page that replaces it."),
        REASON_TOO_LONG("Say why the page is withheld in at most " + MAX_REASON + " characters: it has to fit on the"
                + " page that replaces it.");

        public final String problem;

        PageChange(String problem) {
            this.problem = problem;
        }
    }

    /**
     * Withholds one page with a reason, shown to the public where the page was. The public copy
     * made for the pages as they were is dropped in the same transaction: until the copy for the
     * pages as they are now exists, the public gets no file at all, never the original.
     */
    @Transactional
    public PageChange withholdPage(Account moderator, long documentId, int page, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            return PageChange.NO_REASON;
        }
        return why.length() > MAX_REASON ? PageChange.REASON_TOO_LONG : changePage(moderator, documentId, page, why);
    }

    /** Releases a withheld page; the public copy is made again, or is the original once none is withheld. */
    @Transactional
    public PageChange releasePage(Account moderator, long documentId, int page) {
        return changePage(moderator, documentId, page, null);
    }

    /** @param reason why the page is withheld; null to release it */
    private PageChange changePage(Account moderator, long documentId, int page, String reason) {
        // The lock a public copy takes to be saved, so none is saved for pages changed under it.
        Document document = Document.findById(documentId, LockModeType.PESSIMISTIC_WRITE);
        List<?> reasons = em.createNativeQuery(
                        "SELECT withheld_reason FROM document_page WHERE document_id = ?1 AND page_number = ?2")
                .setParameter(1, documentId).setParameter(2, page).getResultList();
        if (reasons.isEmpty()) {
            return PageChange.NO_SUCH_PAGE;
        }
        String before = (String) reasons.get(0);
        if (Objects.equals(before, reason)) {
            return PageChange.DONE;
        }
        em.createNativeQuery("""
                UPDATE document_page SET withheld = ?1, withheld_reason = NULLIF(?2, '')
                 WHERE document_id = ?3 AND page_number = ?4""")
                .setParameter(1, reason != null).setParameter(2, reason == null ? "" : reason).setParameter(3, documentId)
                .setParameter(4, page).executeUpdate();
        document.publicBlobSha256 = null;
        document.publicThumbnailSha256 = null;
        document.updatedAt = OffsetDateTime.now();
        if (!Document.withheldReasons(documentId).isEmpty() && PublicCopy.canCopy(document.type())) {
            Jobs.enqueuePublicCopy(em, documentId);
            jobQueued.fire(new JobQueued());
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("page", page);
        if (reason != null) {
            after.put("reason", reason);
        }
        audit.record(moderator.id, reason == null ? "release_page" : "withhold_page", "document", documentId,
                before == null ? null : Map.of("page", page, "reason", before), after);
        return PageChange.DONE;
    }
}
