package org.ringwatch.document;

import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Stopping the OCR of a document (a page failed, the extraction ends early) stops its
 * tesseracts at once: none runs on alone after the child JVM is gone, none is waited out. Real
 * tesseract processes on real page images; no Quarkus, the pool is a plain class of the child.
 */
class OcrPagesTest {

    @Test
    void shouldKillEveryTesseractStillReadingWhenStopped() throws Exception {
        List<Path> imagesBefore = pageImages();
        List<Future<String>> pages = new ArrayList<>();
        try (OcrPages ocr = new OcrPages(new Ocr(true), 2)) {
            for (int i = 0; i < 3; i++) {
                pages.add(ocr.read(file -> Extractor.writeGray(denseText(), file)));
            }
            DocumentFixtures.await("a tesseract to read a page", () -> !tesseracts().isEmpty());
        }

        assertThat("no tesseract outlives the stop", tesseracts(), empty());
        for (Future<String> page : pages) {
            if (page.isDone()) {
                // A page takes tesseract seconds; the stop came while it read, so no page was read to its end.
                assertThrows(ExecutionException.class, page::get);
            }
        }
        List<Path> left = new ArrayList<>(pageImages());
        left.removeAll(imagesBefore);
        assertThat("the images not read yet are deleted too", left, empty());
    }

    private static List<Path> pageImages() throws IOException {
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith("ringwatch-page")).toList();
        }
    }

    private static List<ProcessHandle> tesseracts() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().orElse("").endsWith("tesseract")).toList();
    }

    /** A letter page at 300 dpi full of typed lines: seconds of work for tesseract. */
    private static BufferedImage denseText() {
        BufferedImage image = new BufferedImage(2550, 3300, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
        graphics.setColor(Color.BLACK);
        graphics.setFont(new Font(Font.SERIF, Font.PLAIN, 42));
        for (int line = 0; line < 60; line++) {
            graphics.drawString("Line " + line + " of the memorandum of understanding between the city and Ring LLC.",
                    150, 200 + line * 50);
        }
        graphics.dispose();
        return image;
    }
}
