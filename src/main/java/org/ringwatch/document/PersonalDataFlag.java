package org.ringwatch.document;

import java.util.List;

/**
 * One e-mail address or phone number found on a page, as its reviewers read it ("E-mail
 * address on page 1: jdoe@example.org"), and how it was resolved: the page is withheld, or a
 * moderator cleared it with a note ("an officer's work address"). A document is published only
 * once every flag on it is resolved ({@link DocumentService#publish}).
 *
 * @param flag      the page's own "kind:value" string, as {@link Processing} found it
 * @param clearedBy the name of the moderator who cleared it; null while it is not cleared
 */
public record PersonalDataFlag(int page, String flag, boolean pageWithheld, String note, String clearedBy) {

    /** Every flag of a document, page by page, in the order the page lists them. */
    static final String OF_DOCUMENT = """
            SELECT p.page_number, f.flag, p.withheld, c.note, a.display_name
              FROM document_page p
             CROSS JOIN LATERAL jsonb_array_elements_text(p.personal_data_flags) WITH ORDINALITY AS f (flag, n)
              LEFT JOIN personal_data_clearance c
                     ON c.document_id = p.document_id AND c.page_number = p.page_number AND c.flag = f.flag
              LEFT JOIN account a ON a.id = c.cleared_by
             WHERE p.document_id = ?1
             ORDER BY p.page_number, f.n
            """;

    /**
     * The SQL count of a document's unresolved flags, for the document aliased {@code d}: the
     * one rule that decides whether it may be published, used by the queue and the service alike.
     */
    public static final String UNRESOLVED_OF_D = """
            (SELECT count(*) FROM document_page p
              CROSS JOIN LATERAL jsonb_array_elements_text(p.personal_data_flags) AS f (flag)
              WHERE p.document_id = d.id AND NOT p.withheld
                AND NOT EXISTS (SELECT 1 FROM personal_data_clearance c WHERE c.document_id = p.document_id
                                   AND c.page_number = p.page_number AND c.flag = f.flag))""";

    public static List<PersonalDataFlag> of(long documentId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Document.getEntityManager().createNativeQuery(OF_DOCUMENT)
                .setParameter(1, documentId).getResultList();
        return rows.stream().map(r -> new PersonalDataFlag(((Number) r[0]).intValue(), (String) r[1],
                (Boolean) r[2], (String) r[3], (String) r[4])).toList();
    }

    /** How many flags of the document are neither on a withheld page nor cleared. */
    public static int unresolved(long documentId) {
        Number count = (Number) Document.getEntityManager()
                .createNativeQuery("SELECT " + UNRESOLVED_OF_D + " FROM document d WHERE d.id = ?1")
                .setParameter(1, documentId).getSingleResult();
        return count.intValue();
    }

    public boolean resolved() {
        return pageWithheld || note != null;
    }

    /** "email" or "phone". */
    public String kind() {
        return flag.substring(0, flag.indexOf(':'));
    }

    /** What was found: the address or the number. */
    public String value() {
        return flag.substring(flag.indexOf(':') + 1);
    }

    public String label() {
        return switch (kind()) {
            case "email" -> "E-mail address";
            case "phone" -> "Phone number";
            default -> "Personal data";
        };
    }

    /** "E-mail address on page 1: jdoe@example.org". */
    public String readable() {
        return label() + " on page " + page + ": " + value();
    }

    /** How it was resolved, in words; null while it is not. */
    public String resolution() {
        if (pageWithheld) {
            return "page " + page + " is withheld";
        }
        return note == null ? null : "not personal: " + note + " (" + clearedBy + ")";
    }
}
