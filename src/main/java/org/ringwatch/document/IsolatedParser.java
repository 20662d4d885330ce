package org.ringwatch.document;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.ringwatch.platform.RingWatchConfig;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads untrusted files in a child JVM ({@link ParserChild}), one per job, with its own heap
 * ({@code ringwatch.extraction.heap}) and a wall-clock limit ({@code ringwatch.extraction.time-limit}):
 * a decompression bomb, a parser loop or a crash in PDFBox, Tika or tesseract costs the child,
 * which is killed with everything it started, and the file is quarantined with the reason. The
 * service's heap and threads never hold a parser.
 */
@ApplicationScoped
public class IsolatedParser {

    private static final Logger LOG = Logger.getLogger(IsolatedParser.class);
    private static final Pattern HEAP = Pattern.compile("(\\d+)([kmgt]?)", Pattern.CASE_INSENSITIVE);
    /** The exit status of a JVM started with -XX:+ExitOnOutOfMemoryError that ran out of heap. */
    private static final int OUT_OF_MEMORY = 3;
    private static final int STDERR_TAIL_BYTES = 64 * 1024;

    private final RingWatchConfig.Extraction limits;
    private final String heapInWords;
    private final int ocrWorkers;
    /** Each running child and its directory. */
    private final Map<Process, Path> running = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    public IsolatedParser(RingWatchConfig config) {
        this.limits = config.extraction();
        Matcher heap = HEAP.matcher(limits.heap());
        if (!heap.matches()) {
            throw new IllegalStateException("ringwatch.extraction.heap must be a size for -Xmx such as 512m or 1g, not '"
                    + limits.heap() + "'");
        }
        this.heapInWords = heap.group(1) + " " + switch (heap.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> "KB";
            case "m" -> "MB";
            case "g" -> "GB";
            case "t" -> "TB";
            default -> "bytes";
        };
        this.ocrWorkers = limits.ocrWorkers().orElse(Runtime.getRuntime().availableProcessors());
        if (ocrWorkers < 1) {
            throw new IllegalStateException("ringwatch.extraction.ocr-workers must be 1 or more, not " + ocrWorkers);
        }
    }

    /** The text of {@code file}, read in a child; attachments are moved out of the child's directory. */
    Extractor.Extraction extract(Path file, FileType type)
            throws IOException, InterruptedException, Extractor.Quarantine {
        Path work = Files.createTempDirectory("ringwatch-child").toAbsolutePath();
        try {
            Path result = work.resolve("result");
            run(work, "extract", type.code(), file.toAbsolutePath().toString(), result.toString(),
                    String.valueOf(limits.maxDecodedBytes()), String.valueOf(ocrWorkers));
            Extractor.Extraction read;
            try (DataInputStream in = ParserChild.input(result)) {
                read = ParserChild.readExtraction(in);
            }
            // The child spooled them in its temporary directory, which goes below.
            List<Extractor.Attachment> attachments = new ArrayList<>();
            for (Extractor.Attachment attachment : read.attachments()) {
                if (!attachment.file().toAbsolutePath().normalize().startsWith(work)) {
                    throw new IOException("the child named an attachment outside its directory");
                }
                Path kept = Files.createTempFile("ringwatch-attachment", ".bin");
                Files.move(attachment.file(), kept, StandardCopyOption.REPLACE_EXISTING);
                attachments.add(new Extractor.Attachment(attachment.name(), kept));
            }
            return new Extractor.Extraction(read.pages(), read.ocrMissing(), read.thumbnail(), attachments);
        } finally {
            deleteTree(work);
        }
    }

    /** Writes the public copy of {@code original} to {@code target} in a child; the copy's thumbnail. */
    byte[] publicCopy(Path original, SortedMap<Integer, String> withheld, Path target)
            throws IOException, InterruptedException, Extractor.Quarantine {
        Path work = Files.createTempDirectory("ringwatch-child").toAbsolutePath();
        try {
            Path pages = work.resolve("withheld");
            try (DataOutputStream out = ParserChild.output(pages)) {
                ParserChild.writeWithheld(out, withheld);
            }
            Path result = work.resolve("result");
            run(work, "public-copy", original.toAbsolutePath().toString(), pages.toString(),
                    target.toAbsolutePath().toString(), result.toString());
            try (DataInputStream in = ParserChild.input(result)) {
                return ParserChild.readBytes(in);
            }
        } finally {
            deleteTree(work);
        }
    }

    /** Kills every child now (the service is stopping); their jobs fail and are handed back. */
    void stopAll() {
        stopping = true;
        running.forEach(IsolatedParser::destroyTree);
    }

