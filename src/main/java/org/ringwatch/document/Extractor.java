package org.ringwatch.document;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.tika.exception.TikaException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.microsoft.ooxml.OOXMLParser;
import org.apache.tika.sax.BodyContentHandler;
import org.xml.sax.SAXException;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.zip.ZipInputStream;

/**
 * Text per page: the PDF's own text layer, OCR for pages without one and for images, the
 * text of plain files, e-mails and Office files. Bounded everywhere a hostile file could make it
 * unbounded (pages, inflated bytes, text length); such files end in {@link Quarantine}. It runs
 * in the child JVM ({@link ParserChild}), never in the service's, so it is a plain class.
 */
public class Extractor {

    static final int MAX_PAGES = 5000;
    static final long MAX_INFLATED_BYTES = 200L * 1024 * 1024;
    /** Decoded PDF streams, all together, may take this much temporary disk at most. */
    static final long MAX_DECODED_BYTES = 1024L * 1024 * 1024;
    static final int MAX_TEXT_CHARS_PER_PAGE = 1_000_000;
    static final int OCR_DPI = 300;
    /** A page with less text than this is taken to be a scan and read by OCR. */
    static final int MIN_TEXT_LAYER_CHARS = 20;

    /** The file cannot be processed safely; the reason is shown to the reviewer. */
    public static final class Quarantine extends Exception {
        public Quarantine(String reason) {
            super(reason);
        }
    }

    public record Page(String text, String source) {
    }

    /** A file found inside another (an e-mail's attachment), spooled to a temporary file. */
    public record Attachment(String name, Path file) {
    }

    /**
     * The pages; whether some page needed OCR that was not available; a PNG thumbnail of the
     * first page (null when there is nothing to picture); files found inside (e-mail attachments).
     */
    public record Extraction(List<Page> pages, boolean ocrMissing, byte[] thumbnail, List<Attachment> attachments) {
        Extraction(List<Page> pages, boolean ocrMissing) {
            this(pages, ocrMissing, null, List.of());
        }

        Extraction withThumbnail(byte[] png) {
            return new Extraction(pages, ocrMissing, png, attachments);
        }
    }

    static final int THUMBNAIL_WIDTH = 240;
    static final int MAX_ATTACHMENTS = 50;

    private final Ocr ocr;
    private final long maxDecodedBytes;
    private final int ocrWorkers;

    /**
     * @param maxDecodedBytes how far one PDF stream may decode ({@link DecodedSize})
     * @param ocrWorkers how many of a PDF's pages are read by OCR at once ({@link OcrPages})
     */
    public Extractor(Ocr ocr, long maxDecodedBytes, int ocrWorkers) {
        this.ocr = ocr;
        this.maxDecodedBytes = maxDecodedBytes;
        this.ocrWorkers = ocrWorkers;
    }

    public Extraction extract(Path file, FileType type) throws IOException, InterruptedException, Quarantine {
        return switch (type) {
            case PDF -> pdf(file);
            case PNG, JPEG, TIFF -> image(file);
            case TEXT, CSV -> new Extraction(List.of(new Page(cap(readText(file)), "parser")), false);
            case EML -> Mail.read(file, MAX_ATTACHMENTS, MAX_INFLATED_BYTES);
            case DOCX, XLSX -> new Extraction(List.of(new Page(cap(office(file)), "parser")), false);
        };
    }

    /** Opens an untrusted PDF within the limits; the caller closes it. */
    static PDDocument open(Path file) throws Quarantine {
        try {
            // Streams are cached in temporary files, not the heap, so a 500-page scan stays out of
            // memory; the cache is capped, so a stream that inflates without end stops at the cap.
            return Loader.loadPDF(file.toFile(), "", null, null,
                    MemoryUsageSetting.setupTempFileOnly(MAX_DECODED_BYTES).streamCache);
        } catch (InvalidPasswordException e) {
            throw new Quarantine("The PDF is encrypted with a password; ask the agency for an unprotected copy.");
        } catch (IOException e) {
            throw new Quarantine("The PDF is damaged and cannot be read (" + e.getMessage() + ").");
        }
    }

    /** The first page as a small PNG. */
    static byte[] thumbnail(PDDocument document) throws IOException {
        return png(scaled(new PDFRenderer(document).renderImageWithDPI(0, 36, ImageType.RGB)));
    }

