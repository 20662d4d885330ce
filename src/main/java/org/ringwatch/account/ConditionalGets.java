package org.ringwatch.account;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.ringwatch.api.LastModified;

import java.io.File;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Conditional reads of the API's JSON: every 200 answer to a GET under /api/v1 that Jackson
 * writes carries a strong ETag (the SHA-256 of its bytes), and a request whose If-None-Match holds it gets 304
 * with no body, so a client polling an unchanged list or record spends no bandwidth; so does an
 * If-Modified-Since no older than a record's {@link LastModified}. An answer to
 * nobody in particular (no token, no sign-in cookie) that set no Cache-Control of its own says
 * {@code public, no-cache}: a shared cache may keep it but asks each time whether it changed.
 * Streamed answers (CSV, NDJSON, all=true, files) are left alone; files have their own ETags.
 * <p>
 * The JSON is written once, here, into bytes: the tag is their hash and they are the body that
 * is sent. Hashing one serialisation and letting the framework write another cost every answer
 * its JSON twice (bench/api-lists.sh, bench/README.md).
 */
public class ConditionalGets {

    static final String PUBLIC = "public, no-cache";

    private final ObjectWriter json;

    public ConditionalGets(ObjectMapper json) {
        this.json = json.writer();
    }

    @ServerResponseFilter
    public void tag(ContainerRequestContext request, ContainerResponseContext response) throws JsonProcessingException {
        String method = request.getMethod();
        if (!("GET".equals(method) || "HEAD".equals(method)) || response.getStatus() != 200
                || !request.getUriInfo().getRequestUri().getPath().startsWith("/api/v1/") || !response.hasEntity()
                || response.getHeaders().containsKey(HttpHeaders.ETAG) || streamed(response.getEntity())) {
            return;
        }
        byte[] body = json.writeValueAsBytes(response.getEntity());
        MediaType type = response.getMediaType();
        if (type == null || type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            // What is sent is what was hashed, as Jackson would have sent it.
            response.setEntity(body, response.getEntityAnnotations(), type == null ? MediaType.APPLICATION_JSON_TYPE : type);
        }
        EntityTag tag = new EntityTag(sha256(body));
        response.getHeaders().putSingle(HttpHeaders.ETAG, tag);
        if (!response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL) && !PrivateResponses.isPersonal(request)) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, PUBLIC);
        }
        String ifNoneMatch = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        // RFC 9110 13.2.2: If-Modified-Since counts only when there is no If-None-Match.
        boolean notModified = ifNoneMatch != null
                ? ifNoneMatch.contains(tag.toString()) || ifNoneMatch.strip().equals("*")
                : LastModified.notModifiedSince(response.getHeaderString(HttpHeaders.LAST_MODIFIED),
                        request.getHeaderString(HttpHeaders.IF_MODIFIED_SINCE));
        if (notModified) {
            response.setStatus(304);
            response.setEntity(null);
        }
    }

    /** Bytes written as they come (CSV, NDJSON, all=true, files), not a record Jackson writes. */
    private static boolean streamed(Object entity) {
        return entity instanceof StreamingOutput || entity instanceof InputStream || entity instanceof byte[]
                || entity instanceof CharSequence || entity instanceof File || entity instanceof Path;
    }

    private static String sha256(byte[] bytes) {
        try {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java", e);
        }
    }
}
