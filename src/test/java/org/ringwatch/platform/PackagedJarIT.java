package org.ringwatch.platform;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.ringwatch.platform.PackagedJar.Running;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.ringwatch.platform.PackagedJar.externalDatabase;
import static org.ringwatch.platform.PackagedJar.freePort;
import static org.ringwatch.platform.PackagedJar.token;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The artifact a newcomer runs, {@code java -jar target/quarkus-app/quarkus-run.jar}, with no
 * configuration: it must start its own PostgreSQL, seed it, serve, stop cleanly and come back
 * with the same data. These tests launch the real jar as a separate process.
 */
class PackagedJarIT extends JarTest {

    @Test
    void shouldServeSeededDataAndKeepItAcrossARestart() throws Exception {
        Path dataDir = work.resolve("data");
        int port = freePort();

        Running first = jar.start(port, Map.of(), "-Dringwatch.data-dir=" + dataDir);
        assertSeededAndServing(port, first);
        String firstLink = setupLink(first, port);
        given().when().get(firstLink).then().statusCode(200).body(containsString("Set up RingWatch"));
        first.stop();
        assertFalse(Files.exists(dataDir.resolve("postgres/postmaster.pid")), "PostgreSQL stopped with the service");
        assertThat(first.log(), containsString("1501 rows applied"));

        String seedOutput;
        // The command takes a management port of its own (any free one): the port it would otherwise
        // use, held here as a running service would hold 9000, does not stop it.
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Process seed = jar.launch(port, Map.of(), List.of("-Dringwatch.data-dir=" + dataDir,
                    "-Dquarkus.management.port=" + busy.getLocalPort()), List.of("seed"));
            seed.getOutputStream().close();
            seedOutput = new String(seed.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(seed.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, seed.exitValue(), seedOutput);
        }
        assertThat("a command prints no setup link (it would replace the service's)", seedOutput,
                not(containsString("No admin yet")));
        assertThat("the seed command reloads on demand and exits", seedOutput,
                containsString("Seed ring/ring_partnerships_2020-10-07_normalized.csv: 1501 rows applied"));

        Running second = jar.start(port, Map.of(), "-Dringwatch.data-dir=" + dataDir);
        assertSeededAndServing(port, second);
        String secondLink = setupLink(second, port);
        assertThat("a restart while there is no admin prints a fresh link", secondLink, not(equalTo(firstLink)));
        given().when().get(firstLink).then().statusCode(404);
        given().when().get(secondLink).then().statusCode(200);
        second.stop();
        assertThat("unchanged seed files are skipped on restart", second.log(), not(containsString("rows applied")));
        assertThat(second.log(), not(containsString("ERROR")));
    }

    @Test
    void shouldUseAnExternalDatabaseWhenItsUrlIsSetAndStartNone() throws Exception {
        Path dataDir = work.resolve("data");
        try (EmbeddedDatabase external = EmbeddedDatabase.start(work.resolve("external"), false)) {
            int port = freePort();
            Running running = jar.start(port, externalDatabase(external, "first-admin@example.org",
                    "a first admin's long password"), "-Dringwatch.data-dir=" + dataDir);
            assertSeededAndServing(port, running);
            token("first-admin@example.org", "a first admin's long password");
            assertThat("the variables made the admin: no setup link", running.log(), not(containsString("No admin yet")));
            String csrfCookie = given().when().get("/login").then().statusCode(200).extract().header("Set-Cookie");
            assertThat("cookies are Secure in prod", csrfCookie, containsString("Secure"));
            running.stop();
            assertFalse(Files.exists(dataDir.resolve("postgres")), "no embedded server was started");
        }
    }

    @Test
    void shouldFailFastWithOneClearMessageWhenTheEmbeddedServerCannotStart() throws Exception {
        Path notADirectory = work.resolve("occupied");
        Files.writeString(notADirectory, "a file where the data directory should be");
        Process process = jar.launch(freePort(), Map.of(), "-Dringwatch.data-dir=" + notADirectory);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the service gives up by itself");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, process.exitValue());
        assertThat(output, containsString("RingWatch cannot start: The embedded PostgreSQL could not start in"));
        assertThat(output, not(containsString("\tat ")));
    }

