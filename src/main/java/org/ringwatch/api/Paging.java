package org.ringwatch.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.ringwatch.platform.RingWatchConfig;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The limit parameter and the "next" link that every list of the API shares. */
public final class Paging {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    private Paging() {
    }

    /**
     * Parses {@code limit} ourselves: a JAX-RS {@code int} parameter answers a bad value with a
     * bare 404, which tells the client nothing.
     */
    public static int limit(String raw) {
        if (raw == null || raw.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(raw.trim());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiProblem.badParameter("limit", "limit must be a whole number from 1 to " + MAX_LIMIT
                + " (default " + DEFAULT_LIMIT + "); got '" + raw + "'");
    }

    /**
     * Builds the response for one page fetched with {@code limit + 1} rows: the extra row only
     * says a next page exists, and its cursor is made from the last row served.
     */
    public static <R, T> Response respond(List<R> rows, int limit, Function<R, T> toItem, Function<R, String> cursorOf,
            UriInfo uri, RingWatchConfig config) {
        boolean more = rows.size() > limit;
        List<R> served = more ? rows.subList(0, limit) : rows;
        String next = more ? next(uri, cursorOf.apply(served.get(served.size() - 1)), config) : null;
        Response.ResponseBuilder response = Response.ok(new ListPage<>(served.stream().map(toItem).toList(), next));
        if (next != null) {
            response.header("Link", "<" + next + ">; rel=\"next\"");
        }
        return response.build();
    }

    /** This request's address with {@code cursor} in place of its own: the next page's. */
    static String next(UriInfo uri, String cursor, RingWatchConfig config) {
        return replacing(uri, config, "cursor", cursor);
    }

    /**
     * This request's address with {@code name=value} in place of its own and without the
     * {@code dropped} parameters. The query is kept as the client encoded it; a URI builder would
     * encode its escapes again ({@code agency=OR%2Fx} becoming {@code OR%252Fx}).
     */
    static String replacing(UriInfo uri, RingWatchConfig config, String name, String value, String... dropped) {
        URI request = uri.getRequestUri();
        List<String> gone = new ArrayList<>(List.of(dropped));
        gone.add(name);
        StringBuilder query = new StringBuilder();
        if (request.getRawQuery() != null) {
            for (String pair : request.getRawQuery().split("&")) {
                String key = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
                if (!pair.isEmpty() && !gone.contains(key)) {
                    query.append(pair).append('&');
                }
            }
        }
        query.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        String base = config.publicUrl().filter(u -> !u.isBlank()).map(u -> u.replaceAll("/+$", ""))
                .orElse(request.getScheme() + "://" + request.getRawAuthority());
        return base + request.getRawPath() + "?" + query;
    }
}
