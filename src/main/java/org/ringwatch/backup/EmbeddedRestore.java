package org.ringwatch.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A restore into the embedded PostgreSQL builds its cluster beside the real one
 * ({@code postgres.restoring}) and renames it into place only once everything is in, so a restore
 * that fails or is killed leaves no cluster a later start would serve.
 */
public final class EmbeddedRestore {

    private EmbeddedRestore() {
    }

    /**
     * @param cluster where the embedded cluster lives ({@code <data-dir>/postgres})
     * @return the directory to build it in, emptied of what an interrupted restore left
     * @throws BackupException when a cluster is already there
     */
    public static Path stage(Path cluster) {
        if (Files.exists(cluster)) {
            throw new BackupException("The data directory already holds a database (" + cluster.toAbsolutePath()
                    + "): restore goes only into a data directory without one. Set ringwatch.data-dir"
                    + " (RINGWATCH_DATA_DIR) to a new directory");
        }
        Path staging = staging(cluster);
        delete(staging);
        return staging;
    }

    /** After the server on {@code staging} has stopped: the restored cluster becomes the real one. */
    public static void complete(Path staging, Path cluster) throws IOException {
        Files.move(staging, cluster, StandardCopyOption.ATOMIC_MOVE);
        Files.deleteIfExists(lockFile(staging));
    }

    /** After a failed restore, once its server has stopped. */
    public static void discard(Path staging) {
        delete(staging);
        try {
            Files.deleteIfExists(lockFile(staging));
        } catch (IOException e) {
            // harmless: the next start takes the lock file over
        }
    }

    static Path staging(Path cluster) {
        return cluster.resolveSibling(cluster.getFileName() + ".restoring");
    }

    /** The lock file EmbeddedDatabase keeps beside a cluster directory. */
    private static Path lockFile(Path directory) {
        return directory.resolveSibling(directory.getFileName() + ".lock");
    }

    private static void delete(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove the unfinished restore in " + directory, e);
        }
    }
}