    private Extraction pdf(Path file) throws IOException, InterruptedException, Quarantine {
        try (PDDocument document = open(file)) {
            DecodedSize.check(document.getDocument(), maxDecodedBytes);
            int pageCount = document.getNumberOfPages();
            if (pageCount == 0) {
                throw new Quarantine("The PDF has no page RingWatch can read: its page tree is empty or broken.");
            }
            if (pageCount > MAX_PAGES) {
                throw new Quarantine("The PDF has " + pageCount + " pages; RingWatch reads at most " + MAX_PAGES + ".");
            }
            PDFTextStripper stripper = new PDFTextStripper();
            PDFRenderer renderer = new PDFRenderer(document);
            List<Read> read = new ArrayList<>();
            try (OcrPages ocrPages = new OcrPages(ocr, ocrWorkers)) {
                for (int number = 1; number <= pageCount; number++) {
                    if (Thread.interrupted()) {
                        throw new InterruptedException();
                    }
                    stripper.setStartPage(number);
                    stripper.setEndPage(number);
                    String text;
                    try {
                        text = stripper.getText(document);
                    } catch (IOException | RuntimeException e) {
                        text = "";
                    }
                    if (text.strip().length() >= MIN_TEXT_LAYER_CHARS || ocrPages.unavailable()) {
                        read.add(new Read(text, null));
                        continue;
                    }
                    int index = number - 1;
                    try {
                        read.add(new Read(text, ocrPages.read(image -> writeGray(
                                renderer.renderImageWithDPI(index, OCR_DPI, ImageType.GRAY), image))));
                    } catch (IOException | RuntimeException e) {
                        throw new Quarantine("Page " + number + " cannot be rendered (" + e.getMessage() + ").");
                    }
                }
                List<Page> pages = new ArrayList<>();
                boolean ocrMissing = false;
                for (Read page : read) {
                    if (page.ocr() == null) {
                        pages.add(new Page(cap(page.layer()), "text_layer"));
                        continue;
                    }
                    try {
                        pages.add(new Page(cap(page.ocr().get()), "ocr"));
                    } catch (ExecutionException e) {
                        if (!(e.getCause() instanceof Ocr.Unavailable)) {
                            throw new Quarantine("Page " + (pages.size() + 1) + " cannot be rendered ("
                                    + e.getCause().getMessage() + ").");
                        }
                        ocrMissing = true;
                        pages.add(new Page(cap(page.layer()), "text_layer"));
                    }
                }
                return new Extraction(pages, ocrMissing).withThumbnail(thumbnail(document));
            }
        }
    }

    /**
     * A page as the first pass leaves it: its text layer's text and, when that was too little,
     * the OCR reading it meanwhile ({@link OcrPages}). The second pass takes them in page order.
     */
    private record Read(String layer, Future<String> ocr) {
    }

    /**
     * A grey page image as binary PGM: tesseract reads it as well as a PNG, and writing it
     * compresses nothing, leaving the CPU a PNG encoder would take to the OCR running meanwhile.
     */
    static void writeGray(BufferedImage gray, Path file) throws IOException {
        int width = gray.getWidth();
        int height = gray.getHeight();
        byte[] row = new byte[width];
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(("P5\n" + width + " " + height + "\n255\n").getBytes(StandardCharsets.US_ASCII));
            for (int y = 0; y < height; y++) {
                gray.getRaster().getDataElements(0, y, width, 1, row);
                out.write(row);
            }
        }
    }

    private Extraction image(Path file) throws IOException, InterruptedException, Quarantine {
        BufferedImage picture;
        try {
            picture = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new Quarantine("The image is damaged and cannot be read (" + e.getMessage() + ").");
        }
        byte[] thumbnail = picture == null ? null : png(scaled(picture));
        try {
            return new Extraction(List.of(new Page(cap(ocr.read(file)), "ocr")), false).withThumbnail(thumbnail);
        } catch (Ocr.Unavailable e) {
            return new Extraction(List.of(new Page("", "ocr")), true).withThumbnail(thumbnail);
        }
    }

    private static BufferedImage scaled(BufferedImage source) {
        int width = Math.min(THUMBNAIL_WIDTH, source.getWidth());
        int height = Math.max(1, (int) Math.round((double) source.getHeight() * width / source.getWidth()));
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D graphics = target.createGraphics();
        graphics.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION,
                java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        graphics.drawImage(source, 0, 0, width, height, null);
        graphics.dispose();
        return target;
    }

    private static byte[] png(BufferedImage image) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static String readText(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_TEXT_CHARS_PER_PAGE * 4);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /**
     * The text of a DOCX or XLSX through Apache Tika. The zip is measured first: a file that
     * inflates past the cap is quarantined before any parser unpacks it.
     */
    private static String office(Path file) throws IOException, Quarantine {
        long inflated = 0;
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            byte[] buffer = new byte[64 * 1024];
            while (zip.getNextEntry() != null) {
                int read;
                while ((read = zip.read(buffer)) > 0) {
                    inflated += read;
                    if (inflated > MAX_INFLATED_BYTES) {
                        throw new Quarantine("The file inflates to more than " + MAX_INFLATED_BYTES / (1024 * 1024)
                                + " MB: it looks like a decompression bomb.");
                    }
                }
            }
        }
        BodyContentHandler text = new BodyContentHandler(MAX_TEXT_CHARS_PER_PAGE);
        try (InputStream in = Files.newInputStream(file)) {
            new OOXMLParser().parse(in, text, new Metadata(), new ParseContext());
        } catch (SAXException e) {
            // The text limit was reached: keep what was read.
        } catch (TikaException e) {
            throw new Quarantine("The file cannot be read as an Office document (" + e.getMessage() + ").");
        }
        return text.toString().strip();
    }

    private static String cap(String text) {
        String clean = text.replace('\u0000', ' ');
        return clean.length() > MAX_TEXT_CHARS_PER_PAGE ? clean.substring(0, MAX_TEXT_CHARS_PER_PAGE) : clean;
    }
}
