package org.ringwatch.document;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Files the tests make themselves: text PDFs, scanned PDFs, hostile and broken files. */
public final class TestFiles {

    private TestFiles() {
    }

    /** A PDF with a real text layer, one page per string. */
    public static byte[] textPdf(String... pages) throws IOException {
        return pdfWithPicture(0, pages);
    }

    /**
     * A PDF with a real text layer, one page per string, where page {@code picturePage} (from 1;
     * 0 for none) also carries a picture: what a withheld page must not leak through.
     */
    public static byte[] pdfWithPicture(int picturePage, String... pages) throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 0; i < pages.length; i++) {
                PDPage page = new PDPage(PDRectangle.LETTER);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    line(content, pages[i]);
                    if (i + 1 == picturePage) {
                        content.drawImage(LosslessFactory.createFromImage(document, picture()), 72, 400, 200, 100);
                    }
                }
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    /** A scan: the words exist only as pixels of an image, one page per string, so only OCR can read them. */
    public static byte[] scannedPdf(String... pages) throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String words : pages) {
                BufferedImage image = new BufferedImage(1700, 400, BufferedImage.TYPE_INT_RGB);
                Graphics2D graphics = image.createGraphics();
                graphics.setColor(Color.WHITE);
                graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
                graphics.setColor(Color.BLACK);
                graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                graphics.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 72));
                graphics.drawString(words, 60, 220);
                graphics.dispose();
                PDPage page = new PDPage(PDRectangle.LETTER);
                document.addPage(page);
                PDImageXObject xobject = LosslessFactory.createFromImage(document, image);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.drawImage(xobject, 36, 500, 540, 127);
                }
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    /** One line of real text at the top of the page. */
    static void line(PDPageContentStream content, String text) throws IOException {
        content.beginText();
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        content.newLineAtOffset(72, 700);
        content.showText(text);
        content.endText();
    }

    private static BufferedImage picture() {
        BufferedImage image = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.ORANGE);
        graphics.fillOval(10, 10, 180, 80);
        graphics.dispose();
        return image;
    }

    public static byte[] encryptedPdf() throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret",
                    new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            document.save(out);
            return out.toByteArray();
        }
    }

    /** Starts like a PDF, ends after a few bytes: a truncated download. */
    public static byte[] truncatedPdf() throws IOException {
        byte[] whole = textPdf("This file is cut short");
        byte[] cut = new byte[40];
        System.arraycopy(whole, 0, cut, 0, cut.length);
        return cut;
    }

    /** A page tree whose only child is itself: a naive reader walks it forever. */
    public static byte[] loopingPdf() {
        String pdf = "%PDF-1.4\n"
                + "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
                + "2 0 obj\n<< /Type /Pages /Kids [2 0 R] /Count 1 >>\nendobj\n"
                + "trailer\n<< /Root 1 0 R >>\n%%EOF\n";
        return pdf.getBytes(StandardCharsets.US_ASCII);
    }

    /** A DOCX whose document part inflates far beyond the cap: a decompression bomb. */
    public static byte[] docxBomb() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 260; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    /** A minimal but valid Word document: content types, package relationships, one paragraph. */
    public static byte[] docx(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            entry(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument"
                    + ".wordprocessingml.document.main+xml\"/></Types>");
            entry(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                    + "relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>");
            entry(zip, "word/document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                    + "<w:body><w:p><w:r><w:t>" + text + "</w:t></w:r></w:p></w:body></w:document>");
        }
        return out.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    public static byte[] xlsx(String cell) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
            zip.write(("<sst><si><t>" + cell + "</t></si></sst>").getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    public static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /**
     * A one-page PDF whose content stream is {@code zeros} zero bytes, Flate-compressed (at the
     * fastest level, still over two hundredfold): a decompression bomb for a reader that decodes
     * streams in memory.
     */
    public static byte[] flateBombPdf(long zeros) throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        java.util.zip.Deflater deflater = new java.util.zip.Deflater(java.util.zip.Deflater.BEST_SPEED);
        try (java.util.zip.DeflaterOutputStream out = new java.util.zip.DeflaterOutputStream(compressed, deflater,
                1 << 16)) {
            byte[] chunk = new byte[1 << 20];
            for (long written = 0; written < zeros; written += chunk.length) {
                out.write(chunk, 0, (int) Math.min(chunk.length, zeros - written));
            }
        } finally {
            deflater.end();
        }
        byte[] data = compressed.toByteArray();
        return pdf(
                ascii("<< /Type /Catalog /Pages 2 0 R >>"),
                ascii("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
                ascii("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>"),
                stream("/Filter /FlateDecode", data));
    }

    /**
     * A "billion laughs" PDF: the page draws form X10 ten times, each form draws the one below it
     * ten times, down to X0, a short line: 10^11 drawings, all of them a reader must walk to find
     * the text. Every object is small and well-formed; only the walk never ends.
     */
    public static byte[] laughingPdf() {
        int levels = 11;
        java.util.List<byte[]> objects = new java.util.ArrayList<>();
        objects.add(ascii("<< /Type /Catalog /Pages 2 0 R >>"));
        objects.add(ascii("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"));
        objects.add(ascii("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /X "
                + (5 + levels - 1) + " 0 R >> >> /Contents 4 0 R >>"));
        objects.add(stream("", ascii("/X Do ".repeat(10))));
        for (int level = 0; level < levels; level++) {
            String resources = level == 0 ? "" : " /Resources << /XObject << /X " + (5 + level - 1) + " 0 R >> >>";
            byte[] content = ascii(level == 0 ? "0 0 m 1 1 l S" : "/X Do ".repeat(10));
            objects.add(stream("/Type /XObject /Subtype /Form /BBox [0 0 10 10]" + resources, content));
        }
        return pdf(objects.toArray(byte[][]::new));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] stream(String dictionary, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ascii("<< " + dictionary + " /Length " + data.length + " >>\nstream\n"));
        out.writeBytes(data);
        out.writeBytes(ascii("\nendstream"));
        return out.toByteArray();
    }

    /** A PDF of these objects (numbered from 1, the first the catalog) with a correct cross-reference table. */
    private static byte[] pdf(byte[]... objects) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ascii("%PDF-1.7\n"));
        long[] offsets = new long[objects.length];
        for (int i = 0; i < objects.length; i++) {
            offsets[i] = out.size();
            out.writeBytes(ascii((i + 1) + " 0 obj\n"));
            out.writeBytes(objects[i]);
            out.writeBytes(ascii("\nendobj\n"));
        }
        long xref = out.size();
        StringBuilder table = new StringBuilder("xref\n0 " + (objects.length + 1) + "\n0000000000 65535 f \n");
        for (long offset : offsets) {
            table.append(String.format("%010d 00000 n \n", offset));
        }
        table.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        out.writeBytes(ascii(table.toString()));
        return out.toByteArray();
    }
}
