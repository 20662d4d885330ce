package org.ringwatch.document;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;

/**
 * Optical character recognition through the {@code tesseract} command (Debian package
 * tesseract-ocr). Its absence is a state documents can be in ("OCR unavailable"), not an error.
 */
@ApplicationScoped
public class Ocr {

    private static final Logger LOG = Logger.getLogger(Ocr.class);
    static final long TIMEOUT_SECONDS = 120;

    /** Thrown when tesseract is not installed; the document is retried once it is. */
    public static final class Unavailable extends Exception {
        Unavailable(String message) {
            super(message);
        }
    }

    public boolean available() {
        try {
            Process process = new ProcessBuilder("tesseract", "--version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The text tesseract reads in an image file (PNG, JPEG or TIFF). */
    public String read(Path image) throws IOException, InterruptedException, Unavailable {
        Process process;
        try {
            process = new ProcessBuilder("tesseract", image.toString(), "stdout", "-l", "eng", "--psm", "3")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new Unavailable("tesseract is not installed (Debian package tesseract-ocr)");
        }
        Path output = Files.createTempFile("ringwatch-ocr", ".txt");
        try {
            // Read stdout fully before waiting, so a large page cannot block on a full pipe.
            Files.copy(process.getInputStream(), output, StandardCopyOption.REPLACE_EXISTING);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("tesseract took longer than " + TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                LOG.debugf("tesseract exited with %d on %s", process.exitValue(), image);
                throw new IOException("tesseract could not read the image (exit " + process.exitValue() + ")");
            }
            return Files.readString(output, StandardCharsets.UTF_8);
        } finally {
            // Cancelled (a stop, the job's time limit) or failed: tesseract must not run on alone.
            if (process.isAlive()) {
                process.destroyForcibly();
            }
            Files.deleteIfExists(output);
        }
    }
}
