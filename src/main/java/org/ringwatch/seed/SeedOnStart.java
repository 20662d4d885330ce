package org.ringwatch.seed;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.ringwatch.platform.RingWatchConfig;

/** Loads db/seed/ once Flyway has migrated, unless {@code ringwatch.seed.on-start=false}. */
@ApplicationScoped
class SeedOnStart {

    void onStart(@Observes StartupEvent event, RingWatchConfig config, SeedLoader loader) {
        if (config.seed().onStart()) {
            loader.loadAll(false);
        }
    }
}
