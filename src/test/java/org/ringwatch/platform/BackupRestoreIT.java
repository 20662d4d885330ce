package org.ringwatch.platform;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.ringwatch.document.TestFiles;
import org.ringwatch.platform.PackagedJar.Running;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ringwatch.platform.PackagedJar.externalDatabase;
import static org.ringwatch.platform.PackagedJar.freePort;
import static org.ringwatch.platform.PackagedJar.token;

/**
 * {@code backup DIR} and {@code restore DIR} with the packaged jar, as an operator runs them: a
 * service with a request, its log and a read PDF is stopped and backed up; the backup restored
 * into a new data directory serves the same answers, every blob verifies, and a sync mark handed
 * out before the backup still sees changes made after the restore. A backup that was tampered
 * with, or a data directory that already holds a database, is refused with nothing applied.
 */
class BackupRestoreIT extends JarTest {

    private static final String EMAIL = "backup-admin@example.org";
    private static final String PASSWORD = "a backup admin's long password";
    private static final Duration COMMAND_LIMIT = Duration.ofMinutes(3);

    @Test
    void shouldRestoreABackupThatAnswersTheSameAndRefuseABadOne() throws Exception {
        int port = freePort();
        Path original = work.resolve("original");
        usedTransactionIds(original.resolve("postgres"), 100_000);
        Running service = jar.start(port, Map.of("RINGWATCH_ADMIN_EMAIL", EMAIL, "RINGWATCH_ADMIN_PASSWORD", PASSWORD),
                "-Dringwatch.data-dir=" + original);
        RestAssured.port = port;
        String token = token(EMAIL, PASSWORD);
        String word = "backupword" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "q");
        byte[] pdf = TestFiles.textPdf("Memorandum of understanding with " + word, "Signed for the City of Aurora");
        long request = api(token).body("{\"agency\": \"IL/aurora-police-department\", \"title\": \"MOU\", \"records\": \"the MOU\"}")
                .when().post("/api/v1/requests").then().statusCode(201).extract().jsonPath().getLong("id");
        long event = api(token).body("{\"date\": \"2026-11-02\", \"direction\": \"sent\", \"status\": \"filed\"}")
                .when().post("/api/v1/requests/" + request + "/events").then().statusCode(201).extract().jsonPath().getLong("id");
        long document = given().header("Authorization", "Bearer " + token)
                .multiPart("file", "mou.pdf", pdf, "application/pdf")
                .when().post("/api/v1/requests/" + request + "/events/" + event + "/documents").then().statusCode(201)
                .extract().jsonPath().getLong("[0].id");
        awaitProcessed(token, document);
        api(token).when().post("/api/v1/documents/" + document + "/publish").then().statusCode(200);
        given().queryParam("q", word).when().get("/api/v1/search").then().statusCode(200)
                .body("items.document", hasItem((int) document));
        String syncMark = api(token).queryParam("updated_since", "1970-01-01T00:00:00Z").when().get("/api/v1/requests")
                .then().statusCode(200).extract().header("Link");
        Answers before = answers(token, request, document, word);
        assertArrayEquals(pdf, before.file(), "the download is the uploaded file");

        Path backup = work.resolve("backup");
        assertThat("the embedded database is backed up only with the service stopped",
                command(Map.of(), List.of("-Dringwatch.data-dir=" + original), "backup", backup.toString()).refused(),
                containsString("stop the service first"));
        assertEquals(0, service.stop());
        Outcome backedUp = command(Map.of(), List.of("-Dringwatch.data-dir=" + original), "backup", backup.toString());
        assertEquals(0, backedUp.exitCode(), backedUp.output());
        assertThat(backedUp.line(), startsWith("Backup written to " + backup));
        assertEveryBlobMatchesItsName(backup.resolve("blobs"));
        assertTrue(Files.isRegularFile(backup.resolve("blobs").resolve(sha256(pdf))), "the uploaded file is in the backup");

        Outcome intoADatabase = command(Map.of(), List.of("-Dringwatch.data-dir=" + original), "restore", backup.toString());
        assertThat(intoADatabase.refused(), containsString("already holds a database"));
        assertFalse(Files.exists(original.resolve("postgres.restoring")), "nothing was started");

