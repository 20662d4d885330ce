package org.ringwatch.document;

import org.ringwatch.web.MalformedUpload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An upload request's body, read as it arrived: its files received into the blob store (hashed
 * and written in one pass, see {@link BlobStore#receive}) and the few text fields the form has.
 * Closing it deletes the received files nobody kept, so a refused or failed upload leaves nothing.
 */
final class UploadForm implements AutoCloseable {

    /** The parts that carry files. */
    static final String FILE_FIELD = "file";
    /** As quarkus.http.limits.max-form-attribute-size: more of a field is not kept. */
    private static final int MAX_FIELD_BYTES = 64 * 1024;

    private final BlobStore blobs;
    private final Map<String, String> fields = new HashMap<>();
    private final List<DocumentService.Upload> files = new ArrayList<>();

    private UploadForm(BlobStore blobs) {
        this.blobs = blobs;
    }

    /**
     * Reads the whole body. Parts named {@value #FILE_FIELD} with a file name go into the store, up
     * to {@code maxFileBytes} each (a larger one is read to its end and kept as "too large", so the
     * service refuses the upload with 413); the text fields named in {@code fieldNames} are kept;
     * anything else is read past.
     *
     * @throws MalformedUpload when the body is not multipart or did not arrive whole; nothing is
     *                         left behind then
     */
    static UploadForm read(InputStream body, String contentType, BlobStore blobs, long maxFileBytes,
            Set<String> fieldNames) throws MalformedUpload {
        UploadForm form = new UploadForm(blobs);
        try {
            MultipartReader reader = new MultipartReader(body, MultipartReader.boundary(contentType));
            for (MultipartReader.Part part; (part = reader.next()) != null; ) {
                if (part.isFile() && part.name().equals(FILE_FIELD)) {
                    form.receive(part, maxFileBytes);
                } else if (!part.isFile() && fieldNames.contains(part.name())) {
                    byte[] value = part.body().readNBytes(MAX_FIELD_BYTES);
                    form.fields.putIfAbsent(part.name(), new String(value, StandardCharsets.UTF_8));
                }
            }
            return form;
        } catch (MalformedUpload e) {
            form.close();
            throw e;
        } catch (IOException e) {
            // Reading the request failed: the client went away, or its connection broke.
            form.close();
            throw new MalformedUpload("The upload did not arrive whole (" + e.getMessage() + ").", e);
        } catch (RuntimeException e) {
            form.close();
            throw e;
        }
    }

    private void receive(MultipartReader.Part part, long maxFileBytes) throws IOException {
        Incoming received = blobs.receive(part.body(), maxFileBytes);
        if (part.fileName().isEmpty() && received.size() == 0) {
            // A file input left empty: browsers send it as a nameless, empty file.
            delete(received);
            return;
        }
        files.add(DocumentService.Upload.of(part.fileName(), received));
    }

    /** A text field as sent, or null. */
    String field(String name) {
        return fields.get(name);
    }

    /** The files, in the order they were sent. */
    List<DocumentService.Upload> uploads() {
        return files;
    }

    /** Deletes what was received and not kept by the store; kept files are gone from there already. */
    @Override
    public void close() {
        files.forEach(upload -> delete(upload.received()));
    }

    private static void delete(Incoming received) {
        if (received.file() != null) {
            try {
                Files.deleteIfExists(received.file());
            } catch (IOException e) {
                // Left in the store's temporary files, which the sweeper removes once old.
            }
        }
    }
}
