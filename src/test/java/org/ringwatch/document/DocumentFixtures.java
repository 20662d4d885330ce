package org.ringwatch.document;

import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import org.ringwatch.account.Account;
import org.ringwatch.account.Fixtures;
import org.ringwatch.account.Role;
import org.ringwatch.request.RecordsRequest;
import org.ringwatch.request.RequestEvent;

import java.time.LocalDate;

import java.util.function.BooleanSupplier;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.fail;

/** Uploads a test's files through the API and waits for the background work on them. */
public final class DocumentFixtures {

    private DocumentFixtures() {
    }

    /** A volunteer's filed (so public) request, the entry that filed it, and a moderator; fresh for each test. */
    record Scene(Account owner, String ownerToken, Account moderator, String moderatorToken, RecordsRequest request,
            long eventId) {
    }

    static Scene scene(Fixtures fixtures) {
        Account owner = fixtures.account(Role.VOLUNTEER);
        Account moderator = fixtures.account(Role.MODERATOR);
        RecordsRequest request = fixtures.filed(owner, "IL", "aurora-police-department", LocalDate.of(2026, 11, 2));
        long eventId = RequestEvent.<RequestEvent>find("request.id = ?1 and statusTo = 'filed'", request.id)
                .firstResult().id;
        return new Scene(owner, fixtures.token(owner), moderator, fixtures.token(moderator), request, eventId);
    }

    public static String uploadPath(long requestId, long eventId) {
        return "/api/v1/requests/" + requestId + "/events/" + eventId + "/documents";
    }

    public static Response upload(String token, long requestId, long eventId, String name, byte[] bytes, String contentType,
            int status) {
        return given().header("Authorization", "Bearer " + token).multiPart("file", name, bytes, contentType)
                .when().post(uploadPath(requestId, eventId)).then().statusCode(status).extract().response();
    }

    /** Uploads one file and waits until its text has been read; its id. */
    public static long uploadProcessed(String token, long requestId, long eventId, String name, byte[] bytes,
            String contentType) {
        long id = upload(token, requestId, eventId, name, bytes, contentType, 201).jsonPath().getLong("[0].id");
        awaitProcessed(token, id);
        return id;
    }

    /** Waits until the document is no longer being processed, as someone who may see it. */
    public static ValidatableResponse awaitProcessed(String token, long id) {
        await("document " + id + " to be processed",
                () -> !"processing".equals(Fixtures.api(token).when().get("/api/v1/documents/" + id)
                        .jsonPath().getString("status")));
        return Fixtures.api(token).when().get("/api/v1/documents/" + id).then().statusCode(200);
    }

    /** Waits until anyone may see the document: after a page is withheld, once its public copy exists. */
    public static void awaitPublic(long id) {
        await("document " + id + " to be public", () -> given().when().get("/api/v1/documents/" + id).statusCode() == 200);
    }

    /**
     * Waits for background work to reach a state. This waits for a job, it times nothing: the
     * deadline is only there so a broken job fails the test instead of hanging it.
     */
    public static void await(String what, BooleanSupplier done) {
        long deadline = System.nanoTime() + 90_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (done.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted waiting for " + what);
            }
        }
        fail("still waiting for " + what + " after 90 s");
    }
}
