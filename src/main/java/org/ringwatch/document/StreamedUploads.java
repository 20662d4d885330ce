package org.ringwatch.document;

import io.quarkus.csrf.reactive.runtime.RestCsrfConfig;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.ringwatch.platform.RingWatchConfig;
import org.ringwatch.web.MalformedUpload;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Upload bodies are read by the upload resources themselves, as they arrive ({@link UploadForm}):
 * each file is hashed while it is written into the blob store, one pass over its bytes.
 *
 * <p>Why the relabelling below: rest-csrf's filter is {@code @WithFormRead}, so Quarkus REST parses
 * every {@code multipart/form-data} body before any filter or resource runs. It spools each file
 * to quarkus.http.body.uploads-directory, and for a resource that takes the body as a stream it
 * also copies the whole body into the heap. So every multipart body is relabelled
 * {@link #MEDIA_TYPE} (its boundary kept) before Quarkus REST sees it: nothing parses it, and the
 * upload resources take it as an {@link InputStream} on their worker thread, which reads the
 * connection as the bytes come. No other resource consumes that type: a multipart body sent
 * anywhere else is refused (415, or 400 for want of a CSRF token).
 *
 * <p>CSRF: rest-csrf cannot see the token field of a relabelled body. For the two upload forms the
 * token cookie is copied into rest-csrf's token header here, and {@link #formBody} checks the
 * field the page sent against that cookie once the body is read, before anything is stored. The
 * API needs no token (api/ApiCsrfExemption).
 */
@ApplicationScoped
public class StreamedUploads {

    /** What a multipart body is relabelled as; the upload resources consume it. */
    public static final String MEDIA_TYPE = "application/x-ringwatch-multipart";
    private static final String MULTIPART = "multipart/form-data";
    /** The HTML upload forms: onto a request's log entry, and a document obtained elsewhere. */
    private static final Pattern FORMS = Pattern.compile("/(requests/\\d+/events/\\d+|agencies/\\d+)/documents/?");
    /** Before the REST layer and api/ApiCsrfExemption. */
    private static final int ORDER = -1100;

    private final BlobStore blobs;
    private final RingWatchConfig config;
    private final RestCsrfConfig csrf;
    private final RoutingContext routing;

    public StreamedUploads(BlobStore blobs, RingWatchConfig config, RestCsrfConfig csrf, RoutingContext routing) {
        this.blobs = blobs;
        this.config = config;
        this.csrf = csrf;
        this.routing = routing;
    }

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(context -> {
            HttpServerRequest request = context.request();
            String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
            if (type != null && type.regionMatches(true, 0, MULTIPART, 0, MULTIPART.length())) {
                request.headers().set(HttpHeaders.CONTENT_TYPE, MEDIA_TYPE + type.substring(MULTIPART.length()));
                // Cookies are read only here: reading them parses and caches the Cookie header,
                // which api/ApiCsrfExemption has yet to add to on /api/ paths.
                if (HttpMethod.POST.equals(request.method()) && FORMS.matcher(context.normalizedPath()).matches()) {
                    Cookie token = request.getCookie(csrf.cookieName());
                    if (token != null) {
                        request.headers().set(csrf.tokenHeaderName(), token.getValue());
                    }
                }
            }
            context.next();
        });
    }

    /** An API upload's body, read to its end; the text fields named are kept. */
    UploadForm apiBody(InputStream body, String contentType, String... fields) throws MalformedUpload {
        return UploadForm.read(body, contentType, blobs, config.documents().maxFileBytes(), Set.of(fields));
    }

    /**
     * An upload form's body, read to its end; the text fields named are kept.
     *
     * @return null when the form's CSRF token is not its cookie's (nothing was kept): answer 400
     *         with no body, as rest-csrf does, and web/ErrorResponses explains it
     */
    UploadForm formBody(InputStream body, String contentType, String... fields) throws MalformedUpload {
        Set<String> names = new HashSet<>(List.of(fields));
        names.add(csrf.formFieldName());
        UploadForm form = UploadForm.read(body, contentType, blobs, config.documents().maxFileBytes(), names);
        Cookie cookie = routing.request().getCookie(csrf.cookieName());
        String sent = form.field(csrf.formFieldName());
        if (cookie == null || sent == null || cookie.getValue().isEmpty()
                || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                        cookie.getValue().getBytes(StandardCharsets.UTF_8))) {
            form.close();
            return null;
        }
        return form;
    }
}
