package org.ringwatch.api;

/**
 * The {@code sort} of a list in id order: newest first ({@code -id}) or oldest first
 * ({@code id}); anything else is a 400 naming {@code sort}.
 */
public enum IdOrder {
    NEWEST_FIRST, OLDEST_FIRST;

    public static final String DESCRIPTION = "-id (newest first, the default) or id (oldest first)";

    /** @param fallback the list's order when {@code raw} is absent */
    public static IdOrder parse(String raw, IdOrder fallback) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        return switch (raw.strip()) {
            case "-id" -> NEWEST_FIRST;
            case "id" -> OLDEST_FIRST;
            default -> throw ApiProblem.badParameter("sort", "sort must be -id or id; got '" + raw + "'");
        };
    }

    /** SQL: {@code column} after the cursor's {@code :param} in this order. */
    public String after(String column, String param) {
        return this == NEWEST_FIRST ? column + " < :" + param : column + " > :" + param;
    }

    /** SQL: ORDER BY's term for {@code column}. */
    public String orderBy(String column) {
        return this == NEWEST_FIRST ? column + " DESC" : column;
    }

    /** Where a list in this order starts when it has no cursor. */
    public long start() {
        return this == NEWEST_FIRST ? Long.MAX_VALUE : Long.MIN_VALUE;
    }

    /** The id just before {@code id} in this order: a cursor that lists {@code id} itself next. */
    public long justBefore(long id) {
        return this == NEWEST_FIRST ? id + 1 : id - 1;
    }
}
