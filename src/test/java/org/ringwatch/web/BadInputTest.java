package org.ringwatch.web;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.ringwatch.account.Account;
import org.ringwatch.account.Fixtures;
import org.ringwatch.account.Role;
import org.ringwatch.api.Cursor;
import org.ringwatch.platform.EmbeddedPostgresResource;
import org.ringwatch.platform.Today;
import org.ringwatch.request.RecordsRequest;
import org.ringwatch.request.RequestEvent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Odd input that once answered 500 now gets a 4xx that says what was wrong: a NUL character, a
 * doctored cursor, a sign-in redirect that is no URL, a file name with a line break in it.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class BadInputTest {

    @Inject
    Fixtures fixtures;

    @Inject
    Today today;

    @TestHTTPResource("/")
    URL root;

    @Test
    void shouldRefuseANulCharacterInASearchWithAMessage() {
        given().urlEncodingEnabled(false).when().get("/api/v1/search?q=ring%00mou").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("NUL character"));
        given().urlEncodingEnabled(false).when().get("/api/v1/agencies?q=%00").then().statusCode(400)
                .contentType("application/problem+json");
        given().urlEncodingEnabled(false).when().get("/search?q=ring%00").then().statusCode(400)
                .contentType(containsString("text/html")).body(containsString("NUL character"));
    }

    @Test
    void shouldRefuseANulCharacterInAFieldWithAMessage() {
        Account volunteer = fixtures.account(Role.VOLUNTEER);
        Fixtures.api(fixtures.token(volunteer)).body("{\"agency\": \"IL/aurora-police-department\","
                        + " \"title\": \"Ring MOU\", \"records\": \"The MOU\\u0000 and e-mails\", \"allow_duplicate\": true}")
                .when().post("/api/v1/requests").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("NUL character"));
        fixtures.browser(volunteer).formParam("agency", "IL/aurora-police-department").formParam("title", "Ring MOU")
                .formParam("records", "The MOU\u0000").formParam("confirmDuplicate", "true").when().post("/requests")
                .then().statusCode(400).body(containsString("NUL character"));
    }

    @Test
    void shouldRefuseANegativeSearchCursor() {
        given().queryParam("q", "ring").queryParam("cursor", Cursor.encode("-20")).when().get("/api/v1/search")
                .then().statusCode(400).contentType("application/problem+json").body("parameter", equalTo("cursor"));
        given().queryParam("q", "ring").queryParam("offset", "-20").when().get("/search").then().statusCode(200);
    }

    @Test
    void shouldSendASignInWithAnUnusableNextAddressToTheDashboard() {
        Account volunteer = fixtures.account(Role.VOLUNTEER);
        for (String next : new String[] {"/requests?q=a b", "/search?q=100%", "/a|b", "/\u00e9t\u00e9 <x>"}) {
            Fixtures.anonymousBrowser().formParam("email", volunteer.email).formParam("password", Fixtures.PASSWORD)
                    .formParam("next", next).when().post("/login").then().statusCode(303)
                    .header("Location", endsWith("/dashboard"));
        }
        Fixtures.anonymousBrowser().formParam("email", volunteer.email).formParam("password", Fixtures.PASSWORD)
                .formParam("next", "/requests?q=ring%20mou").when().post("/login").then().statusCode(303)
                .header("Location", endsWith("/requests?q=ring%20mou"));
    }

    @Test
    void shouldRefuseAFileNameWithALineBreakInsteadOfFailing() throws IOException {
        Account owner = fixtures.account(Role.VOLUNTEER);
        RecordsRequest request = fixtures.filed(owner, "IL", "aurora-police-department", today.date().minusDays(3));
        long eventId = RequestEvent.<RequestEvent>find("request.id = ?1 and statusTo = 'filed'", request.id)
                .firstResult().id;
        String path = "/api/v1/requests/" + request.id + "/events/" + eventId + "/documents";
        String boundary = "----ringwatch-test-boundary";
        // REST Assured would encode the name; a hostile client sends the bytes as they are.
        byte[] body = ("--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"agreement\r\n.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n"
                + "The Ring agreement\r\n"
                + "--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\nHost: " + root.getHost() + "\r\n"
                + "Authorization: Bearer " + fixtures.token(owner) + "\r\n"
                + "Content-Type: multipart/form-data; boundary=" + boundary + "\r\n"
                + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        String answer;
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            answer = readAll(socket.getInputStream());
        }
        String status = answer.lines().findFirst().orElse("");
        assertTrue(status.matches("HTTP/1\\.1 4\\d\\d .*"), "a 4xx, not " + status);
        assertTrue(answer.contains("file name"), "says what is wrong: " + answer);
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        return all.toString(StandardCharsets.UTF_8);
    }
}