        Path tampered = work.resolve("tampered");
        copyTree(backup, tampered);
        Path blob;
        try (Stream<Path> blobs = Files.list(tampered.resolve("blobs"))) {
            blob = blobs.findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(blob);
        bytes[bytes.length / 2] ^= 1;
        Files.write(blob, bytes);
        Path untouched = work.resolve("untouched");
        Outcome bad = command(Map.of(), List.of("-Dringwatch.data-dir=" + untouched), "restore", tampered.toString());
        assertThat(bad.refused(), containsString("The blob " + blob.getFileName() + " in "));
        assertThat(bad.line(), containsString("does not match its SHA-256"));
        assertFalse(Files.exists(untouched), "nothing was applied, not even a directory");

        Path restored = work.resolve("restored");
        Outcome restoring = command(Map.of(), List.of("-Dringwatch.data-dir=" + restored), "restore", backup.toString());
        assertEquals(0, restoring.exitCode(), restoring.output());
        assertThat(restoring.line(), startsWith("Restored " + backup));
        assertFalse(Files.exists(restored.resolve("postgres.restoring")));
        assertEveryBlobMatchesItsName(restored.resolve("blobs"));

        Running again = jar.start(port, Map.of(), "-Dringwatch.data-dir=" + restored);
        Answers after = answers(token, request, document, word);
        assertEquals(before.agencies(), after.agencies());
        assertEquals(before.request(), after.request());
        assertEquals(before.document(), after.document());
        assertArrayEquals(before.file(), after.file());
        assertEquals(before.search(), after.search());
        given().queryParam("verify", true).when().get("/api/v1/documents/" + document + "/file").then().statusCode(200);

        // A client that synced before the backup still sees a change made after the restore.
        api(token).body("{\"date\": \"2026-11-20\", \"direction\": \"received\", \"status\": \"acknowledged\"}")
                .when().post("/api/v1/requests/" + request + "/events").then().statusCode(201);
        api(token).when().get(syncUrl(syncMark)).then().statusCode(200).body("items.id", hasItem((int) request));
        assertThat(again.log(), containsString("No migration necessary"));
        again.stop();
    }

