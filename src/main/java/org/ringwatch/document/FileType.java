package org.ringwatch.document;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The types RingWatch accepts, decided from the bytes alone [ASVS 5.2.2]: never from the file
 * name or the Content-Type the client sent. Each check reads the start of the file and, for
 * zip containers, the names of its entries from the zip's central directory: cheap enough for
 * the upload request, which inflates nothing. What the entries hold is read by the job, in a
 * child JVM (IsolatedParser), where a bomb costs only that child.
 */
public enum FileType {
    PDF("application/pdf", "pdf"),
    PNG("image/png", "png"),
    JPEG("image/jpeg", "jpg"),
    TIFF("image/tiff", "tiff"),
    EML("message/rfc822", "eml"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    CSV("text/csv", "csv"),
    TEXT("text/plain", "txt");

    /** How much of the start of a file decides its type. */
    static final int SNIFF_BYTES = 8192;
    private static final int MAX_ZIP_ENTRIES = 2000;
    private static final Pattern EMAIL_HEADER = Pattern.compile(
            "(?im)^(from|to|date|subject|message-id|received|mime-version|return-path):[ \\t]");
    private static final Pattern MARKUP = Pattern.compile("(?is)^\\s*(<!doctype|<html|<svg|<\\?xml|<script|<body|<head)");

    private final String mediaType;
    private final String extension;

    FileType(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What the bytes are, or why they are refused. */
    public record Verdict(FileType type, String refusal) {
        static Verdict of(FileType type) {
            return new Verdict(type, null);
        }

        static Verdict refused(String reason) {
            return new Verdict(null, reason);
        }

        public boolean accepted() {
            return type != null;
        }
    }

    public static Verdict detect(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SNIFF_BYTES);
        }
        return detect(head, file);
    }

    /**
     * The same, from the first {@link #SNIFF_BYTES} bytes already at hand (an upload's, seen as
     * it arrived); {@code file} is read only for a zip's central directory.
     */
    public static Verdict detect(byte[] head, Path file) throws IOException {
        if (head.length == 0) {
            return Verdict.refused("The file is empty.");
        }
        if (startsWith(head, "%PDF-")) {
            return Verdict.of(PDF);
        }
        if (startsWith(head, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})) {
            return Verdict.of(PNG);
        }
        if (startsWith(head, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff})) {
            return Verdict.of(JPEG);
        }
        if (startsWith(head, new byte[] {'I', 'I', 42, 0}) || startsWith(head, new byte[] {'M', 'M', 0, 42})) {
            return Verdict.of(TIFF);
        }
        if (startsWith(head, new byte[] {'P', 'K', 3, 4})) {
            return office(file);
        }
        String other = knownOther(head);
        if (other != null) {
            return Verdict.refused("The file is " + other + ", which is not one of the accepted types (PDF, PNG,"
                    + " JPEG, TIFF, plain text, e-mail, DOCX, XLSX, CSV).");
        }
        Optional<String> text = utf8(head);
        if (text.isEmpty()) {
            return Verdict.refused("The file is not one of the accepted types (PDF, PNG, JPEG, TIFF, plain text, e-mail,"
                    + " DOCX, XLSX, CSV): its bytes look like " + describe(head) + ".");
        }
        String start = text.get();
        if (MARKUP.matcher(start).find()) {
            return Verdict.refused("HTML, SVG and XML files are not accepted, whatever their name: they can run"
                    + " scripts in a browser. Save the page as PDF instead.");
        }
        if (EMAIL_HEADER.matcher(start.substring(0, Math.min(start.length(), 4096))).results().count() >= 2) {
            return Verdict.of(EML);
        }
        return Verdict.of(looksLikeCsv(start) ? CSV : TEXT);
    }

    /**
     * DOCX and XLSX are zip files with a known layout; any other zip is refused. Only the central
     * directory is read (names, no data): a 10 MB DOCX once held its upload 26.8 s while a
     * ZipInputStream inflated every entry just to step over it.
     */
    private static Verdict office(Path file) throws IOException {
        boolean contentTypes = false;
        boolean word = false;
        boolean excel = false;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> all = zip.entries();
            int entries = 0;
            while (all.hasMoreElements() && entries++ < MAX_ZIP_ENTRIES) {
                String name = all.nextElement().getName();
                contentTypes |= name.equals("[Content_Types].xml");
                word |= name.startsWith("word/");
                excel |= name.startsWith("xl/");
            }
        } catch (IOException | IllegalArgumentException e) {
            return Verdict.refused("The file starts like a zip archive but cannot be read as one.");
        }
        if (contentTypes && word) {
            return Verdict.of(DOCX);
        }
        if (contentTypes && excel) {
            return Verdict.of(XLSX);
        }
        return Verdict.refused("Zip archives are not accepted (only DOCX and XLSX, which are zips of a known layout):"
                + " unpack it and upload the files inside.");
    }

    private static Optional<String> utf8(byte[] head) {
        int length = head.length;
        // A multi-byte character may be cut at the sniffing boundary: drop up to 3 trailing bytes.
        for (int cut = 0; cut <= 3 && length - cut > 0; cut++) {
            try {
                String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(head, 0, length - cut)).toString();
                if (text.chars().anyMatch(c -> c == 0 || (c < 32 && c != '\n' && c != '\r' && c != '\t' && c != '\f'))) {
                    return Optional.empty();
                }
                return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
            } catch (CharacterCodingException e) {
                if (head.length < SNIFF_BYTES) {
                    return Optional.empty();   // the whole file was read: not a cut character
                }
            }
        }
        return Optional.empty();
    }

    private static boolean looksLikeCsv(String text) {
        String[] lines = text.split("\\r?\\n", 6);
        if (lines.length < 2) {
            return false;
        }
        long commas = lines[0].chars().filter(c -> c == ',').count();
        if (commas == 0) {
            return false;
        }
        for (int i = 1; i < Math.min(lines.length, 5); i++) {
            if (!lines[i].isEmpty() && lines[i].chars().filter(c -> c == ',').count() != commas
                    && !lines[i].contains("\"")) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] bytes, String prefix) {
        return startsWith(bytes, prefix.getBytes(StandardCharsets.US_ASCII));
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Signatures of types we refuse, checked before the text test: some are plain ASCII
     * ("GIF89a", "{\\rtf", "%!PS") and would otherwise pass as text.
     */
    private static String knownOther(byte[] head) {
        if (startsWith(head, "GIF87a") || startsWith(head, "GIF89a")) {
            return "a GIF image";
        }
        if (startsWith(head, new byte[] {0x7f, 'E', 'L', 'F'})) {
            return "a Linux program";
        }
        if (startsWith(head, new byte[] {'M', 'Z'})) {
            return "a Windows program";
        }
        if (startsWith(head, new byte[] {0x1f, (byte) 0x8b})) {
            return "a gzip archive";
        }
        if (startsWith(head, "Rar!") || startsWith(head, new byte[] {'7', 'z', (byte) 0xbc, (byte) 0xaf})) {
            return "a compressed archive";
        }
        if (startsWith(head, "{\\rtf")) {
            return "an RTF document";
        }
        if (startsWith(head, "%!PS")) {
            return "a PostScript file";
        }
        if (startsWith(head, new byte[] {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0})) {
            return "an old Office document (.doc/.xls)";
        }
        return null;
    }

    /** A few words for the refusal message: the first bytes in hex. */
    private static String describe(byte[] head) {
        StringBuilder hex = new StringBuilder("binary data starting ");
        for (int i = 0; i < Math.min(8, head.length); i++) {
            hex.append(String.format("%02x", head[i]));
        }
        return hex.toString();
    }
}
