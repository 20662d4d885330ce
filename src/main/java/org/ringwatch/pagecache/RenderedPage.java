package org.ringwatch.pagecache;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * A page rendered once: its UTF-8 bytes (encoded in one pass, not character by character on the
 * way out) and a strong ETag drawn from them, so every instance that renders the same page gives
 * it the same tag.
 */
record RenderedPage(byte[] body, String etag) {

    static final String CONTENT_TYPE = "text/html;charset=UTF-8";
    /** A browser may keep the page but asks each time whether it changed: the answer is then a 304. */
    static final String CACHE_CONTROL = "no-cache";

    static RenderedPage of(String html) {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        // 128 bits of SHA-256 tell two versions of a page apart as well as all 256 would.
        byte[] tag = Arrays.copyOf(digest(body), 16);
        return new RenderedPage(body, '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(tag) + '"');
    }

    /** Whether an If-None-Match header names this page (a list, a weak tag or "*" included). */
    boolean matches(String ifNoneMatch) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.strip();
            if (t.equals("*") || t.equals(etag) || t.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    /** The answer from memory: the page, or 304 when the browser holds it already. */
    Response answer(String ifNoneMatch) {
        Response.ResponseBuilder answer = matches(ifNoneMatch) ? Response.notModified()
                : Response.ok(body, CONTENT_TYPE);
        return answer.header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                .header(HttpHeaders.VARY, HttpHeaders.COOKIE).build();
    }

    /** The headers a freshly rendered copy carries, the same as {@link #answer}'s. */
    void describe(MultivaluedMap<String, Object> headers) {
        headers.putSingle(HttpHeaders.ETAG, etag);
        headers.putSingle(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
        headers.putSingle(HttpHeaders.VARY, HttpHeaders.COOKIE);
    }

    private static byte[] digest(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
