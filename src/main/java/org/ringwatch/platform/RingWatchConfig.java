package org.ringwatch.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;
import java.util.OptionalInt;

/** RingWatch's own settings, under the {@code ringwatch} prefix of application.properties. */
@ConfigMapping(prefix = "ringwatch")
public interface RingWatchConfig {

    /** Where the embedded PostgreSQL cluster and, later, uploaded files live. */
    @WithDefault("data")
    String dataDir();

    /** Public base URL ("https://ringwatch.example"), for links the API hands out; empty means the request's own. */
    Optional<String> publicUrl();

    /**
     * Pins the date every deadline, embargo and "overdue" is reckoned against (YYYY-MM-DD);
     * unset means the real date. The tests pin it so none depends on the day it runs.
     */
    Optional<java.time.LocalDate> today();

    /**
     * Rows read at a time (one keyset query each) when a list is streamed whole ({@code all=true},
     * api/ListResponses): larger means fewer queries to plan, smaller less held at once.
     */
    @WithDefault("10000")
    int listChunk();

    Seed seed();

    Session session();

    Documents documents();

    interface Documents {
        /** Where blobs are kept: {@code filesystem} (in {@link #blobDir()}) or {@code s3} (see {@link #s3()}). */
        @WithDefault("filesystem")
        Store store();

        /** With {@code store=filesystem}: where blobs live; unset means {@code <data-dir>/blobs}. */
        Optional<String> blobDir();

        /** With {@code store=s3}: the bucket blobs live in. */
        S3 s3();

        /**
         * Largest file accepted, in bytes (default 1 GiB). The HTTP layer cannot take a body
         * over 2 GiB whatever this says; quarkus.http.limits.max-body-size must be at least this.
         */
        @WithDefault("1073741824")
        long maxFileBytes();

        /** How often idle workers look for queued processing jobs. */
        @WithDefault("2s")
        String poll();

        /** How long after start-up the first sweep runs (then every {@link #housekeepingEvery()}). */
        @WithDefault("30s")
        String housekeepingDelay();

        /** How often the sweeper runs (the two-instance test runs it every second). */
        @WithDefault("10m")
        String housekeepingEvery();

        /** How long an unreferenced blob or temporary file is kept before the sweeper removes it. */
        @WithDefault("1H")
        java.time.Duration sweepGrace();

        enum Store {
            /** One directory on this machine, for a single instance. */
            FILESYSTEM,
            /** A bucket of an S3-compatible object store, shared by several instances. */
            S3
        }

        /** An S3-compatible object store: AWS S3 itself, or MinIO, Cloudflare R2, ... through {@link #endpoint()}. */
        interface S3 {
            /** The server's URL ({@code http://minio:9000}, {@code https://<account>.r2.cloudflarestorage.com}); unset means AWS S3. */
            Optional<String> endpoint();

            /** The AWS region; servers other than AWS mostly accept any ("auto" for R2). */
            @WithDefault("us-east-1")
            String region();

            /** Required with {@code store=s3}; it must exist already. Blobs go under {@code blobs/} in it. */
            Optional<String> bucket();

            /** With {@link #secretKey()}; both unset means the default AWS credentials chain (environment, profile, instance role). */
            Optional<String> accessKey();

            Optional<String> secretKey();

            /** Address the bucket as {@code <endpoint>/<bucket>/} rather than {@code <bucket>.<endpoint>}, as most S3-compatible servers need. */
            @WithDefault("true")
            boolean pathStyle();
        }
    }

    Extraction extraction();

    /**
     * Text extraction (PDFBox, Tika, tesseract) runs in a child JVM per job (document/IsolatedParser),
     * so a hostile file costs that child, never the service: these are the child's bounds.
     */
    interface Extraction {
        /** The child's heap ({@code -Xmx}: 512m, 1g); a file that needs more is quarantined. */
        @WithDefault("512m")
        String heap();

        /** Wall-clock limit per job; past it the child and its tesseract are killed and the file quarantined. */
        @WithDefault("600s")
        java.time.Duration timeLimit();

        /**
         * Largest size one compressed PDF stream may decode to. PDFBox decodes a stream in memory,
         * so the child measures each one before PDFBox does and quarantines a file past this.
         */
        @WithDefault("268435456")
        long maxDecodedBytes();

        /**
         * How many pages of one PDF are read by OCR at once, each by its own tesseract; unset, one
         * per processor. Pages are rendered one at a time and at most this many plus one page
         * images exist at once, so memory stays bounded.
         */
        OptionalInt ocrWorkers();
    }

    Admin admin();

    Dumps dumps();

    /** The full public dumps (dump/): made by a daily job and on an admin's demand. */
    interface Dumps {
        /** Make the day's dump by the schedule below; off, dumps are made only on demand. */
        @WithDefault("true")
        boolean daily();

        /** When the daily dump is made (Quartz-style cron, in the server's time zone): 03:30 by default. */
        @WithDefault("0 30 3 * * ?")
        String cron();
    }

    RateLimit rateLimit();

    /**
     * How fast clients may read the API, documents, search and feeds (account/ReadLimits). Each
     * client has a token bucket of {@code limit} requests that refills evenly over {@link #window()}.
     * The buckets live in each instance's memory: with several instances behind a balancer, a
     * client gets up to these limits on each instance it reaches.
     */
    interface RateLimit {
        /** Off: no limit and no RateLimit headers (for a private deployment or a load test). */
        @WithDefault("true")
        boolean enabled();

        /** The period the limits below are counted over. */
        @WithDefault("1M")
        java.time.Duration window();

        /** Requests per window from one client address without a key (a proxy's clients share it). */
        @WithDefault("120")
        int anonymous();

        /**
         * Requests per window for a read key without a limit of its own, and for a signed-in
         * person (sign-in cookie or personal token), counted per account.
         */
        @WithDefault("1200")
        int key();

        /** Clients whose buckets are kept in memory at once; the least recent go first. */
        @WithDefault("100000")
        long maxClients();

        /** Active read keys one account may hold: each key has its own bucket. */
        @WithDefault("5")
        int keysPerAccount();
    }

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

    PageCache pageCache();

    /**
     * Public pages rendered once and served from memory to visitors who are not signed in, until
     * something they show changes (pagecache/). Each instance keeps its own.
     */
    interface PageCache {
        /** Off: every page is rendered for every request. */
        @WithDefault("true")
        boolean enabled();

        /** Bytes of rendered pages kept at most (the pages least recently asked for go first). */
        @WithDefault("33554432")
        long maxBytes();
    }
}
