package org.ringwatch.platform;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringwatch.document.LocalS3Server;
import org.ringwatch.document.S3BlobStore;
import org.ringwatch.document.TestFiles;
import org.ringwatch.platform.PackagedJar.Running;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ringwatch.platform.PackagedJar.externalDatabase;
import static org.ringwatch.platform.PackagedJar.freePort;

/**
 * The scale-out path: two packaged jars side by side on one external PostgreSQL 17 and one
 * S3-compatible bucket (s3proxy), with the same session secret, as the README's "Several
 * instances" describes. Both sweep the bucket every second (with a grace of a few seconds) and
 * admins ask both for the day's dump at once, so what each does to the other's work shows here.
 */
class TwoInstancesIT {

    private static final String EMAIL = "two-instances@example.org";
    private static final String PASSWORD = "a two-instance test password";
    private static final String BUCKET = "ringwatch-two";
    private static final Duration WAIT_LIMIT = Duration.ofSeconds(120);
    /** Longer than an upload takes from its blob to its row, even on a busy machine. */
    private static final Duration SWEEP_GRACE = Duration.ofSeconds(8);

    @TempDir
    static Path work;

    private static PackagedJar jar;
    private static EmbeddedDatabase database;
    private static LocalS3Server s3Server;
    private static S3Client s3;
    private static Instance a;
    private static Instance b;

    /** One running jar: its port and an admin token issued by it. */
    private record Instance(String name, int port, Running running, String token) {
        RequestSpecification anonymous() {
            return given().port(port).redirects().follow(false);
        }

        RequestSpecification asAdmin() {
            return anonymous().header("Authorization", "Bearer " + token);
        }
    }

    @BeforeAll
    static void startBothOnOneDatabaseAndOneBucket() throws Exception {
        jar = new PackagedJar(work);
        database = EmbeddedDatabase.start(work.resolve("external"), false);
        s3Server = LocalS3Server.start();
        s3 = S3BlobStore.client(Optional.of(s3Server.endpoint()), "us-east-1", Optional.of(LocalS3Server.ACCESS_KEY),
                Optional.of(LocalS3Server.SECRET_KEY), true);
        s3.createBucket(create -> create.bucket(BUCKET));

        Map<String, String> environment = new HashMap<>(externalDatabase(database, EMAIL, PASSWORD));
        environment.putAll(Map.of(
                "RINGWATCH_SESSION_SECRET", "the same secret on every instance, 32+ characters",
                "RINGWATCH_DOCUMENTS_STORE", "s3",
                "RINGWATCH_DOCUMENTS_S3_ENDPOINT", s3Server.endpoint(),
                "RINGWATCH_DOCUMENTS_S3_BUCKET", BUCKET,
                "RINGWATCH_DOCUMENTS_S3_ACCESS_KEY", LocalS3Server.ACCESS_KEY,
                "RINGWATCH_DOCUMENTS_S3_SECRET_KEY", LocalS3Server.SECRET_KEY,
                "RINGWATCH_DUMPS_DAILY", "false"));
        // One after the other: the first migrates and seeds, which takes the longest on a busy
        // machine (the locks Flyway and the seed take were seen to let two start at once). Both
        // are given the first admin, as the README allows: the second finds it made.
        int portA = freePort();
        Running runningA = start(portA, "a", environment);
        a = new Instance("a", portA, runningA, token(portA));
        int portB = freePort();
        Running runningB = start(portB, "b", environment);
        b = new Instance("b", portB, runningB, token(portB));
    }

    private static Running start(int port, String name, Map<String, String> environment) throws Exception {
        return jar.start(port, environment, "-Xmx384m", "-Dringwatch.data-dir=" + work.resolve("data-" + name),
                "-Dringwatch.documents.poll=1s", "-Dringwatch.documents.housekeeping-delay=1s",
                "-Dringwatch.documents.housekeeping-every=1s",
                "-Dringwatch.documents.sweep-grace=" + SWEEP_GRACE.toSeconds() + "S");
    }

    private static String token(int port) {
        return given().port(port).contentType("application/json")
                .body("{\"email\": \"" + EMAIL + "\", \"password\": \"" + PASSWORD + "\"}")
                .when().post("/api/v1/tokens").then().statusCode(201).extract().path("token");
    }

    @AfterAll
    static void stopEverything() throws Exception {
        try {
            if (a != null && b != null) {
                assertThat("instance a:\n" + a.running().log(), a.running().log(), not(containsString("ERROR")));
                assertThat("instance b:\n" + b.running().log(), b.running().log(), not(containsString("ERROR")));
            }
        } finally {
            if (jar != null) {
                jar.stopAll();
            }
            if (s3 != null) {
                s3.close();
            }
            if (s3Server != null) {
                s3Server.close();
            }
            if (database != null) {
                database.close();
            }
        }
    }

