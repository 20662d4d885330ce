package org.ringwatch.platform;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.ringwatch.document.TestFiles;
import org.ringwatch.platform.PackagedJar.Running;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ringwatch.platform.PackagedJar.externalDatabase;
import static org.ringwatch.platform.PackagedJar.freePort;
import static org.ringwatch.platform.PackagedJar.postmaster;
import static org.ringwatch.platform.PackagedJar.token;

/**
 * What happens to acknowledged writes when PostgreSQL or the service itself dies, and how the
 * service stops when asked: the packaged jar, its embedded PostgreSQL, kill -9 and SIGTERM.
 */
class PostgresSupervisionIT extends JarTest {

    private static final String EMAIL = "supervision@example.org";
    private static final String PASSWORD = "a supervision test password";
    private static final Map<String, String> ADMIN = Map.of("RINGWATCH_ADMIN_EMAIL", EMAIL,
            "RINGWATCH_ADMIN_PASSWORD", PASSWORD);
    /** How long the service may take to answer writes again after its PostgreSQL was killed. */
    private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(15);

    /**
     * The postmaster is killed twice while a client writes: every write answered 201 is there
     * afterwards (fsync and synchronous_commit on), every failure in between is a 503 the client
     * may retry, and the service answers writes again by itself.
     */
    @Test
    void shouldKeepEveryAcknowledgedWriteAndRecoverWhenPostgresIsKilled() throws Exception {
        Path dataDir = work.resolve("data");
        Service service = start(freePort(), ADMIN, "-Dringwatch.data-dir=" + dataDir);

        Set<Long> acknowledged = new HashSet<>();
        List<Response> failures = new ArrayList<>();
        List<Long> killed = new ArrayList<>();
        Instant killedAt = null;
        int attempt = 0;
        while (acknowledged.size() < 200) {
            if (killedAt == null && (acknowledged.size() == 70 || acknowledged.size() == 140)) {
                ProcessHandle postmaster = postmaster(dataDir.resolve("postgres")).orElseThrow();
                assertFalse(killed.contains(postmaster.pid()), "a new postmaster serves after the first kill");
                postmaster.destroyForcibly();   // kill -9
                killed.add(postmaster.pid());
                killedAt = Instant.now();
            }
            Response response = service.note("write " + attempt++);
            if (response.statusCode() == 201) {
                acknowledged.add(response.jsonPath().getLong("id"));
                if (killedAt != null) {
                    System.out.printf("Writes answered again %d ms after the kill%n",
                            Duration.between(killedAt, Instant.now()).toMillis());
                    killedAt = null;
                }
            } else {
                failures.add(response);
                assertTrue(Instant.now().isBefore(killedAt.plus(RECOVERY_LIMIT)),
                        "writes answered again within " + RECOVERY_LIMIT + " of the kill:\n" + service.running().log());
                Thread.sleep(50);   // a client backs off after a 503 rather than hammering
            }
        }
        assertEquals(2, killed.size());

        for (Response failure : failures) {
            assertEquals(503, failure.statusCode(), failure.asString());
            assertNotNull(failure.header("Retry-After"), "a 503 says when to try again");
            assertThat(failure.contentType(), containsString("application/problem+json"));
        }
        List<Long> stored = service.asAdmin().when().get("/api/v1/requests/" + service.request())
                .then().statusCode(200).extract().jsonPath().getList("events.id", Long.class);
        assertTrue(new HashSet<>(stored).containsAll(acknowledged), "every acknowledged write was kept");
        service.health().then().statusCode(200).body("status", equalTo("UP"));
        System.out.printf("%d writes acknowledged, %d answered 503%n", acknowledged.size(), failures.size());
        assertEquals(0, service.running().stop());
    }

