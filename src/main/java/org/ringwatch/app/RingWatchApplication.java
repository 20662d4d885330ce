package org.ringwatch.app;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import jakarta.inject.Inject;
import org.ringwatch.seed.SeedLoader;

import java.util.List;

/**
 * What the process does once Quarkus is up: serve until stopped, or, given the command
 * {@code seed}, reload db/seed/ (even files already loaded) and exit.
 */
public class RingWatchApplication implements QuarkusApplication {

    static final String SEED_COMMAND = "seed";

    @Inject
    SeedLoader seedLoader;

    @Override
    public int run(String... args) {
        if (args.length > 0 && args[0].equals(SEED_COMMAND)) {
            List<SeedLoader.Result> results = seedLoader.loadAll(true);
            results.forEach(r -> System.out.println("Seed " + r.file() + ": " + r.rows() + " rows applied"));
            return 0;
        }
        if (args.length > 0) {
            System.err.println("Unknown command '" + args[0] + "'. Run with no arguments to serve, or '"
                    + SEED_COMMAND + "' to reload the reference data.");
            return 2;
        }
        Quarkus.waitForExit();
        return 0;
    }
}
