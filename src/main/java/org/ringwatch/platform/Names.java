package org.ringwatch.platform;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one place names are cleaned, compared and turned into URL slugs, so that the seed,
 * the pages and the API agree on what "the same name" means.
 */
public final class Names {

    // Format characters (U+200E LEFT-TO-RIGHT MARK arrives in the Atlas county column) and controls.
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cf}\\p{Cc}]");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");

    private Names() {
    }

    /** NFC, without invisible characters, single-spaced and trimmed; null stays null. */
    public static String clean(String raw) {
        if (raw == null) {
            return null;
        }
        String visible = INVISIBLE.matcher(Normalizer.normalize(raw, Normalizer.Form.NFC)).replaceAll("");
        return SPACES.matcher(visible).replaceAll(" ").trim();
    }

    /** "Cañon City" and its NFD spelling both become "canon-city"; "St. John's" becomes "st-johns". */
    public static String slug(String name) {
        String decomposed = Normalizer.normalize(clean(name), Normalizer.Form.NFD);
        String ascii = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT).replace("'", "").replace("’", "");
        String slug = NOT_SLUG.matcher(ascii).replaceAll("-");
        return slug.replaceAll("^-+|-+$", "");
    }
}
