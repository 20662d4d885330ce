package org.ringwatch.document;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Optical character recognition through the {@code tesseract} command (Debian package
 * tesseract-ocr). Its absence is a state documents can be in ("OCR unavailable"), not an error.
 */
@ApplicationScoped
public class Ocr {

    private static final Logger LOG = Logger.getLogger(Ocr.class);
    static final long TIMEOUT_SECONDS = 120;

    private final boolean oneThreadEach;

    /** For the service, which only asks whether tesseract is there. */
    public Ocr() {
        this(false);
    }

    /** @param oneThreadEach whether several tesseracts run side by side (each then keeps to one thread) */
    Ocr(boolean oneThreadEach) {
        this.oneThreadEach = oneThreadEach;
    }

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

    /**
     * The text tesseract reads in an image file (PNG, JPEG, TIFF or PGM). Interruptible: the
     * thread waits on the process, not on its output pipe, so an interrupt (another page failed,
     * the extraction was stopped) kills tesseract at once instead of after its page.
     */
    public String read(Path image) throws IOException, InterruptedException, Unavailable {
        Path output = Files.createTempFile("ringwatch-ocr", ".txt");
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder("tesseract", image.toString(), "stdout", "-l", "eng", "--psm", "3")
                    .redirectOutput(output.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
            if (oneThreadEach) {
                // Several tesseracts run at once, one per core: each one's own OpenMP threads would
                // only fight the others for the same cores (bench/extraction.sh measures both).
                builder.environment().put("OMP_THREAD_LIMIT", "1");
            }
            process = builder.start();
        } catch (IOException e) {
            Files.deleteIfExists(output);
            throw new Unavailable("tesseract is not installed (Debian package tesseract-ocr)");
        }
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IOException("tesseract took longer than " + TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                LOG.debugf("tesseract exited with %d on %s", process.exitValue(), image);
                throw new IOException("tesseract could not read the image (exit " + process.exitValue() + ")");
            }
            return Files.readString(output, StandardCharsets.UTF_8);
        } finally {
            // Cancelled (interrupted, the job's time limit) or failed: tesseract must not run on alone.
            if (process.isAlive()) {
                process.destroyForcibly();
                awaitEnd(process);
            }
            Files.deleteIfExists(output);
        }
    }

    /** Waits for a killed tesseract to be gone, keeping an interrupt for the caller. */
    private static void awaitEnd(Process process) {
        boolean interrupted = Thread.interrupted();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