    private void run(Path work, String... args) throws IOException, InterruptedException, Extractor.Quarantine {
        Path argFile = work.resolve("classpath.args");
        // An argument file: the class path of the packaged jar is longer than some systems allow on a command line.
        Files.writeString(argFile, "-cp \"" + classPath().replace("\\", "\\\\") + "\"\n", StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + limits.heap(), "-XX:+ExitOnOutOfMemoryError",
                // A short-lived JVM: the quick compiler alone halves the CPU a one-page PDF costs
                // (start-up, class loading), and one GC thread is all a reader needs.
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Djava.awt.headless=true", "-Djava.io.tmpdir=" + work,
                // Tika's and POI's Log4j API finds no provider in the child: its simple logger, no warning.
                "-Dlog4j2.loggerContextFactory=org.apache.logging.log4j.simple.SimpleLoggerContextFactory",
                "@" + argFile,
                ParserChild.class.getName()));
        command.addAll(List.of(args));
        Path stderr = work.resolve("stderr");
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
                .redirectOutput(work.resolve("stdout").toFile()).redirectError(stderr.toFile());
        Process process = builder.start();
        running.put(process, work);
        try {
            process.getOutputStream().close();   // it reads nothing from us
            if (stopping) {
                destroyTree(process, work);
            }
            if (!process.waitFor(limits.timeLimit().toMillis(), TimeUnit.MILLISECONDS)) {
                destroyTree(process, work);
                throw new Extractor.Quarantine("The extraction ran past its " + limits.timeLimit().toSeconds()
                        + " s limit and was stopped: the file may be built to keep a reader busy.");
            }
        } finally {
            running.remove(process);
            if (process.isAlive()) {
                destroyTree(process, work);   // interrupted: nothing may run on alone
            }
        }
        int status = process.exitValue();
        if (status == 0) {
            return;
        }
        String errors = tail(stderr);
        if (stopping) {
            throw new IOException("the service is stopping");
        }
        if (status == OUT_OF_MEMORY || errors.contains("java.lang.OutOfMemoryError")) {
            throw new Extractor.Quarantine("The extraction ran out of its " + heapInWords
                    + " memory and was stopped: the file needs more than a reader may take.");
        }
        String reason = errors.lines().filter(line -> line.startsWith(ParserChild.REASON))
                .reduce((first, second) -> second).map(line -> line.substring(ParserChild.REASON.length()))
                .orElse(null);
        if (status == ParserChild.QUARANTINED && reason != null) {
            throw new Extractor.Quarantine(reason);
        }
        LOG.debugf("The reading child exited with %d:%n%s", status, errors);
        throw new IOException("the reading child exited with " + status
                + (reason == null ? "" : ": " + reason));
    }

    /**
     * The child's class path. In the packaged fast-jar the service's own is just quarkus-run.jar
     * (its class loader reads the rest from an index), so the child gets the jars themselves.
     */
    static String classPath() throws IOException {
        String own = System.getProperty("java.class.path");
        if (own.contains(File.pathSeparator) || !own.endsWith("quarkus-run.jar")) {
            return own;   // tests and dev mode: the class path already names every directory and jar
        }
        Path app = Path.of(own).toAbsolutePath().getParent();
        List<String> jars = new ArrayList<>();
        for (String directory : List.of("app", "lib/main", "lib/boot", "quarkus")) {
            Path folder = app.resolve(directory);
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.list(folder)) {
                files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted()
                        .forEach(f -> jars.add(f.toString()));
            }
        }
        return String.join(File.pathSeparator, jars);
    }

    /**
     * The child and whatever it started (its tesseracts): the descendants are listed before the
     * child dies, as they stop being its descendants then. One it started in the instant between
     * that listing and the kill is found after it by its arguments: its page image lies in the
     * child's directory {@code work}, where no other job's process looks.
     */
    private static void destroyTree(Process process, Path work) {
        List<ProcessHandle> started = new ArrayList<>(process.descendants().toList());
        process.destroyForcibly();
        started.forEach(ProcessHandle::destroyForcibly);
        boolean interrupted = Thread.interrupted();   // kept for the caller, after the killing is done
        try {
            process.waitFor(10, TimeUnit.SECONDS);
            ProcessHandle.allProcesses().filter(other -> names(other, work)).forEach(orphan -> {
                orphan.destroyForcibly();
                started.add(orphan);
            });
            for (ProcessHandle descendant : started) {
                descendant.onExit().get(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            interrupted = true;
        } catch (Exception e) {
            LOG.warnf("A process started to read a file did not end when killed: %s", e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether one of the process's arguments is a file in {@code directory}. */
    private static boolean names(ProcessHandle process, Path directory) {
        String prefix = directory + File.separator;
        return process.info().arguments().stream().flatMap(Arrays::stream).anyMatch(arg -> arg.startsWith(prefix));
    }

    private static String tail(Path file) throws IOException {
        if (!Files.exists(file)) {
            return "";
        }
        try (InputStream in = Files.newInputStream(file)) {
            long size = Files.size(file);
            in.skipNBytes(Math.max(0, size - STDERR_TAIL_BYTES));
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void deleteTree(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.warnf("Could not remove the reading child's directory %s: %s", directory, e);
        }
    }
}