    @Test
    void shouldAcceptASessionSignedInOnTheOtherInstance() {
        Response form = a.anonymous().when().get("/login").then().statusCode(200).extract().response();
        String csrf = form.getCookie("rw_csrf");
        String session = a.anonymous().cookie("rw_csrf", csrf).formParam("csrf-token", csrf)
                .formParam("email", EMAIL).formParam("password", PASSWORD).formParam("next", "/dashboard")
                .when().post("/login").then().statusCode(303).extract().cookie("rw_session");

        b.anonymous().cookie("rw_session", session).when().get("/dashboard").then().statusCode(200)
                .body(containsString("Your requests"));
        b.anonymous().when().get("/dashboard").then().statusCode(303);
    }

    /**
     * Uploads through both at once, among them the bytes of an object a crashed upload left in the
     * bucket (old enough to be swept): each document is read once, by one instance; each is
     * downloadable, byte for byte, from the other; and every blob a row refers to is still in
     * the bucket after both sweepers ran throughout, while the real orphan went.
     */
    @Test
    void shouldShowOnTheOthersPagesWhatOneInstanceChanged() throws Exception {
        String city = "/states/il/cities/aurora";
        String kept = b.anonymous().when().get(city).then().statusCode(200).extract().header("ETag");
        assertEquals(kept, b.anonymous().when().get(city).then().statusCode(200).extract().header("ETag"),
                "instance b keeps the city page in memory");

        long id = a.asAdmin().contentType("application/json")
                .body("{\"agency\": \"IL/aurora-police-department\", \"title\": \"Ring agreement\","
                        + " \"records\": \"The Ring MOU\", \"allow_duplicate\": true}")
                .when().post("/api/v1/requests").then().statusCode(201).extract().jsonPath().getLong("id");
        a.asAdmin().contentType("application/json")
                .body("{\"date\": \"2026-11-02\", \"direction\": \"sent\", \"status\": \"filed\"}")
                .when().post("/api/v1/requests/" + id + "/events").then().statusCode(201);

        // Filed through a, the request is public: b hears of the commit and renders the page again.
        String link = "href=\"/requests/" + id + "\"";
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        String page = b.anonymous().when().get(city).then().statusCode(200).extract().asString();
        while (!page.contains(link) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            page = b.anonymous().when().get(city).then().statusCode(200).extract().asString();
        }
        assertTrue(page.contains(link), "instance b still serves the city page from before a's change");
    }

    @Test
    void shouldRunEveryJobOnceAndServeEachUploadFromBothWhileBothSweep() throws Exception {
        long request = filedRequest(a);
        long event = a.asAdmin().contentType("application/json")
                .body("{\"date\": \"2025-06-03\", \"direction\": \"received\", \"subject\": \"the records\"}")
                .when().post("/api/v1/requests/" + request + "/events").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        byte[] leftBehind = TestFiles.textPdf("Left behind by an upload that crashed before its row");
        putDirectly(leftBehind);
        byte[] orphan = "not a document, nobody refers to these bytes".getBytes(StandardCharsets.UTF_8);
        String orphanSha = putDirectly(orphan);
        Thread.sleep(SWEEP_GRACE.plusSeconds(2).toMillis());   // both are old enough to be swept now

        List<byte[]> files = new ArrayList<>();
        files.add(leftBehind);
        for (int i = 0; i < 8; i++) {
            files.add(TestFiles.textPdf("Memorandum number " + i + " between the department and Ring",
                    "Page two of memorandum " + i));
        }
        files.add(files.get(1));   // the same bytes twice, once through each instance
        Map<Long, byte[]> uploaded = new HashMap<>();
        Map<Long, Instance> uploadedThrough = new HashMap<>();
        ExecutorService uploading = Executors.newFixedThreadPool(2);
        try {
            List<Future<Long>> ids = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                Instance through = i % 2 == 0 ? a : b;
                byte[] bytes = files.get(i);
                ids.add(uploading.submit(() -> through.asAdmin().multiPart("file", "memo.pdf", bytes, "application/pdf")
                        .when().post("/api/v1/requests/" + request + "/events/" + event + "/documents")
                        .then().statusCode(201).extract().jsonPath().getLong("[0].id")));
            }
            for (int i = 0; i < files.size(); i++) {
                long id = ids.get(i).get();
                uploaded.put(id, files.get(i));
                uploadedThrough.put(id, i % 2 == 0 ? a : b);
            }
        } finally {
            uploading.shutdownNow();
        }

        for (long id : uploaded.keySet()) {
            awaitStatus(b, id, "ready");
        }
        try (Connection connection = database.connect(); PreparedStatement jobs = connection.prepareStatement("""
                SELECT status, attempts FROM job WHERE kind = 'extract' AND (payload ->> 'document_id')::bigint = ?""")) {
            for (long id : uploaded.keySet()) {
                jobs.setLong(1, id);
                try (ResultSet job = jobs.executeQuery()) {
                    assertTrue(job.next(), "document " + id + " was queued");
                    assertEquals("done", job.getString("status"), "job of document " + id);
                    assertEquals(1, job.getInt("attempts"), "document " + id + " was read once, by one instance");
                    assertFalse(job.next(), "one extraction for document " + id);
                }
            }
        }
        for (Map.Entry<Long, byte[]> document : uploaded.entrySet()) {
            Instance other = uploadedThrough.get(document.getKey()) == a ? b : a;
            byte[] downloaded = other.asAdmin().when().get("/api/v1/documents/" + document.getKey() + "/file")
                    .then().statusCode(200).extract().asByteArray();
            assertArrayEquals(document.getValue(), downloaded, "document " + document.getKey() + " through " + other.name());
        }

