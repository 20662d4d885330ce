package org.ringwatch.document;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The child JVM that reads one untrusted file for {@link IsolatedParser}: a plain {@code main},
 * no CDI and no Quarkus, so it starts in about a second and a bomb or a parser loop in it costs
 * only itself. It writes what it read to a result file in a simple framed format, and exits
 * 0 when done, {@value #QUARANTINED} when the file cannot be read safely, {@value #FAILED} on any
 * other failure; either way its last stderr line starting with {@value #REASON} says why.
 *
 * <pre>
 * extract     TYPE FILE RESULT MAX_DECODED_BYTES OCR_WORKERS
 * public-copy ORIGINAL WITHHELD TARGET RESULT
 * </pre>
 */
public final class ParserChild {

    static final int QUARANTINED = 2;
    static final int FAILED = 1;
    static final String REASON = "ringwatch-child: ";

    private ParserChild() {
    }

    public static void main(String[] args) {
        int status;
        try {
            run(args);
            status = 0;
        } catch (Extractor.Quarantine e) {
            System.err.println(REASON + oneLine(e.getMessage()));
            status = QUARANTINED;
        } catch (StackOverflowError e) {
            System.err.println(REASON + "The file is nested too deeply to be read.");
            status = QUARANTINED;
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.err.println(REASON + oneLine(e.toString()));
            status = FAILED;
        }
        System.err.flush();
        // halt, not exit: a library's stray non-daemon thread must not keep the child alive.
        Runtime.getRuntime().halt(status);
    }

    private static void run(String[] args) throws Exception {
        String mode = args.length == 0 ? "" : args[0];
        if (mode.equals("extract") && args.length == 6) {
            FileType type = FileType.valueOf(args[1].toUpperCase(Locale.ROOT));
            int ocrWorkers = Integer.parseInt(args[5]);
            Extractor.Extraction extraction = new Extractor(new Ocr(ocrWorkers > 1), Long.parseLong(args[4]), ocrWorkers)
                    .extract(Path.of(args[2]), type);
            try (DataOutputStream out = output(Path.of(args[3]))) {
                writeExtraction(out, extraction);
            }
        } else if (mode.equals("public-copy") && args.length == 5) {
            SortedMap<Integer, String> withheld;
            try (DataInputStream in = input(Path.of(args[2]))) {
                withheld = readWithheld(in);
            }
            byte[] thumbnail = new PublicCopy().make(Path.of(args[1]), withheld, Path.of(args[3]));
            try (DataOutputStream out = output(Path.of(args[4]))) {
                writeBytes(out, thumbnail);
            }
        } else {
            throw new IllegalArgumentException("usage: extract TYPE FILE RESULT MAX_DECODED_BYTES OCR_WORKERS"
                    + " | public-copy ORIGINAL WITHHELD TARGET RESULT");
        }
    }

    private static String oneLine(String message) {
        return String.valueOf(message).replaceAll("\\s+", " ").strip();
    }

    static DataOutputStream output(Path file) throws IOException {
        return new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)));
    }

    static DataInputStream input(Path file) throws IOException {
        return new DataInputStream(new BufferedInputStream(Files.newInputStream(file)));
    }

    static void writeExtraction(DataOutputStream out, Extractor.Extraction extraction) throws IOException {
        out.writeBoolean(extraction.ocrMissing());
        out.writeInt(extraction.pages().size());
        for (Extractor.Page page : extraction.pages()) {
            writeString(out, page.source());
            writeString(out, page.text());
        }
        writeBytes(out, extraction.thumbnail());
        out.writeInt(extraction.attachments().size());
        for (Extractor.Attachment attachment : extraction.attachments()) {
            writeString(out, attachment.name());
            writeString(out, attachment.file().toAbsolutePath().toString());
        }
    }

    static Extractor.Extraction readExtraction(DataInputStream in) throws IOException {
        boolean ocrMissing = in.readBoolean();
        int pageCount = in.readInt();
        List<Extractor.Page> pages = new ArrayList<>();
        for (int i = 0; i < pageCount; i++) {
            String source = readString(in);
            pages.add(new Extractor.Page(readString(in), source));
        }
        byte[] thumbnail = readBytes(in);
        int attachmentCount = in.readInt();
        List<Extractor.Attachment> attachments = new ArrayList<>();
        for (int i = 0; i < attachmentCount; i++) {
            String name = readString(in);
            attachments.add(new Extractor.Attachment(name, Path.of(readString(in))));
        }
        return new Extractor.Extraction(pages, ocrMissing, thumbnail, attachments);
    }

    static void writeWithheld(DataOutputStream out, SortedMap<Integer, String> withheld) throws IOException {
        out.writeInt(withheld.size());
        for (var page : withheld.entrySet()) {
            out.writeInt(page.getKey());
            writeString(out, page.getValue());
        }
    }

    private static SortedMap<Integer, String> readWithheld(DataInputStream in) throws IOException {
        SortedMap<Integer, String> withheld = new TreeMap<>();
        int count = in.readInt();
        for (int i = 0; i < count; i++) {
            int number = in.readInt();
            withheld.put(number, readString(in));
        }
        return withheld;
    }

    private static void writeString(DataOutputStream out, String text) throws IOException {
        writeBytes(out, text.getBytes(StandardCharsets.UTF_8));
    }

    private static String readString(DataInputStream in) throws IOException {
        return new String(readBytes(in), StandardCharsets.UTF_8);
    }

    /** Length, then the bytes; -1 for none. */
    static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        if (bytes == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static byte[] readBytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        return length < 0 ? null : in.readNBytes(length);
    }
}
