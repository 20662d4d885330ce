package org.ringwatch.document;

import org.ringwatch.platform.Names;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Client-sent file names are display text only: no path, no control characters, a bounded
 * length [ASVS 5.3.2]. Stored files get generated names; this name only reaches the download's
 * Content-Disposition, encoded per RFC 6266.
 */
public final class FileNames {

    static final int MAX_LENGTH = 180;

    private FileNames() {
    }

    public static String sanitise(String raw) {
        String name = raw == null ? "" : raw;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = Names.clean(name).replaceAll("[\\p{Cntrl}\"*:<>?|]", "_").replaceAll("^[.\\s]+", "");
        if (name.isEmpty()) {
            name = "document";
        }
        if (name.length() > MAX_LENGTH) {
            int dot = name.lastIndexOf('.');
            String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            name = name.substring(0, MAX_LENGTH - extension.length()) + extension;
        }
        return name;
    }

    /** attachment; filename="ascii fallback"; filename*=UTF-8''percent-encoded */
    public static String contentDisposition(String disposition, String name) {
        String ascii = name.replaceAll("[^\\x20-\\x7e]", "_").replace("\\", "_").replace("\"", "_");
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return disposition + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