        Thread.sleep(SWEEP_GRACE.plusSeconds(3).toMillis());   // both sweepers ran several times since
        assertFalse(exists(orphanSha), "the sweepers do run: the object nothing refers to went");
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet blobs = statement.executeQuery("SELECT sha256 FROM blob")) {
            int count = 0;
            while (blobs.next()) {
                count++;
                assertTrue(exists(blobs.getString(1).trim()), "blob " + blobs.getString(1) + " is still in the bucket");
            }
            assertTrue(count >= 9, "the uploads and their thumbnails: " + count);
        }
    }

    @Test
    void shouldFindADocumentUploadedThroughOneBySearchingTheOther() throws Exception {
        long request = filedRequest(a);
        long event = a.asAdmin().contentType("application/json")
                .body("{\"date\": \"2025-06-04\", \"direction\": \"received\", \"subject\": \"the reply\"}")
                .when().post("/api/v1/requests/" + request + "/events").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        byte[] pdf = TestFiles.textPdf("The department shall promote the Neighbors application zxqwarbler");
        long id = a.asAdmin().multiPart("file", "mou.pdf", pdf, "application/pdf")
                .when().post("/api/v1/requests/" + request + "/events/" + event + "/documents")
                .then().statusCode(201).extract().jsonPath().getLong("[0].id");
        awaitStatus(b, id, "ready");

        b.asAdmin().when().post("/api/v1/documents/" + id + "/publish").then().statusCode(200);

        List<Integer> hits = b.anonymous().queryParam("q", "zxqwarbler").when().get("/api/v1/search")
                .then().statusCode(200).extract().jsonPath().getList("items.document", Integer.class);
        assertThat(hits, hasItem((int) id));
        byte[] downloaded = b.anonymous().when().get("/api/v1/documents/" + id + "/file").then().statusCode(200)
                .extract().asByteArray();
        assertArrayEquals(pdf, downloaded);
    }

    /**
     * Admins on both instances ask for today's dump at once (the daily job on each instance makes
     * the same call): the maker's lock and the one-a-day row leave one dump, made once.
     */
    @Test
    void shouldMakeOneDumpADayWhicheverInstanceIsAsked() throws Exception {
        ExecutorService asking = Executors.newFixedThreadPool(4);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (Instance instance : List.of(a, b, a, b)) {
                answers.add(asking.submit(() -> instance.asAdmin().when().post("/api/v1/dumps").statusCode()));
            }
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
        } finally {
            asking.shutdownNow();
        }

        assertEquals(1, statuses.stream().filter(status -> status == 201).count(), statuses.toString());
        assertEquals(3, statuses.stream().filter(status -> status == 200).count(), statuses.toString());
        assertEquals(1, b.anonymous().when().get("/api/v1/dumps").then().statusCode(200).extract().jsonPath()
                .getList("items").size());
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet dumps = statement.executeQuery("SELECT count(*) FROM dump")) {
            assertTrue(dumps.next());
            assertEquals(1, dumps.getInt(1));
        }
    }

    /** A request of the admin's, filed (so its published documents are public). */
    private static long filedRequest(Instance through) {
        long request = through.asAdmin().contentType("application/json")
                .body("{\"agency\": \"IL/aurora-police-department\", \"title\": \"Ring MOU\", \"records\": \"The MOU\","
                        + " \"allow_duplicate\": true}")
                .when().post("/api/v1/requests").then().statusCode(201).extract().jsonPath().getLong("id");
        through.asAdmin().contentType("application/json")
                .body("{\"date\": \"2025-06-02\", \"direction\": \"sent\", \"status\": \"filed\"}")
                .when().post("/api/v1/requests/" + request + "/events").then().statusCode(201);
        return request;
    }

    private static void awaitStatus(Instance through, long document, String status) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT_LIMIT);
        while (true) {
            String now = through.asAdmin().when().get("/api/v1/documents/" + document).then().statusCode(200)
                    .extract().path("status");
            if (status.equals(now)) {
                return;
            }
            assertTrue(Instant.now().isBefore(deadline), "document " + document + " is " + now + ", not " + status
                    + "\n" + a.running().log() + "\n" + b.running().log());
            Thread.sleep(200);
        }
    }

    /** Puts bytes where the store keeps them, as an upload does before its row is written. */
    private static String putDirectly(byte[] bytes) throws Exception {
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        s3.putObject(put -> put.bucket(BUCKET).key(key(sha)), RequestBody.fromBytes(bytes));
        return sha;
    }

    private static boolean exists(String sha) {
        try {
            s3.headObject(head -> head.bucket(BUCKET).key(key(sha)));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    private static String key(String sha) {
        return "blobs/" + sha.substring(0, 2) + "/" + sha.substring(2, 4) + "/" + sha;
    }
}
