package org.ringwatch.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Opaque keyset-pagination cursors. A cursor carries the sort key of the last item served,
 * so the next page is "rows after this key": stable under inserts, no OFFSET scans.
 *
 * <p>Clients must treat cursors as opaque; the version prefix lets the format change.
 */
public final class Cursor {

    private static final String VERSION = "v1";
    private static final char SEPARATOR = '\u001f';

    private Cursor() {
    }

    public static String encode(String... keys) {
        String joined = VERSION + SEPARATOR + String.join(String.valueOf(SEPARATOR), keys);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(joined.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param parts how many keys the cursor must carry
     * @throws ApiProblem 400 naming the {@code cursor} parameter when it is not one we issued
     */
    public static List<String> decode(String cursor, int parts) {
        try {
            String joined = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> keys = List.of(joined.split(String.valueOf(SEPARATOR), -1));
            if (keys.size() == parts + 1 && keys.get(0).equals(VERSION) && keys.stream().noneMatch(String::isEmpty)) {
                return keys.subList(1, keys.size());
            }
        } catch (IllegalArgumentException e) {
            // not Base64: falls through to the same answer as any other foreign cursor
        }
        throw ApiProblem.badParameter("cursor",
                "cursor is not one this API issued; take it unchanged from the \"next\" link of the previous page");
    }
}
