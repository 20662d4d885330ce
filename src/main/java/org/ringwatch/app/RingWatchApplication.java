package org.ringwatch.app;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import jakarta.inject.Inject;
import org.ringwatch.backup.Backup;
import org.ringwatch.backup.BackupCommand;
import org.ringwatch.backup.BackupException;
import org.ringwatch.backup.Restore;
import org.ringwatch.seed.SeedLoader;

import java.util.List;
import java.util.function.Supplier;

/**
 * What the process does once Quarkus is up: serve until stopped, or, given the command
 * {@code seed}, reload db/seed/ (even files already loaded) and exit; {@code backup DIR} and
 * {@code restore DIR} (package backup) print one line and exit, 0 when they succeeded.
 */
public class RingWatchApplication implements QuarkusApplication {

    static final String SEED_COMMAND = "seed";

    @Inject
    SeedLoader seedLoader;

    @Inject
    Backup backup;

    @Inject
    Restore restore;

    @Override
    public int run(String... args) {
        if (args.length > 0 && args[0].equals(SEED_COMMAND)) {
            List<SeedLoader.Result> results = seedLoader.loadAll(true);
            results.forEach(r -> System.out.println("Seed " + r.file() + ": " + r.rows() + " rows applied"));
            return 0;
        }
        if (args.length > 0 && args[0].equals(BackupCommand.BACKUP)) {
            return report(() -> backup.run(BackupCommand.directory(args)), "Backup failed: ");
        }
        if (args.length > 0 && args[0].equals(BackupCommand.RESTORE)) {
            return report(() -> restore.apply(BackupCommand.directory(args)), "Restore failed: ");
        }
        if (args.length > 0) {
            System.err.println("Unknown command '" + args[0] + "'. Run with no arguments to serve, '"
                    + SEED_COMMAND + "' to reload the reference data, '" + BackupCommand.BACKUP + " DIR' or '"
                    + BackupCommand.RESTORE + " DIR'.");
            return 2;
        }
        Quarkus.waitForExit();
        return 0;
    }

    /** One line either way: what was done on stdout and 0, or why not on stderr and 1. */
    private static int report(Supplier<String> command, String failed) {
        try {
            System.out.println(command.get());
            return 0;
        } catch (BackupException e) {
            System.err.println(failed + e.getMessage());
            return 1;
        }
    }
}
