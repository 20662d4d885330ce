package org.ringwatch.document;

import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * Makes the copy of a PDF the public gets when some of its pages are withheld: each withheld
 * page becomes a page that says "Page N withheld: reason", the others stay as they are.
 *
 * <p>Hiding a page from the page tree is not enough, because a PDF writer saves every object
 * still reachable: a link or a bookmark to the page, a form field on it, the tagged-PDF structure
 * (which may carry its text as alternate text), or resources shared through the page tree would
 * all keep its text or pictures in the file. So the withheld page's own dictionary is emptied and
 * reused for the replacement (whatever pointed at it now points at the replacement), its
 * annotations are emptied, the structure tree goes, and pages that shared resources with it keep
 * only the pictures their own content draws. The file is then written whole, never incrementally,
 * so no earlier revision survives in it. It runs in the child JVM ({@link ParserChild}).
 */
public class PublicCopy {

    private static final float FONT_SIZE = 14;
    /** Reasons are refused over this length; older rows are cut to it here all the same. */
    private static final int MAX_REASON_CHARS = DocumentService.MAX_REASON;

    /**
     * Only a PDF's pages can be replaced one by one. Any other file with a withheld part has no
     * public copy, and so is not public at all ({@link DocumentAccess}).
     */
    static boolean canCopy(FileType type) {
        return type == FileType.PDF;
    }

