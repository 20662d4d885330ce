import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.util.Random;

/**
 * The files of bench/extraction.sh (see bench/README.md), run as a single-file program with
 * PDFBox from the jar's own libraries:
 * {@code java -cp 'target/quarkus-app/lib/main/*' bench/ExtractionFiles.java text|scan PAGES FILE}.
 *
 * <ul>
 *   <li>{@code text}: a PDF with a real text layer, LINES lines of typed words a page (about 3,500
 *       characters: a dense letter page), Helvetica 10 pt;</li>
 *   <li>{@code scan}: the same kind of page as pixels only, a 300 dpi grey image a page (what a
 *       scanner gives), so nothing but OCR can read it.</li>
 * </ul>
 * The words come from a fixed list with a fixed seed: the same files in every run.
 */
public class ExtractionFiles {

    static final int LINES = 46;
    static final int WORDS_PER_LINE = 12;
    static final int DPI = 300;
    static final String[] WORDS = ("agreement city police department ring neighbors portal request video footage "
            + "camera residents records public law enforcement memorandum understanding section party shall data "
            + "access notice term county sheriff officer users network share privacy policy retention days each "
            + "the of and to in for with by on under this any such other all may not be from").split(" ");

    public static void main(String[] args) throws IOException {
        if (args.length != 3 || !(args[0].equals("text") || args[0].equals("scan"))) {
            throw new IllegalArgumentException("usage: text|scan PAGES FILE");
        }
        int pages = Integer.parseInt(args[1]);
        Random random = new Random(12);
        try (PDDocument document = new PDDocument()) {
            for (int number = 1; number <= pages; number++) {
                String[] lines = new String[LINES];
                for (int i = 0; i < LINES; i++) {
                    StringBuilder line = new StringBuilder(i == 0 ? "Page " + number + ". " : "");
                    for (int w = 0; w < WORDS_PER_LINE; w++) {
                        line.append(WORDS[random.nextInt(WORDS.length)]).append(w + 1 < WORDS_PER_LINE ? " " : ".");
                    }
                    lines[i] = line.toString();
                }
                PDPage page = new PDPage(PDRectangle.LETTER);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    if (args[0].equals("text")) {
                        typed(content, lines);
                    } else {
                        content.drawImage(LosslessFactory.createFromImage(document, scanned(lines)), 0, 0,
                                PDRectangle.LETTER.getWidth(), PDRectangle.LETTER.getHeight());
                    }
                }
            }
            document.save(new File(args[2]));
        }
    }

    static void typed(PDPageContentStream content, String[] lines) throws IOException {
        content.beginText();
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 10);
        content.setLeading(14);
        content.newLineAtOffset(54, 740);
        for (String line : lines) {
            content.showText(line);
            content.newLine();
        }
        content.endText();
    }

    /** A letter page at 300 dpi: the lines as 10 pt text, in grey levels, as a scanner reads print. */
    static BufferedImage scanned(String[] lines) {
        int width = (int) (PDRectangle.LETTER.getWidth() / 72 * DPI);
        int height = (int) (PDRectangle.LETTER.getHeight() / 72 * DPI);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, width, height);
        graphics.setColor(Color.BLACK);
        graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        graphics.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10 * DPI / 72));
        int leading = 14 * DPI / 72;
        for (int i = 0; i < lines.length; i++) {
            graphics.drawString(lines[i], 54 * DPI / 72, (792 - 740) * DPI / 72 + i * leading);
        }
        graphics.dispose();
        return image;
    }
}