    @Test
    void shouldRefuseToStartWithAWeakFirstAdminPassword() throws Exception {
        try (EmbeddedDatabase external = EmbeddedDatabase.start(work.resolve("external"), false)) {
            Process process = jar.launch(freePort(), externalDatabase(external, "first-admin@example.org",
                    "password1234"));
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(60, TimeUnit.SECONDS));
            assertEquals(1, process.exitValue(), output);
            assertThat(output, containsString("RINGWATCH_ADMIN_PASSWORD is refused: This password is among the most common"));
        }
    }

    /**
     * Files are read in a child JVM; in the packaged jar its class path is made of the fast-jar's
     * own jars (the service's is only quarkus-run.jar). A PDF uploaded there is read, so the child
     * found PDFBox and the reader.
     */
    @Test
    void shouldReadAnUploadedPdfInAChildOfThePackagedJar() throws Exception {
        int port = freePort();
        Running running = jar.start(port, Map.of("RINGWATCH_ADMIN_EMAIL", "reader@example.org",
                "RINGWATCH_ADMIN_PASSWORD", "a reader's long password"), "-Dringwatch.data-dir=" + work.resolve("data"));
        RestAssured.port = port;
        String token = token("reader@example.org", "a reader's long password");
        int document = given().header("Authorization", "Bearer " + token)
                .multiPart("file", "letter.pdf", org.ringwatch.document.TestFiles.textPdf("Read by the child JVM"),
                        "application/pdf")
                .when().post(uploadPath(token))
                .then().statusCode(201).extract().path("[0].id");
        Instant deadline = Instant.now().plusSeconds(90);   // a deadline for a broken job, not a timing
        String status = "processing";
        while (Instant.now().isBefore(deadline) && status.equals("processing")) {
            Thread.sleep(200);
            status = given().header("Authorization", "Bearer " + token).when().get("/api/v1/documents/" + document)
                    .then().statusCode(200).extract().path("status");
        }
        assertEquals("ready", status, running.log());
        given().header("Authorization", "Bearer " + token).when().get("/api/v1/documents/" + document + "/pages/1")
                .then().statusCode(200).body("text", containsString("Read by the child JVM"));
        running.stop();
        assertThat(running.log(), not(containsString("ERROR")));
    }

    /**
     * kill -9 in the middle of an upload, then a restart: the sweeper clears the half-written part
     * (an upload is received straight into the blob store's {@code tmp/}), every document row still
     * has its file and every stored file its row.
     */
    @Test
    void shouldLeaveNoOrphansAfterAKillInTheMiddleOfAnUpload() throws Exception {
        Path dataDir = work.resolve("data");
        try (EmbeddedDatabase external = EmbeddedDatabase.start(work.resolve("external"), false)) {
            Map<String, String> datasource = external.datasourceProperties();
            Map<String, String> environment = externalDatabase(external, "crash@example.org", "a crash test password");
            int port = freePort();
            Running first = jar.start(port, environment, "-Dringwatch.data-dir=" + dataDir);
            RestAssured.port = port;
            String token = token("crash@example.org", "a crash test password");
            String uploadPath = uploadPath(token);
            given().header("Authorization", "Bearer " + token)
                    .multiPart("file", "kept.txt", "A letter that was stored.".getBytes(StandardCharsets.UTF_8),
                            "text/plain").when().post(uploadPath).then().statusCode(201);

            Path uploads = dataDir.resolve("blobs").resolve("tmp");
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
                java.io.OutputStream out = socket.getOutputStream();
                String boundary = "crashboundary";
                String partHeader = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\";"
                        + " filename=\"big.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\n";
                out.write(("POST " + uploadPath + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                        + "\r\nContent-Type: multipart/form-data; boundary=" + boundary
                        + "\r\nContent-Length: 15000000\r\n\r\n" + partHeader).getBytes(StandardCharsets.US_ASCII));
                byte[] chunk = new byte[1024 * 1024];
                for (int i = 0; i < 8; i++) {
                    out.write(chunk);
                }
                out.flush();
                Instant deadline = Instant.now().plusSeconds(20);
                while (Instant.now().isBefore(deadline) && !hasFiles(uploads)) {
                    Thread.sleep(100);
                }
                assertTrue(hasFiles(uploads), "the upload was being written into blobs/tmp when the process was killed");
                first.kill();
            }
            assertTrue(hasFiles(uploads), "the killed process left its half-written upload behind");

            // No grace after the restart, so the test need not wait an hour for the sweeper.
            Running second = jar.start(port, environment, "-Dringwatch.data-dir=" + dataDir,
                    "-Dringwatch.documents.sweep-grace=0s", "-Dringwatch.documents.housekeeping-delay=1s");
            Instant deadline = Instant.now().plusSeconds(30);
            while (Instant.now().isBefore(deadline) && hasFiles(uploads)) {
                Thread.sleep(200);
            }
            assertFalse(hasFiles(uploads), "the sweeper removed the half-written part of the killed upload");
            try (java.sql.Connection connection = java.sql.DriverManager.getConnection(
                    datasource.get("quarkus.datasource.jdbc.url"), "postgres", "postgres");
                 java.sql.ResultSet rows = connection.createStatement().executeQuery(
                         "SELECT DISTINCT blob_sha256 FROM document")) {
                java.util.Set<String> referenced = new java.util.HashSet<>();
                while (rows.next()) {
                    String sha = rows.getString(1).trim();
                    referenced.add(sha);
                    assertTrue(Files.isRegularFile(dataDir.resolve("blobs").resolve(sha.substring(0, 2))
                            .resolve(sha.substring(2, 4)).resolve(sha)), "document row without its file: " + sha);
                }
                assertEquals(1, referenced.size(), "only the completed upload made a document");
                try (var stored = Files.walk(dataDir.resolve("blobs"))) {
                    for (Path file : stored.filter(Files::isRegularFile).toList()) {
                        assertTrue(referenced.contains(file.getFileName().toString()), "file without its row: " + file);
                    }
                }
            }
            second.stop();
        }
    }

    private static boolean hasFiles(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return false;
        }
        try (var files = Files.list(directory)) {
            return files.findAny().isPresent();
        }
    }

    /** The path of the setup link the service printed on its console, checked to name its own port. */
    private static String setupLink(Running running, int port) {
        Matcher printed = Pattern.compile("No admin yet: open http://localhost:" + port
                + "(/setup\\?token=[A-Za-z0-9_-]{43}) to create one").matcher(running.log());
        assertTrue(printed.find(), () -> "no setup link printed:\n" + running.log());
        return printed.group(1);
    }

    private static void assertSeededAndServing(int port, Running running) {
        RestAssured.port = port;
        given().when().get("/api/v1/states").then().statusCode(200).body("items", hasSize(52));
        given().when().get("/").then().statusCode(200).body(containsString("22 March 2018"));
        given().when().get("/states/co").then().statusCode(200);
        given().when().get("/agencies/il/aurora-police-department").then().statusCode(200);
        int agencies = 0;
        String next = "/api/v1/agencies?limit=200";
        while (next != null) {
            Response page = given().when().get(next).then().statusCode(200).extract().response();
            agencies += page.jsonPath().getList("items").size();
            next = page.jsonPath().getString("next");
        }
        assertEquals(1498, agencies, "1,501 Atlas rows, three of them a second date for an agency already listed");
        // Health and metrics answer on the management port, on the loopback address only, not on the public one.
        given().port(running.management()).when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"));
        given().port(running.management()).when().get("/q/metrics").then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
        given().when().get("/q/health/ready").then().statusCode(404);
        given().when().get("/q/metrics").then().statusCode(404);
        given().when().get("/q/openapi?format=json").then().statusCode(200);
    }

    /** Where documents are uploaded to a new request's filed event (the request and event made through the API). */
    private static String uploadPath(String token) {
        int request = given().header("Authorization", "Bearer " + token).contentType("application/json")
                .body("{\"agency\": \"IL/aurora-police-department\", \"title\": \"t\", \"records\": \"r\"}")
                .when().post("/api/v1/requests").then().statusCode(201).extract().path("id");
        int event = given().header("Authorization", "Bearer " + token).contentType("application/json")
                .body("{\"date\": \"2026-11-02\", \"direction\": \"sent\", \"status\": \"filed\"}")
                .when().post("/api/v1/requests/" + request + "/events").then().statusCode(201).extract().path("id");
        return "/api/v1/requests/" + request + "/events/" + event + "/documents";
    }
}
