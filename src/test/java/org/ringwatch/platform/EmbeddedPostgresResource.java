package org.ringwatch.platform;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Gives the tests their own fresh PostgreSQL 17: {@code @QuarkusTest} does not go through
 * {@code RingWatchMain}, so it cannot start the server the way {@code java -jar} does.
 */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedDatabase database;
    private Path directory;

    @Override
    public Map<String, String> start() {
        try {
            directory = Files.createTempDirectory("ringwatch-test-pg");
            database = EmbeddedDatabase.start(directory.resolve("cluster"), false);
            return database.datasourceProperties();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (database != null) {
            database.close();
        }
        if (directory != null) {
            // Each run makes a fresh cluster; leaving them would fill /tmp run after run.
            try (var paths = Files.walk(directory)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // best effort: a leftover directory in /tmp must not fail the test run
            }
        }
    }
}
