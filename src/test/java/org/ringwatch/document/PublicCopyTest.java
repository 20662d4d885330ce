package org.ringwatch.document;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationText;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The public copy leaves nothing of a withheld page in the file, wherever else the PDF keeps a
 * way to it: resources the page tree shares, a link to the page, a note and a form field on it,
 * alternate text in the tagged-PDF structure. No Quarkus: PDFBox files in and out.
 */
class PublicCopyTest {

    private static final String SECRET = "Sergeant Blackwood 555-0142";

    @TempDir
    Path directory;

    @Test
    void shouldLeaveNothingOfAWithheldPageAnywhereInTheFile() throws Exception {
        Path original = directory.resolve("original.pdf");
        Path copy = directory.resolve("copy.pdf");
        writeHostilePdf(original);
        try (PDDocument before = Loader.loadPDF(original.toFile())) {
            assertTrue(mentions(before, SECRET), "the test file does carry the secret outside page 2's text");
            assertEquals(2, images(before).size());
        }

        byte[] thumbnail = new PublicCopy().make(original, new TreeMap<>(java.util.Map.of(2, "an officer's number")),
                copy);

        assertEquals((byte) 0x89, thumbnail[0], "a PNG of the first page");
        try (PDDocument after = Loader.loadPDF(copy.toFile())) {
            assertEquals(3, after.getNumberOfPages());
            assertTrue(text(after, 2).contains("Page 2 withheld: an officer's number"), text(after, 2));
            assertTrue(text(after, 1).contains("Cover letter"));
            assertTrue(text(after, 3).contains("Signature page"));
            assertFalse(mentions(after, SECRET), "no object in the file mentions the secret");
            assertFalse(mentions(after, "Blackwood"));
            List<COSStream> images = images(after);
            assertEquals(1, images.size(), "page 3's logo stays; page 2's photo goes");
            assertEquals(10, images.get(0).getInt(COSName.WIDTH));
            PDAnnotationLink link = (PDAnnotationLink) after.getPage(0).getAnnotations().get(0);
            assertEquals(1, after.getPages().indexOf(((PDPageDestination) link.getDestination()).getPage()),
                    "the link still leads to page 2, which now says why it is withheld");
        }
    }

    /**
     * Three pages drawing from one resource dictionary on the page tree (page 2 a photo, page 3 a
     * logo); page 1 links to page 2; page 2 carries a note and a filled form field, which the
     * document's form lists too; the structure tree describes page 2.
     */
    private static void writeHostilePdf(Path file) throws IOException {
        try (PDDocument pdf = new PDDocument()) {
            PDResources shared = new PDResources();
            PDImageXObject photo = LosslessFactory.createFromImage(pdf, new BufferedImage(200, 100,
                    BufferedImage.TYPE_INT_RGB));
            PDImageXObject logo = LosslessFactory.createFromImage(pdf, new BufferedImage(10, 10,
                    BufferedImage.TYPE_INT_RGB));
            List<PDPage> pages = new ArrayList<>();
            String[] texts = {"Cover letter", "Call " + SECRET, "Signature page"};
            for (int i = 0; i < texts.length; i++) {
                PDPage page = new PDPage(PDRectangle.LETTER);
                page.setResources(shared);
                pdf.addPage(page);
                pages.add(page);
                try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                    TestFiles.line(content, texts[i]);
                    if (i == 1) {
                        content.drawImage(photo, 72, 400, 200, 100);
                    } else if (i == 2) {
                        content.drawImage(logo, 72, 400, 10, 10);
                    }
                }
            }
            // Inherited from the page tree rather than each page's own.
            pdf.getPages().getCOSObject().setItem(COSName.RESOURCES, shared);
            pages.forEach(page -> page.getCOSObject().removeItem(COSName.RESOURCES));

            PDAnnotationLink link = new PDAnnotationLink();
            PDPageFitDestination destination = new PDPageFitDestination();
            destination.setPage(pages.get(1));
            link.setDestination(destination);
            link.setRectangle(new PDRectangle(72, 650, 100, 20));
            pages.get(0).getAnnotations().add(link);

            PDAnnotationText note = new PDAnnotationText();
            note.setContents("Mobile of " + SECRET);
            note.setRectangle(new PDRectangle(72, 600, 20, 20));
            pages.get(1).getAnnotations().add(note);

            PDAcroForm form = new PDAcroForm(pdf);
            pdf.getDocumentCatalog().setAcroForm(form);
            PDTextField field = new PDTextField(form);
            field.setPartialName("phone");
            field.getCOSObject().setString(COSName.V, SECRET);
            PDAnnotationWidget widget = field.getWidgets().get(0);
            widget.setRectangle(new PDRectangle(72, 300, 200, 20));
            widget.setPage(pages.get(1));
            pages.get(1).getAnnotations().add(widget);
            form.getFields().add(field);

            PDStructureTreeRoot structure = new PDStructureTreeRoot();
            PDStructureElement figure = new PDStructureElement("Figure", structure);
            figure.setAlternateDescription("Photo of " + SECRET);
            figure.setPage(pages.get(1));
            structure.appendKid(figure);
            pdf.getDocumentCatalog().setStructureTreeRoot(structure);
            pdf.save(file.toFile());
        }
    }

    private static String text(PDDocument pdf, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(pdf);
    }

    /** Every object the file holds, read one by one: what a determined reader would see. */
    private static List<COSBase> objects(PDDocument pdf) throws IOException {
        List<COSBase> objects = new ArrayList<>();
        for (COSObjectKey key : pdf.getDocument().getXrefTable().keySet()) {
            COSBase object = pdf.getDocument().getObjectFromPool(key).getObject();
            if (object != null) {
                objects.add(object);
            }
        }
        return objects;
    }

    private static List<COSStream> images(PDDocument pdf) throws IOException {
        List<COSStream> images = new ArrayList<>();
        for (COSBase object : objects(pdf)) {
            if (object instanceof COSStream stream && COSName.IMAGE.equals(stream.getCOSName(COSName.SUBTYPE))) {
                images.add(stream);
            }
        }
        return images;
    }

    /** Whether any object, or any decoded stream, holds the words. */
    private static boolean mentions(PDDocument pdf, String words) throws IOException {
        for (COSBase object : objects(pdf)) {
            if (object instanceof COSStream stream) {
                try (InputStream in = stream.createInputStream()) {
                    if (new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).contains(words)) {
                        return true;
                    }
                }
            }
            if (object.toString().contains(words)) {
                return true;
            }
        }
        return false;
    }
}
