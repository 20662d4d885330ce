package org.ringwatch.document;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;
import org.ringwatch.platform.DatabaseOutage;
import org.ringwatch.platform.RingWatchConfig;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The background work on documents (reading their text; making the public copy of those with
 * withheld pages), driven by the job table so it survives restarts and spreads over instances:
 * each instance claims one job at a time with FOR UPDATE SKIP LOCKED, a stale claim (its
 * instance died) is taken over after its lease, failures are retried with backoff. Files are
 * read in a child JVM ({@link IsolatedParser}) with its own heap and time limit; a file that
 * exceeds them is quarantined. The lease is that limit plus a minute, so no other instance takes
 * a job whose child is still reading.
 */
@ApplicationScoped
public class Processing {

    private static final Logger LOG = Logger.getLogger(Processing.class);
    static final int MAX_ATTEMPTS = 3;
    private static final long STOP_LIMIT_SECONDS = 30;
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");
    private static final Pattern PHONE = Pattern.compile("(?<!\\d)(\\+?1[ .-]?)?\\(?\\d{3}\\)?[ .-]?\\d{3}[ .-]\\d{4}(?!\\d)");

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.http.body.uploads-directory")
    String uploadsDirectory;

    private final String worker = "worker-" + UUID.randomUUID().toString().substring(0, 8);
    /** Held shared by the poller and the sweeper while they use the database, exclusively by {@link #stop}. */
    private final ReentrantReadWriteLock busy = new ReentrantReadWriteLock();
    private volatile boolean stopping;
    /** Whether a loop of {@link #work} is running, and whether it should look for jobs once more. */
    private final AtomicBoolean working = new AtomicBoolean();
    private final AtomicBoolean lookAgain = new AtomicBoolean();
    /** Where {@link #wake} runs the loop: off the thread that committed, which may be a request's. */
    private final ExecutorService waker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "ringwatch-jobs-wake");
        thread.setDaemon(true);
        return thread;
    });

    private final EntityManager em;
    private final BlobStore blobs;
    private final IsolatedParser parser;
    private final Ocr ocr;
    private final RingWatchConfig config;
    private final DocumentService documents;
    private final RequestContextController requestContext;

    public Processing(EntityManager em, BlobStore blobs, IsolatedParser parser, Ocr ocr, RingWatchConfig config,
            DocumentService documents, RequestContextController requestContext) {
        this.em = em;
        this.blobs = blobs;
        this.parser = parser;
        this.ocr = ocr;
        this.config = config;
        this.documents = documents;
        this.requestContext = requestContext;
    }

    /**
     * A job queued on this instance is started as soon as its transaction commits, not at the next
     * poll (up to {@code ringwatch.documents.poll} later; bench/extraction.sh's fixed cost). The poll
     * stays, for jobs queued by other instances, retries and stale claims.
     */
    void wake(@Observes(during = TransactionPhase.AFTER_SUCCESS) JobQueued queued) {
        try {
            waker.execute(() -> {
                // As the scheduler does for the poll: the work runs with a request context of its own.
                requestContext.activate();
                try {
                    work();
                } finally {
                    requestContext.deactivate();
                }
            });
        } catch (RejectedExecutionException e) {
            // The service is stopping: the job stays queued for the next start.
        }
    }

    /**
     * Runs queued jobs until none is ready, or until the service stops. The poll and {@link #wake}
     * both call it; one loop at a time, and a call while it runs makes it look once more before it
     * ends, so a job queued just as the loop found none is not left for the next poll.
     */
    @Scheduled(every = "${ringwatch.documents.poll}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "1s")
    void work() {
        lookAgain.set(true);
        while (lookAgain.get() && working.compareAndSet(false, true)) {
            try {
                lookAgain.set(false);
                claimAndRun();
            } finally {
                working.set(false);
            }
        }
    }

    private void claimAndRun() {
        if (!busy.readLock().tryLock()) {
            return;   // stopping
        }
        try {
            Long job;
            while (!stopping && (job = claim()) != null) {
                run(job);
            }
        } catch (RuntimeException e) {
            if (!DatabaseOutage.causes(e)) {
                throw e;
            }
            // The outage is logged once by the pool and the watchdog; the next poll tries again.
            LOG.debugf("Job poll skipped, the database cannot be reached: %s", e);
        } finally {
            busy.readLock().unlock();
        }
    }

    /** Removes blobs nothing references, and documents waiting for OCR are retried once it is installed. */
    @Scheduled(every = "${ringwatch.documents.housekeeping-every}", delayed = "${ringwatch.documents.housekeeping-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void housekeeping() {
        if (!busy.readLock().tryLock()) {
            return;   // stopping
        }
        try {
            sweepAndRetryOcr();
        } finally {
            busy.readLock().unlock();
        }
    }

    private void sweepAndRetryOcr() {
        sweep();
        if (ocr.available()) {
            QuarkusTransaction.requiringNew().run(() -> {
                @SuppressWarnings("unchecked")
                List<Number> waiting = em.createNativeQuery("SELECT id FROM document WHERE status = 'ocr_unavailable'")
                        .getResultList();
                waiting.forEach(id -> Jobs.enqueueExtraction(em, id.longValue()));
            });
        }
    }

    /** @return how many files the sweeper removed */
    public int sweep() {
        forgetUnreferencedBlobs(Instant.now().minus(config.documents().sweepGrace()));
        try {
            @SuppressWarnings("unchecked")
            List<String> referenced = QuarkusTransaction.requiringNew().call(() ->
                    em.createNativeQuery("SELECT sha256 FROM blob").getResultList());
            Set<String> keep = new HashSet<>();
            referenced.forEach(sha -> keep.add(sha.trim()));
            return blobs.sweep(keep, config.documents().sweepGrace()) + sweepSpooledUploads();
        } catch (IOException e) {
            LOG.warn("The blob sweeper failed; it runs again later", e);
            return 0;
        }
    }

    /**
     * Forgets blobs no document refers to any more and stored before {@code cutoff}: old public
     * copies and their thumbnails. Their files go with the next sweep of the store.
     */
    int forgetUnreferencedBlobs(Instant cutoff) {
        return QuarkusTransaction.requiringNew().call(() -> StoredBlob.forgetUnreferenced(cutoff));
    }

    /**
     * Uploads for the S3 store are received into this directory (the file-system store receives
     * them into its own tmp/, which its sweep clears), and deleted when their request ends, but
     * not when the process is killed mid-upload: those files are removed here once older than the
     * grace period.
     */
    private int sweepSpooledUploads() throws IOException {
        java.nio.file.Path uploads = java.nio.file.Path.of(uploadsDirectory);
        if (!Files.isDirectory(uploads)) {
            return 0;
        }
        java.time.Instant cutoff = java.time.Instant.now().minus(config.documents().sweepGrace());
        int removed = 0;
        try (var files = Files.list(uploads)) {
            for (java.nio.file.Path file : files.toList()) {
                if (Files.isRegularFile(file) && Files.getLastModifiedTime(file).toInstant().isBefore(cutoff)) {
                    Files.deleteIfExists(file);
                    removed++;
                }
            }
        }
        return removed;
    }

    /**
     * Runs before the datasource closes: no new claim, the reading child is killed and its
     * job handed back (see {@link #release}), and this waits for the poller and the sweeper to
     * leave, so none of them meets a closed pool.
     */
    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        waker.shutdown();
        parser.stopAll();
        try {
            if (!busy.writeLock().tryLock(STOP_LIMIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warnf("Background work did not stop within %d s; its job is taken over once its lease ends",
                        STOP_LIMIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Hands a job this instance claimed back to the queue, at once and without counting the
     * attempt: it was interrupted by a stop, not failed, and another instance (or this one after
     * its restart) should not wait out the lease or quarantine a document for being stopped.
     */
    private void release(long jobId) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                UPDATE job SET status = 'pending', attempts = greatest(attempts - 1, 0), locked_by = NULL,
                               locked_until = NULL, run_after = now()
                 WHERE id = ?1 AND status = 'running' AND locked_by = ?2""")
                .setParameter(1, jobId).setParameter(2, worker).executeUpdate());
        LOG.infof("Job %d handed back to the queue: the service is stopping", jobId);
    }

    private Long claim() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Number> ids = em.createNativeQuery("""
                    UPDATE job SET status = 'running', attempts = attempts + 1, locked_by = ?1,
                                   locked_until = now() + make_interval(secs => ?2)
                     WHERE id = (SELECT id FROM job
                                  WHERE (status = 'pending' AND run_after <= now())
                                     OR (status = 'running' AND locked_until < now())
                                  ORDER BY id FOR UPDATE SKIP LOCKED LIMIT 1)
                    RETURNING id
                    """).setParameter(1, worker).setParameter(2, (double) leaseSeconds()).getResultList();
            return ids.isEmpty() ? null : ids.get(0).longValue();
        });
    }

    /** A claimed job is another instance's to take over only once its child would have been stopped. */
    private long leaseSeconds() {
        return config.extraction().timeLimit().toSeconds() + 60;
    }

    private void run(long jobId) {
        Object[] job = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                "SELECT kind, (payload ->> 'document_id')::bigint, attempts FROM job WHERE id = ?1")
                .setParameter(1, jobId).getSingleResult());
        boolean publicCopy = Jobs.PUBLIC_COPY.equals(job[0]);
        long documentId = ((Number) job[1]).longValue();
        int attempts = ((Number) job[2]).intValue();
        try {
            if (publicCopy) {
                makePublicCopy(jobId, documentId);
            } else {
                extract(jobId, documentId);
            }
        } catch (Exception e) {
            if (stopping) {
                release(jobId);   // whatever failed, the stop interrupted it
                return;
            }
            if (e instanceof Extractor.Quarantine) {
                giveUp(jobId, documentId, publicCopy, e.getMessage(), "done");
                return;
            }
            LOG.warnf(e, "Job %d (%s, document %d) failed (attempt %d)", jobId, job[0], documentId, attempts);
            if (attempts >= MAX_ATTEMPTS) {
                giveUp(jobId, documentId, publicCopy, "Processing failed " + attempts + " times: " + e.getMessage(),
                        "failed");
            } else {
                QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        UPDATE job SET status = 'pending', locked_by = NULL, locked_until = NULL, last_error = ?2,
                                       run_after = now() + make_interval(mins => power(2, attempts)::int)
                         WHERE id = ?1""").setParameter(1, jobId).setParameter(2, String.valueOf(e.getMessage()))
                        .executeUpdate());
            }
        }
    }

    private void extract(long jobId, long documentId) throws Exception {
        Document document = QuarkusTransaction.requiringNew().call(() -> Document.<Document>findById(documentId));
        Path copy = fetch(document.blobSha256, document.type());
        try {
            Extractor.Extraction extraction = parser.extract(copy, document.type());
            try {
                BlobStore.Stored thumbnail = storeThumbnail(extraction.thumbnail());
                List<String> refused = extraction.attachments().isEmpty() ? List.of()
                        : documents.attachChildren(document, extraction.attachments().stream()
                                .map(a -> new DocumentService.Upload(a.name(), a.file())).toList());
                save(jobId, documentId, extraction, thumbnail, refused);
            } finally {
                for (Extractor.Attachment attachment : extraction.attachments()) {
                    Files.deleteIfExists(attachment.file());
                }
            }
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    /**
     * Makes the copy the public gets of a document with withheld pages. The pages may change
     * while it is made; the copy is kept only if they are still as they were read, and made
     * again otherwise, so a copy never shows a page withheld after it was started.
     */
    private void makePublicCopy(long jobId, long documentId) throws Exception {
        Document document = QuarkusTransaction.requiringNew().call(() -> Document.<Document>findById(documentId));
        SortedMap<Integer, String> withheld = QuarkusTransaction.requiringNew()
                .call(() -> Document.withheldReasons(documentId));
        if (withheld.isEmpty() || !PublicCopy.canCopy(document.type())) {
            savePublicCopy(jobId, documentId, withheld, null, null);
            return;
        }
        Path original = fetch(document.blobSha256, document.type());
        Path copy = Files.createTempFile("ringwatch-public", ".pdf");
        try {
            byte[] thumbnail = parser.publicCopy(original, withheld, copy);
            savePublicCopy(jobId, documentId, withheld, blobs.put(copy), storeThumbnail(thumbnail));
        } finally {
            Files.deleteIfExists(original);
            Files.deleteIfExists(copy);
        }
    }

    private void savePublicCopy(long jobId, long documentId, SortedMap<Integer, String> withheld,
            BlobStore.Stored file, BlobStore.Stored thumbnail) {
        QuarkusTransaction.requiringNew().run(() -> {
            // Withholding and releasing lock the row too: the pages cannot change until this commits.
            Document document = Document.findById(documentId, LockModeType.PESSIMISTIC_WRITE);
            done(jobId);
            if (!Document.withheldReasons(documentId).equals(withheld)) {
                Jobs.enqueuePublicCopy(em, documentId);
                return;
            }
            if (file != null) {
                StoredBlob.register(file.sha256(), file.size(), FileType.PDF.mediaType());
            }
            if (thumbnail != null) {
                StoredBlob.register(thumbnail.sha256(), thumbnail.size(), "image/png");
            }
            document.publicBlobSha256 = file == null ? null : file.sha256();
            document.publicThumbnailSha256 = thumbnail == null ? null : thumbnail.sha256();
            document.updatedAt = OffsetDateTime.now();
        });
    }

    /** A private copy of the stored bytes for a parser to read. */
    private Path fetch(String sha256, FileType type) throws IOException {
        Path copy = Files.createTempFile("ringwatch-extract", "." + type.extension());
        try (InputStream in = blobs.open(sha256, 0)) {
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
        }
        return copy;
    }

    /** Stores the thumbnail as a blob of its own; its row is written with the document's. */
    private BlobStore.Stored storeThumbnail(byte[] png) throws IOException {
        if (png == null) {
            return null;
        }
        Path file = Files.createTempFile("ringwatch-thumbnail", ".png");
        try {
            Files.write(file, png);
            return blobs.put(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * Writes the pages read. A page's withheld flag and reason are the moderator's, not the
     * file's: reading the file again (OCR installed later) updates the text and keeps them.
     */
    private void save(long jobId, long documentId, Extractor.Extraction extraction, BlobStore.Stored thumbnail,
            List<String> refusedAttachments) {
        QuarkusTransaction.requiringNew().run(() -> {
            int number = 1;
            for (Extractor.Page page : extraction.pages()) {
                em.createNativeQuery("""
                        INSERT INTO document_page (document_id, page_number, text_content, text_source,
                                                   personal_data_flags, search_vector)
                        VALUES (?1, ?2, ?3, ?4, CAST(?5 AS jsonb), to_tsvector('english', ?3))
                        ON CONFLICT (document_id, page_number) DO UPDATE
                           SET text_content = EXCLUDED.text_content, text_source = EXCLUDED.text_source,
                               personal_data_flags = EXCLUDED.personal_data_flags,
                               search_vector = EXCLUDED.search_vector
                        """).setParameter(1, documentId).setParameter(2, number++).setParameter(3, page.text())
                        .setParameter(4, page.source()).setParameter(5, flags(page.text())).executeUpdate();
            }
            em.createNativeQuery("DELETE FROM document_page WHERE document_id = ?1 AND page_number >= ?2")
                    .setParameter(1, documentId).setParameter(2, number).executeUpdate();
            if (thumbnail != null) {
                StoredBlob.register(thumbnail.sha256(), thumbnail.size(), "image/png");
            }
            Document document = Document.findById(documentId);
            document.pageCount = extraction.pages().size();
            document.thumbnailSha256 = thumbnail == null ? null : thumbnail.sha256();
            document.status = extraction.ocrMissing() ? "ocr_unavailable" : "ready";
            List<String> notes = new ArrayList<>();
            if (extraction.ocrMissing()) {
                notes.add("Some pages have no text layer and OCR (tesseract) is not installed; they are read once it is.");
            }
            if (!refusedAttachments.isEmpty()) {
                notes.add("Attachments not kept: " + String.join("; ", refusedAttachments));
            }
            document.statusReason = notes.isEmpty() ? null : String.join(" ", notes);
            document.processedAt = OffsetDateTime.now();
            document.updatedAt = document.processedAt;
            done(jobId);
        });
    }

    private void done(long jobId) {
        em.createNativeQuery("UPDATE job SET status = 'done', locked_by = NULL, locked_until = NULL WHERE id = ?1")
                .setParameter(1, jobId).executeUpdate();
    }

    /**
     * A file that cannot be read is quarantined. A public copy that cannot be made leaves the
     * document as it is, and so not public (there is no copy); the reviewers read why.
     */
    private void giveUp(long jobId, long documentId, boolean publicCopy, String reason, String jobStatus) {
        QuarkusTransaction.requiringNew().run(() -> {
            Document document = Document.findById(documentId);
            if (publicCopy) {
                document.statusReason = "The public copy without the withheld pages could not be made, so the"
                        + " document is not public: " + reason;
            } else {
                document.status = "quarantined";
                document.statusReason = reason;
                document.processedAt = OffsetDateTime.now();
            }
            document.updatedAt = OffsetDateTime.now();
            em.createNativeQuery("UPDATE job SET status = ?2, last_error = ?3, locked_by = NULL, locked_until = NULL"
                    + " WHERE id = ?1").setParameter(1, jobId).setParameter(2, jobStatus).setParameter(3, reason)
                    .executeUpdate();
        });
    }

    /** E-mail addresses and phone numbers on a page, for the reviewer: ["email:…", "phone:…"]. */
    static String flags(String text) {
        List<String> found = new ArrayList<>();
        collect(EMAIL.matcher(text), "email", found);
        collect(PHONE.matcher(text), "phone", found);
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < found.size(); i++) {
            json.append(i == 0 ? "" : ",").append('"').append(found.get(i).replace("\\", "\\\\").replace("\"", "\\\""))
                    .append('"');
        }
        return json.append(']').toString();
    }

    private static void collect(Matcher matcher, String kind, List<String> found) {
        while (matcher.find() && found.size() < 100) {
            String value = kind + ":" + matcher.group();
            if (!found.contains(value)) {
                found.add(value);
            }
        }
    }
}