    /**
     * A killed service leaves its PostgreSQL running; the next start stops it and carries on with
     * the data. A service that is running keeps its directory: a second one is refused.
     */
    @Test
    void shouldStartAgainOnTheSameDataAfterTheServiceWasKilled() throws Exception {
        Path dataDir = work.resolve("data");
        int port = freePort();
        Service first = start(port, ADMIN, "-Dringwatch.data-dir=" + dataDir);
        ProcessHandle orphan = postmaster(dataDir.resolve("postgres")).orElseThrow();

        first.running().kill();
        assertTrue(EmbeddedDatabase.alive(orphan), "the killed service left its PostgreSQL behind");

        Running second = jar.start(port, ADMIN, "-Dringwatch.data-dir=" + dataDir);
        first.asAdmin().when().get("/api/v1/requests/" + first.request()).then().statusCode(200);
        assertFalse(EmbeddedDatabase.alive(orphan), "the left-over PostgreSQL was stopped");
        assertNotEquals(orphan.pid(), postmaster(dataDir.resolve("postgres")).orElseThrow().pid());

        Process third = jar.launch(freePort(), ADMIN, "-Dringwatch.data-dir=" + dataDir);
        String refusal = new String(third.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(third.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, third.exitValue(), refusal);
        assertThat("a live RingWatch keeps its directory", refusal,
                containsString("is in use by process " + second.process().pid()));
        assertEquals(0, second.stop(), second.log());
    }

    /** SIGTERM is how operators and containers stop the service: a clean stop, not a failure. */
    @Test
    void shouldStopCleanlyOnSigterm() throws Exception {
        Path dataDir = work.resolve("data");
        // The job poller runs all the time, so the stop meets it mid-poll.
        Running service = start(freePort(), ADMIN, "-Dringwatch.data-dir=" + dataDir,
                "-Dringwatch.documents.poll=50ms").running();

        int exitCode = service.stop();

        String log = service.log();
        assertEquals(0, exitCode, log);
        assertThat(log, not(containsString("ERROR")));
        assertThat(log, not(containsString("\tat ")));
        assertFalse(Files.exists(dataDir.resolve("postgres/postmaster.pid")), "PostgreSQL stopped with the service");
    }

    /**
     * A stop while a document is being read (OCR, page after page) hands its job back at once and
     * does not count the attempt: another instance takes it without waiting out the lease.
     */
    @Test
    void shouldHandBackTheJobItIsWorkingOnWhenStopped() throws Exception {
        try (EmbeddedDatabase external = EmbeddedDatabase.start(work.resolve("external"), false)) {
            Service started = start(freePort(), externalDatabase(external, EMAIL, PASSWORD),
                    "-Dringwatch.data-dir=" + work.resolve("data"), "-Dringwatch.documents.poll=100ms");
            long event = started.note("the scans").then().statusCode(201).extract().jsonPath().getLong("id");
            started.asAdmin().multiPart("file", "scans.pdf", scannedPages(12), "application/pdf")
                    .when().post("/api/v1/requests/" + started.request() + "/events/" + event + "/documents")
                    .then().statusCode(201);
            Running service = started.running();

            try (Connection connection = external.connect(); Statement statement = connection.createStatement()) {
                Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
                while (!"running".equals(jobStatus(statement))) {
                    assertTrue(Instant.now().isBefore(deadline), "the extraction started:\n" + service.log());
                    Thread.sleep(20);
                }
                int exitCode = service.stop();

                assertEquals(0, exitCode, service.log());
                assertThat(service.log(), not(containsString("ERROR")));
                try (ResultSet job = statement.executeQuery("SELECT status, attempts, locked_by FROM job")) {
                    assertTrue(job.next());
                    assertEquals("pending", job.getString("status"), service.log());
                    assertEquals(0, job.getInt("attempts"), "a stop is not a failed attempt");
                    assertNull(job.getString("locked_by"));
                }
            }
        }
    }

    /**
     * An external PostgreSQL goes away: readiness says so and the API answers 503 with
     * Retry-After; once the server is back, the pool serves again without a restart.
     */
    @Test
    void shouldAnswer503WhileAnExternalDatabaseIsDownAndRecoverWhenItReturns() throws Exception {
        // Kept, so durable: a throw-away cluster loses its last commits when it is killed.
        try (EmbeddedDatabase external = EmbeddedDatabase.start(work.resolve("external"), true)) {
            Service service = start(freePort(), externalDatabase(external, EMAIL, PASSWORD),
                    "-Dringwatch.data-dir=" + work.resolve("data"));

            ProcessHandle server = postmaster(work.resolve("external")).orElseThrow();
            server.destroyForcibly();
            server.onExit().join();

            awaitReadiness(service, 503, "readiness goes DOWN without its database");
            service.note("while the database is down").then().statusCode(503)
                    .header("Retry-After", not(equalTo(null))).contentType(containsString("application/problem+json"));
            given().when().get("/requests/" + service.request()).then().statusCode(503)
                    .header("Retry-After", not(equalTo(null))).contentType(containsString("text/html"));

            external.restart();

            awaitReadiness(service, 200, "readiness comes back with its database");
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                statuses.add(service.note("back " + i).statusCode());
            }
            assertThat("no stale pooled connection fails a request", statuses, everyItem(equalTo(201)));
            assertEquals(0, service.running().stop(), service.running().log());
        }
    }

    /** A running service, signed in as its first admin, with a request of its own to log entries on. */
    private record Service(Running running, String token, long request) {
        RequestSpecification asAdmin() {
            return given().header("Authorization", "Bearer " + token);
        }

        /** Readiness, on the service's management port. */
        Response health() {
            return given().port(running.management()).when().get("/q/health/ready");
        }

        /** A cheap write: a note on the request's log. */
        Response note(String subject) {
            return asAdmin().contentType("application/json")
                    .body("{\"date\": \"2025-06-02\", \"direction\": \"note\", \"subject\": \"" + subject + "\"}")
                    .when().post("/api/v1/requests/" + request + "/events");
        }
    }

    private Service start(int port, Map<String, String> environment, String... jvmOptions) throws Exception {
        Running running = jar.start(port, environment, jvmOptions);
        RestAssured.port = port;
        String token = token(EMAIL, PASSWORD);
        long request = given().header("Authorization", "Bearer " + token).contentType("application/json")
                .body("{\"agency\": \"IL/aurora-police-department\", \"title\": \"t\", \"records\": \"r\","
                        + " \"allow_duplicate\": true}")
                .when().post("/api/v1/requests").then().statusCode(201).extract().jsonPath().getLong("id");
        return new Service(running, token, request);
    }

    private static void awaitReadiness(Service service, int status, String why) throws InterruptedException {
        Instant deadline = Instant.now().plus(RECOVERY_LIMIT);
        while (service.health().statusCode() != status) {
            assertTrue(Instant.now().isBefore(deadline), why);
            Thread.sleep(100);
        }
    }

    private static String jobStatus(Statement statement) throws SQLException {
        try (ResultSet job = statement.executeQuery("SELECT status FROM job")) {
            return job.next() ? job.getString(1) : null;
        }
    }

    /** A scan of several pages without a text layer: each page goes through tesseract, one after the other. */
    private static byte[] scannedPages(int pages) throws IOException {
        try (PDDocument scans = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDFMergerUtility merger = new PDFMergerUtility();
            for (int i = 1; i <= pages; i++) {
                try (PDDocument page = Loader.loadPDF(TestFiles.scannedPdf("Page " + i + " of the agreement"))) {
                    merger.appendDocument(scans, page);
                }
            }
            scans.save(out);
            return out.toByteArray();
        }
    }
}
