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

    Session session();

    Documents documents();

    interface Documents {
        /** Where blobs live; unset means {@code <data-dir>/blobs}. */
        Optional<String> blobDir();

        /**
         * Largest file accepted, in bytes (default 1 GiB). The HTTP layer cannot take a body
         * over 2 GiB whatever this says; quarkus.http.limits.max-body-size must be at least this.
         */
        @WithDefault("1073741824")
        long maxFileBytes();

        /** How often idle workers look for queued processing jobs. */
        @WithDefault("2s")
        String poll();

        /** How long after start-up the first sweep runs (then every 10 minutes). */
        @WithDefault("30s")
        String housekeepingDelay();

        /** How long an unreferenced blob or temporary file is kept before the sweeper removes it. */
        @WithDefault("1H")
        java.time.Duration sweepGrace();
    }

    Admin admin();

    interface Session {
        /**
         * Secret the login cookie is encrypted with (any string; at least 32 characters). Every
         * instance behind a load balancer needs the same one. Unset: a random key is kept in
         * {@code <data-dir>/session.key}.
         */
        Optional<String> secret();

        /** How long a sign-in lasts. */
        @WithDefault("12H")
        java.time.Duration maxAge();

        /** Send the cookies with the Secure flag (behind TLS). */
        @WithDefault("false")
        boolean secureCookies();
    }

    /** The first admin, created at start-up when no admin exists yet. */
    interface Admin {
        Optional<String> email();

        Optional<String> password();
    }

    interface Seed {
        /** Load the reference data of db/seed/ at start-up (idempotent). */
        @WithDefault("true")
        boolean onStart();
    }
}
