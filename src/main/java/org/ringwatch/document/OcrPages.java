package org.ringwatch.document;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The OCR of one document's pages on up to {@code workers} tesseracts at once
 * ({@code ringwatch.extraction.ocr-workers}). The caller renders the page images one at a time
 * (a PDFBox document is not safe to share between threads) while earlier pages are read; at most
 * {@code workers + 1} images exist at any moment, one being written while the others are read,
 * so the child's memory and temporary disk stay bounded whatever the page count. Each page's
 * text comes back through its own {@link Future}, so the caller keeps the pages in order.
 * Closing stops what still runs: each worker, interrupted, kills its tesseract ({@link Ocr#read}).
 */
final class OcrPages implements AutoCloseable {

    /** Writes one page's image into the file it is given. */
    interface Image {
        void writeTo(Path file) throws IOException;
    }

    private final Ocr ocr;
    private final ExecutorService workers;
    private final Semaphore images;
    /** The images written and not yet read: those still queued when the OCR is stopped are deleted then. */
    private final Set<Path> written = ConcurrentHashMap.newKeySet();
    private volatile boolean unavailable;

    OcrPages(Ocr ocr, int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("at least one OCR worker, not " + workers);
        }
        this.ocr = ocr;
        this.workers = Executors.newFixedThreadPool(workers, task -> {
            Thread thread = new Thread(task, "ocr");
            thread.setDaemon(true);
            return thread;
        });
        this.images = new Semaphore(workers + 1);
    }

    /**
     * Waits until there is room for one more image, writes it and queues it for OCR; the image is
     * deleted once read. The future fails with {@link Ocr.Unavailable} when tesseract is missing.
     */
    Future<String> read(Image page) throws IOException, InterruptedException {
        images.acquire();
        Path file = null;
        try {
            file = Files.createTempFile("ringwatch-page", ".pgm");
            written.add(file);
            page.writeTo(file);
            Path image = file;
            return workers.submit(() -> {
                try {
                    return ocr.read(image);
                } catch (Ocr.Unavailable e) {
                    unavailable = true;
                    throw e;
                } finally {
                    Files.deleteIfExists(image);
                    written.remove(image);
                    images.release();
                }
            });
        } catch (IOException | RuntimeException e) {
            if (file != null) {
                Files.deleteIfExists(file);
                written.remove(file);
            }
            images.release();
            throw e;
        }
    }

    /** Whether some page found tesseract missing: the pages after it need not be rendered. */
    boolean unavailable() {
        return unavailable;
    }

    /** Stops every tesseract still running, waits for them to be gone, and deletes the images left. */
    @Override
    public void close() throws IOException, InterruptedException {
        workers.shutdownNow();
        workers.awaitTermination(Ocr.TIMEOUT_SECONDS, TimeUnit.SECONDS);
        for (Path image : written) {
            Files.deleteIfExists(image);
        }
    }
}
