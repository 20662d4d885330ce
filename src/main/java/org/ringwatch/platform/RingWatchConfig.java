package org.ringwatch.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** RingWatch's own settings, under the {@code ringwatch} prefix of application.properties. */
@ConfigMapping(prefix = "ringwatch")
public interface RingWatchConfig {

    /** Where the embedded PostgreSQL cluster and, later, uploaded files live. */
    @WithDefault("data")
    String dataDir();

    /** Public base URL ("https://ringwatch.example"), for links the API hands out; empty means the request's own. */
    Optional<String> publicUrl();

    Seed seed();

    interface Seed {
        /** Load the reference data of db/seed/ at start-up (idempotent). */
        @WithDefault("true")
        boolean onStart();
    }
}
