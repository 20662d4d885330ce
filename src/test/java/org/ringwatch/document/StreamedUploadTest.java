package org.ringwatch.document;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ringwatch.account.Account;
import org.ringwatch.account.Fixtures;
import org.ringwatch.account.SessionCookies;
import org.ringwatch.platform.EmbeddedPostgresResource;
import org.ringwatch.platform.RingWatchConfig;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Uploads are read as they arrive, straight into the blob store's temporary files, by our own
 * multipart reader: bodies in odd pieces, cut off, too large, and forms with a wrong CSRF token.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class StreamedUploadTest {

    private static final String BOUNDARY = "----RingWatchTest" + "x".repeat(20);

    @Inject
    Fixtures fixtures;

    @Inject
    RingWatchConfig config;

    @TestHTTPResource("/")
    URL root;

    Account owner;
    String ownerToken;
    long requestId;
    long eventId;

    @BeforeEach
    void setUp() {
        DocumentFixtures.Scene scene = DocumentFixtures.scene(fixtures);
        owner = scene.owner();
        ownerToken = scene.ownerToken();
        requestId = scene.request().id;
        eventId = scene.eventId();
    }

    @Test
    void shouldReadABodyThatArrivesInOddPieces() throws Exception {
        byte[] first = nearDelimiters();
        byte[] second = "agency,cameras\nAurora,15\nLakeland,15\n".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("preamble\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\";"
                + " filename=\"memo.pdf\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(first);
        body.writeBytes(("\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"c.csv\"\r\n"
                + "\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(second);
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));

        String answer = postInPieces(DocumentFixtures.uploadPath(requestId, eventId), body.toByteArray());

        assertTrue(answer.startsWith("HTTP/1.1 201"), answer);
        assertTrue(answer.contains(sha256(first)), "the first file, whole: " + answer);
        assertTrue(answer.contains(sha256(second)), "the second file, whole: " + answer);
    }

    @Test
    void shouldWriteAnUploadIntoTheStoreAsItArrivesAndLeaveNothingWhenItIsCutOff() throws Exception {
        long documents = Document.count();
        Set<Path> before = temporaryFiles();
        byte[] start = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cut.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF-1.7\n").getBytes(StandardCharsets.UTF_8);
        byte[] sent = new byte[start.length + 2_000_000];
        System.arraycopy(start, 0, sent, 0, start.length);

        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(head(DocumentFixtures.uploadPath(requestId, eventId), 5_000_000));
            out.write(sent);
            out.flush();
            DocumentFixtures.await("the upload's first bytes in the blob store's temporary files",
                    () -> !added(before).isEmpty());
        }   // the client goes away with 3 MB still to send

        DocumentFixtures.await("the cut-off upload's temporary file to be deleted", () -> added(before).isEmpty());
        assertEquals(documents, Document.count(), "no document without its file");
    }

    @Test
    void shouldRefuseAFileOverTheLimitWith413AndLeaveNoTemporaryFile() throws IOException {
        long documents = Document.count();
        Set<Path> before = temporaryFiles();
        byte[] eleven = new byte[11_000_000];
        System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, eleven, 0, 9);

        given().header("Authorization", "Bearer " + ownerToken)
                .multiPart("file", "small.pdf", TestFiles.textPdf("fits"), "application/pdf")
                .multiPart("file", "big.pdf", eleven, "application/pdf")
                .when().post(DocumentFixtures.uploadPath(requestId, eventId))
                .then().statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("larger than the limit"));

        assertEquals(documents, Document.count());
        assertEquals(Set.of(), added(before), "the small file received before it is gone too");
    }

    @Test
    void shouldRefuseAFormWhoseTokenIsNotItsCookiesAndTakeOneWhoseTokenComesFirst() throws IOException {
        long documents = Document.count();
        Set<Path> before = temporaryFiles();
        String path = "/requests/" + requestId + "/events/" + eventId + "/documents";

        given().redirects().follow(false).cookie(SessionCookies.NAME, fixtures.session(owner))
                .cookie("rw_csrf", "AAAAAAAAAAAAAAAAAAAAAA").multiPart("csrf-token", "BBBBBBBBBBBBBBBBBBBBBB")
                .multiPart("file", "forged.pdf", TestFiles.textPdf("forged"), "application/pdf")
                .when().post(path).then().statusCode(400).contentType(containsString("text/html"))
                .body(containsString("arrived without the security token"));
        assertEquals(documents, Document.count(), "nothing stored");
        assertEquals(Set.of(), added(before), "nothing left behind");

        // As a browser sends the form: the token field first (the form tag puts it there), then the file.
        byte[] bytes = new byte[16];
        new Random().nextBytes(bytes);
        String token = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        given().redirects().follow(false).cookie(SessionCookies.NAME, fixtures.session(owner))
                .cookie("rw_csrf", token).multiPart("csrf-token", token)
                .multiPart("file", "real.pdf", TestFiles.textPdf("real"), "application/pdf")
                .when().post(path).then().statusCode(303);
        assertEquals(documents + 1, Document.count());
    }

    /** The request head for a body of {@code length} bytes, as the owner. */
    private byte[] head(String path, long length) {
        return ("POST " + path + " HTTP/1.1\r\nHost: " + root.getHost() + "\r\n"
                + "Authorization: Bearer " + ownerToken + "\r\n"
                + "Content-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\n"
                + "Content-Length: " + length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Sends the body in pieces of 1 to 97 bytes (each flushed, so the server may read any of them
     * on its own: a delimiter or a header cut anywhere), and returns the whole answer.
     */
    private String postInPieces(String path, byte[] body) throws IOException {
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(head(path, body.length));
            Random random = new Random(3);
            for (int i = 0; i < body.length; ) {
                int n = Math.min(body.length - i, 1 + random.nextInt(97));
                out.write(body, i, n);
                out.flush();
                i += n;
            }
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A PDF-looking file full of near-delimiters: CR LF, dashes, the boundary less its last character. */
    private static byte[] nearDelimiters() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < 40; i++) {
            out.writeBytes(("\r\n--" + BOUNDARY.substring(0, BOUNDARY.length() - 1) + "\r\n-\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(new byte[i * 7]);
        }
        return out.toByteArray();
    }

    private Path temporaryDirectory() {
        return Path.of(config.documents().blobDir().orElse(Path.of(config.dataDir()).resolve("blobs").toString()))
                .resolve("tmp");
    }

    private Set<Path> temporaryFiles() throws IOException {
        try (Stream<Path> files = Files.list(temporaryDirectory())) {
            return files.collect(Collectors.toSet());
        }
    }

    /** Temporary files that were not there {@code before}. */
    private Set<Path> added(Set<Path> before) {
        try {
            Set<Path> now = temporaryFiles();
            now.removeAll(before);
            return now;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
