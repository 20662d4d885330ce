package org.ringwatch.document;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves the bytes a viewer may get of a document (the original to its reviewers, the public
 * copy to everyone else: {@link DocumentView#file}) straight from the blob store: byte ranges
 * (206 with Content-Range, 416 when out of bounds) over those bytes, a strong ETag from their
 * SHA-256 with If-None-Match, Cache-Control that lets shared caches keep only what anyone may
 * get, and headers that keep the browser from running anything in the file [ASVS 5.3.1]:
 * nosniff, a sandbox CSP, and attachment for everything except PDFs, which open in the
 * browser's own viewer.
 */
@ApplicationScoped
public class Downloads {

    private static final Pattern SINGLE_RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    private final BlobStore blobs;

    public Downloads(BlobStore blobs) {
        this.blobs = blobs;
    }

    /**
     * @param verify re-hash the stored bytes first and refuse to serve them if they changed
     */
    public Response respond(DocumentView view, String range, String ifNoneMatch, boolean verify) {
        Document document = view.document();
        String sha256 = view.file().sha256();
        if (verify) {
            try {
                if (!blobs.verify(sha256)) {
                    throw new IllegalStateException("The stored bytes of document " + document.id
                            + " no longer match their SHA-256");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        long size;
        try {
            size = blobs.size(sha256);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String etag = "\"" + sha256 + "\"";
        if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.strip().equals("*"))) {
            return headers(Response.notModified(), view, etag).build();
        }
        long start = 0;
        long end = size - 1;
        boolean partial = false;
        if (range != null && !range.isBlank()) {
            Matcher matcher = SINGLE_RANGE.matcher(range.strip());
            if (matcher.matches() && !(matcher.group(1).isEmpty() && matcher.group(2).isEmpty())) {
                if (matcher.group(1).isEmpty()) {               // bytes=-N: the last N bytes
                    long suffix = parse(matcher.group(2));
                    start = Math.max(0, size - suffix);
                } else {
                    start = parse(matcher.group(1));
                    end = matcher.group(2).isEmpty() ? size - 1 : Math.min(parse(matcher.group(2)), size - 1);
                }
                if (start >= size || start > end || size == 0) {
                    return headers(Response.status(416), view, etag)
                            .header("Content-Range", "bytes */" + size).build();
                }
                partial = true;
            }
            // Several ranges, or a unit we do not serve: the whole file, as RFC 9110 allows.
        }
        long from = start;
        long length = end - start + 1;
        StreamingOutput body = out -> {
            try (InputStream in = blobs.open(sha256, from)) {
                byte[] buffer = new byte[64 * 1024];
                long remaining = length;
                int read;
                while (remaining > 0 && (read = in.read(buffer, 0, (int) Math.min(buffer.length, remaining))) > 0) {
                    out.write(buffer, 0, read);
                    remaining -= read;
                }
            }
        };
        Response.ResponseBuilder response = partial
                ? Response.status(206).header("Content-Range", "bytes " + start + "-" + end + "/" + size)
                : Response.ok();
        return headers(response.entity(body), view, etag).header("Content-Length", length).build();
    }

    /** The first page of the viewer's file as a small PNG, under the same rules as the file. */
    public Response thumbnail(DocumentView view) {
        String sha256 = view.file().thumbnailSha256();
        if (sha256 == null) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        StreamingOutput body = out -> {
            try (InputStream in = blobs.open(sha256, 0)) {
                in.transferTo(out);
            }
        };
        return Response.ok(body, "image/png")
                .header("ETag", "\"" + sha256 + "\"")
                .header("Cache-Control", DocumentView.cacheControl(view.fileIsPublic()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox; default-src 'none'").build();
    }

    private static Response.ResponseBuilder headers(Response.ResponseBuilder response, DocumentView view,
            String etag) {
        Document document = view.document();
        FileType type = document.type();
        return response.type(type.mediaType())
                .header("ETag", etag)
                .header("Accept-Ranges", "bytes")
                .header("Cache-Control", DocumentView.cacheControl(view.fileIsPublic()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .header("Content-Disposition", FileNames.contentDisposition(
                        type == FileType.PDF ? "inline" : "attachment", document.originalName));
    }

    private static long parse(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;   // absurd numbers end as 416, not as an error
        }
    }
}