    /**
     * Writes the copy of {@code original} without the {@code withheld} pages (number to reason) to
     * {@code target}.
     *
     * @return the copy's first page as a small PNG
     */
    byte[] make(Path original, SortedMap<Integer, String> withheld, Path target)
            throws IOException, Extractor.Quarantine {
        try (PDDocument pdf = Extractor.open(original)) {
            List<PDPage> pages = new ArrayList<>();
            pdf.getPages().forEach(pages::add);
            // What the withheld pages drew; a kept page sharing their resources must not carry it on.
            Set<COSBase> withheldPictures = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Map.Entry<Integer, String> page : withheld.entrySet()) {
                if (page.getKey() <= pages.size()) {
                    withheldPictures.addAll(pictures(pages.get(page.getKey() - 1).getResources()));
                    replace(pdf, pages.get(page.getKey() - 1), page.getKey(), page.getValue());
                }
            }
            for (int number = 1; number <= pages.size(); number++) {
                if (!withheld.containsKey(number)) {
                    keep(pages.get(number - 1), withheldPictures);
                }
            }
            removeInheritedResources(pdf.getPages().getCOSObject(), new HashSet<>());
            pdf.getDocumentCatalog().getCOSObject().removeItem(COSName.STRUCT_TREE_ROOT);
            pdf.getDocumentCatalog().getCOSObject().removeItem(COSName.MARK_INFO);
            pdf.setAllSecurityToBeRemoved(true);
            byte[] thumbnail = Extractor.thumbnail(pdf);
            pdf.save(target.toFile());
            return thumbnail;
        }
    }

    /** Empties the page's dictionary in place and draws the notice on it. */
    private static void replace(PDDocument pdf, PDPage page, int number, String reason) throws IOException {
        PDRectangle media = copy(page.getMediaBox());
        PDRectangle crop = copy(page.getCropBox());
        int rotation = page.getRotation();
        for (PDAnnotation annotation : page.getAnnotations()) {
            annotation.getCOSObject().clear();   // a form field elsewhere may still point at it
        }
        COSDictionary dictionary = page.getCOSObject();
        COSBase parent = dictionary.getItem(COSName.PARENT);
        dictionary.clear();
        dictionary.setItem(COSName.TYPE, COSName.PAGE);
        dictionary.setItem(COSName.PARENT, parent);
        page.setMediaBox(media);
        page.setCropBox(crop);
        page.setRotation(rotation);
        page.setResources(new PDResources());
        PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        float margin = Math.min(72, crop.getWidth() / 10);
        List<String> lines = wrap("Page " + number + " withheld: " + printable(reason, font), font,
                crop.getWidth() - 2 * margin);
        try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
            content.beginText();
            content.setFont(font, FONT_SIZE);
            content.setLeading(FONT_SIZE * 1.4f);
            content.newLineAtOffset(crop.getLowerLeftX() + margin, crop.getUpperRightY() - margin - FONT_SIZE);
            for (String line : lines) {
                content.showText(line);
                content.newLine();
            }
            content.endText();
        }
    }

    /**
     * Gives a kept page resources of its own, and where they are shared with a withheld page,
     * only the pictures and forms its own content draws.
     */
    private static void keep(PDPage page, Set<COSBase> withheldPictures) throws IOException {
        PDResources resources = page.getResources();
        if (resources == null) {
            return;
        }
        COSDictionary xObjects = resources.getCOSObject().getCOSDictionary(COSName.XOBJECT);
        if (xObjects == null || Collections.disjoint(pictures(resources), withheldPictures)) {
            page.setResources(resources);   // inherited ones become its own: the page tree's go below
            return;
        }
        Set<COSName> drawn = drawn(page);
        COSDictionary kept = new COSDictionary();
        for (COSName name : xObjects.keySet()) {
            if (drawn.contains(name)) {
                kept.setItem(name, xObjects.getItem(name));
            }
        }
        COSDictionary own = new COSDictionary(resources.getCOSObject());
        own.setItem(COSName.XOBJECT, kept);
        page.setResources(new PDResources(own));
    }

    /** The pictures and forms a resource dictionary offers, as the objects themselves. */
    private static Set<COSBase> pictures(PDResources resources) {
        Set<COSBase> found = Collections.newSetFromMap(new IdentityHashMap<>());
        COSDictionary xObjects = resources == null ? null : resources.getCOSObject().getCOSDictionary(COSName.XOBJECT);
        if (xObjects != null) {
            for (COSName name : xObjects.keySet()) {
                COSBase value = xObjects.getItem(name);
                found.add(value instanceof COSObject indirect ? indirect.getObject() : value);
            }
        }
        return found;
    }

    /** The names the page's content draws with {@code Do}. */
    private static Set<COSName> drawn(PDPage page) throws IOException {
        Set<COSName> names = new HashSet<>();
        if (!page.hasContents()) {
            return names;
        }
        PDFStreamParser parser = new PDFStreamParser(page);
        Object previous = null;
        for (Object token = parser.parseNextToken(); token != null; token = parser.parseNextToken()) {
            if (token instanceof Operator operator && "Do".equals(operator.getName())
                    && previous instanceof COSName name) {
                names.add(name);
            }
            previous = token;
        }
        return names;
    }

    /** Every page has its own resources now; those on the page tree's inner nodes would only carry old ones along. */
    private static void removeInheritedResources(COSDictionary node, Set<COSDictionary> seen) {
        if (!seen.add(node)) {
            return;
        }
        node.removeItem(COSName.RESOURCES);
        COSArray kids = node.getCOSArray(COSName.KIDS);
        if (kids == null) {
            return;
        }
        for (int i = 0; i < kids.size(); i++) {
            if (kids.getObject(i) instanceof COSDictionary kid && COSName.PAGES.equals(kid.getCOSName(COSName.TYPE))) {
                removeInheritedResources(kid, seen);
            }
        }
    }

    private static PDRectangle copy(PDRectangle box) {
        return new PDRectangle(box.getLowerLeftX(), box.getLowerLeftY(), box.getWidth(), box.getHeight());
    }

    /** The reason in characters the standard font can show: others become "?", line breaks spaces. */
    private static String printable(String reason, PDType1Font font) {
        String capped = reason.length() > MAX_REASON_CHARS ? reason.substring(0, MAX_REASON_CHARS) + "…" : reason;
        StringBuilder out = new StringBuilder();
        capped.codePoints().forEach(c -> {
            String character = Character.isISOControl(c) ? " " : new String(Character.toChars(c));
            try {
                font.encode(character);
                out.append(character);
            } catch (IllegalArgumentException | IOException e) {
                out.append('?');
            }
        });
        return out.toString();
    }

    private static List<String> wrap(String text, PDType1Font font, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String longer = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && font.getStringWidth(longer) / 1000 * FONT_SIZE > width) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(longer);
            }
        }
        lines.add(line.toString());
        return lines;
    }
}