    /**
     * An external PostgreSQL is backed up beside the serving service, and restored only into an
     * empty database; a database a restore left marked is never served.
     */
    @Test
    void shouldBackUpAnExternalDatabaseWhileServingAndRestoreOnlyIntoAnEmptyOne() throws Exception {
        try (EmbeddedDatabase source = EmbeddedDatabase.start(work.resolve("source"), false);
             EmbeddedDatabase target = EmbeddedDatabase.start(work.resolve("target"), false)) {
            int port = freePort();
            Map<String, String> sourceEnvironment = externalDatabase(source, EMAIL, PASSWORD);
            List<String> dataDir = List.of("-Dringwatch.data-dir=" + work.resolve("data"));
            Running service = jar.start(port, sourceEnvironment, dataDir.get(0));
            RestAssured.port = port;
            String token = token(EMAIL, PASSWORD);
            long request = api(token).body("{\"agency\": \"IL/aurora-police-department\", \"title\": \"MOU\", \"records\": \"r\"}")
                    .when().post("/api/v1/requests").then().statusCode(201).extract().jsonPath().getLong("id");
            String before = api(token).when().get("/api/v1/requests/" + request).then().statusCode(200).extract().asString();

            Path backup = work.resolve("backup");
            Outcome backedUp = command(sourceEnvironment, dataDir, "backup", backup.toString());
            assertEquals(0, backedUp.exitCode(), backedUp.output());
            assertThat(backedUp.line(), startsWith("Backup written to " + backup));
            given().when().get("/api/v1/states").then().statusCode(200);
            assertEquals(0, service.stop());

            assertThat(command(sourceEnvironment, dataDir, "restore", backup.toString()).refused(),
                    containsString("The database is not empty"));

            Map<String, String> targetEnvironment = externalDatabase(target, EMAIL, PASSWORD);
            Outcome restored = command(targetEnvironment, dataDir, "restore", backup.toString());
            assertEquals(0, restored.exitCode(), restored.output());
            assertThat(restored.line(), startsWith("Restored " + backup));
            Running again = jar.start(port, targetEnvironment, dataDir.get(0));
            assertEquals(before, api(token).when().get("/api/v1/requests/" + request).then().statusCode(200)
                    .extract().asString());
            again.stop();

            try (Connection connection = target.connect(); Statement statement = connection.createStatement()) {
                statement.execute("CREATE SCHEMA ringwatch_restore_incomplete");
            }
            Process refused = jar.launch(port, targetEnvironment, dataDir.get(0));
            refused.getOutputStream().close();
            String output = new String(refused.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(refused.waitFor(90, TimeUnit.SECONDS));
            assertEquals(1, refused.exitValue(), output);
            assertThat(output, containsString("RingWatch could not start: A restore into this database did not finish"));
        }
    }

    /**
     * A new cluster whose transaction ids are already far above a fresh one's, as a server's are
     * after a while: a sync mark from it is then above every id the restored cluster would hand
     * out if the restore did not catch up.
     */
    private static void usedTransactionIds(Path cluster, int count) throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(cluster, true);
             Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMPORARY TABLE used (x int)");
            statement.execute("DO $$ BEGIN FOR i IN 1.." + count + " LOOP BEGIN INSERT INTO used VALUES (1);"
                    + " EXCEPTION WHEN OTHERS THEN RAISE; END; END LOOP; END $$");
        }
    }

    /** What the test compares before the backup and after the restore, as the API answers it. */
    private record Answers(String agencies, String request, String document, byte[] file, String search) {
    }

    private static Answers answers(String token, long request, long document, String word) {
        return new Answers(
                given().when().get("/api/v1/agencies?limit=200&state=IL").then().statusCode(200).extract().asString(),
                api(token).when().get("/api/v1/requests/" + request).then().statusCode(200).extract().asString(),
                given().when().get("/api/v1/documents/" + document).then().statusCode(200)
                        .body("status", equalTo("ready")).extract().asString(),
                given().when().get("/api/v1/documents/" + document + "/file").then().statusCode(200).extract().asByteArray(),
                given().queryParam("q", word).when().get("/api/v1/search").then().statusCode(200).extract().asString());
    }

    private static void awaitProcessed(String token, long document) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            String status = api(token).when().get("/api/v1/documents/" + document).jsonPath().getString("status");
            if (!"processing".equals(status)) {
                assertEquals("ready", status);
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("document " + document + " was not processed within 120 s");
    }

    private static RequestSpecification api(String token) {
        return given().header("Authorization", "Bearer " + token).contentType("application/json");
    }

    private static String syncUrl(String link) {
        Matcher sync = Pattern.compile("<([^>]+)>; rel=\"sync\"").matcher(link);
        assertTrue(sync.find(), link);
        return sync.group(1);
    }

    /** Every file is named by its SHA-256 (the backup's blobs/ or the store's ab/cd/ tree). */
    private static void assertEveryBlobMatchesItsName(Path directory) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(directory)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertFalse(files.isEmpty(), "blobs in " + directory);
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                assertEquals(file.getFileName().toString(), sha256(in), "blob " + file);
            }
        }
    }

    private static String sha256(byte[] bytes) throws IOException {
        return sha256(new ByteArrayInputStream(bytes));
    }

    private static String sha256(InputStream in) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    /** A command's exit code and everything it printed. */
    private record Outcome(int exitCode, String output) {
        /** The command's one line; the test fails if it printed more. */
        String line() {
            List<String> lines = output.strip().lines().toList();
            assertEquals(1, lines.size(), "one line:\n" + output);
            return lines.get(0);
        }

        /** The one line of a command that exited 1. */
        String refused() {
            assertEquals(1, exitCode, output);
            return line();
        }
    }

    private Outcome command(Map<String, String> environment, List<String> jvmOptions, String... args) throws Exception {
        Process process = jar.launch(freePort(), environment, jvmOptions, List.of(args));
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(COMMAND_LIMIT.toSeconds(), TimeUnit.SECONDS), args[0] + " ends by itself");
        return new Outcome(process.exitValue(), output);
    }
}
