package org.ringwatch.agreement;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.ringwatch.account.Account;
import org.ringwatch.account.Fixtures;
import org.ringwatch.document.DocumentFixtures;
import org.ringwatch.platform.EmbeddedPostgresResource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

/**
 * Agreements in search: only published ones, for everyone alike (a draft is found by nobody, its
 * author and moderators included), matched on title and readable quotes, never on a quote whose
 * page was withheld, and shown escaped, in the page and the API alike.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class AgreementSearchTest {

    @Inject
    AgreementFixtures agreements;

    @Inject
    Fixtures fixtures;

    @Test
    void shouldFindADraftForNobodyAndThePublishedAgreementForEveryone() throws IOException {
        AgreementFixtures.Scene scene = agreements.scene("Quillmere");
        String word = word();
        long document = scene.uploadMou();
        long id = create(scene, "Memorandum of Understanding " + word, mou(document));
        String agency = scene.agency().stateCode + "/" + scene.agency().slug;

        for (Viewer viewer : viewers(scene)) {
            viewer.api().queryParam("q", word).when().get("/api/v1/search").then().statusCode(200)
                    .body("agreements.id", not(hasItem((int) id)));
            viewer.page().queryParam("q", word).when().get("/search").then().statusCode(200)
                    .body(not(containsString(link(id))), not(containsString("<mark>" + word + "</mark>")));
        }

        publish(scene, document, id);
        for (Viewer viewer : viewers(scene)) {
            viewer.api().queryParam("q", word).when().get("/api/v1/search").then().statusCode(200)
                    .body("agreements", hasSize(1)).body("agreements[0].id", equalTo((int) id))
                    .body("agreements[0].title", equalTo("Memorandum of Understanding " + word))
                    .body("agreements[0].kind", equalTo("mou"))
                    .body("agreements[0].agency", equalTo(agency))
                    .body("agreements[0].agency_name", equalTo(scene.agency().name))
                    .body("agreements[0].signed", equalTo("2018-12-13"))
                    .body("agreements[0].url", equalTo("/agreements/" + id))
                    .body("agreements[0].excerpt", containsString("<mark>" + word + "</mark>"))
                    .body("items", hasSize(0));
            viewer.page().queryParam("q", word).when().get("/search").then().statusCode(200)
                    .body(containsString(link(id)), containsString("<mark>" + word + "</mark>"),
                            containsString("Memorandum of understanding"), containsString("13 December 2018"),
                            containsString(scene.agencyPath().toLowerCase(java.util.Locale.ROOT)));
        }

        // The filters search pages by apply to agreements as well.
        given().queryParam("q", word).queryParam("agency", agency).when().get("/api/v1/search").then()
                .statusCode(200).body("agreements.id", hasItem((int) id));
        given().queryParam("q", word).queryParam("state", "CA").when().get("/api/v1/search").then()
                .statusCode(200).body("agreements", hasSize(0));
        given().queryParam("q", word).queryParam("state", "CA").when().get("/search").then()
                .statusCode(200).body(not(containsString(link(id))));
    }

    @Test
    void shouldMatchAQuoteOnlyWhileItsPageIsReadable() throws IOException {
        AgreementFixtures.Scene scene = agreements.scene("Sallowmere");
        String titleWord = word();
        String quoteWord = word();
        String quote = "The Department will " + quoteWord + " the portal settings every quarter.";
        List<List<String>> pages = new ArrayList<>(Papers.mou(scene.town()));
        List<String> second = new ArrayList<>(pages.get(1));
        second.add(quote);
        pages.set(1, second);
        long document = scene.uploadPublished("mou.pdf", Papers.textPdf(pages));
        Map<String, Object> body = mou(document);
        body.put("clauses", Map.of(
                "agency_promotes_app", AgreementApiTest.clause("present", quote, document, 2),
                "free_devices", AgreementApiTest.clause("present", Papers.MOU_DEVICES, document, 1)));
        long id = create(scene, "Neighbors Portal MOU " + titleWord, body);
        publish(scene, document, id);

        given().queryParam("q", quoteWord).when().get("/api/v1/search").then().statusCode(200)
                .body("agreements.id", hasItem((int) id))
                .body("agreements.find { it.id == " + id + " }.excerpt",
                        containsString("<mark>" + quoteWord + "</mark>"));
        given().queryParam("q", quoteWord).when().get("/search").then().statusCode(200)
                .body(containsString(link(id)), containsString("<mark>" + quoteWord + "</mark>"));

        Fixtures.api(scene.moderatorToken()).contentType(ContentType.JSON).body(Map.of("reason", "Officer's phone number"))
                .when().post("/api/v1/documents/" + document + "/pages/2/withhold").then().statusCode(200);
        DocumentFixtures.awaitPublic(document);

        for (Viewer viewer : viewers(scene)) {
            viewer.api().queryParam("q", quoteWord).when().get("/api/v1/search").then().statusCode(200)
                    .body("agreements", hasSize(0)).body("items", hasSize(0));
            viewer.page().queryParam("q", quoteWord).when().get("/search").then().statusCode(200)
                    .body(not(containsString(link(id))), not(containsString("<mark>" + quoteWord)));
            // Found by its title, it shows the title: the withheld quote is never the excerpt.
            viewer.api().queryParam("q", titleWord + " or " + quoteWord).when().get("/api/v1/search").then()
                    .statusCode(200).body("agreements.id", hasItem((int) id))
                    .body("agreements.find { it.id == " + id + " }.excerpt",
                            equalTo("Neighbors Portal MOU <mark>" + titleWord + "</mark>"))
                    .body(not(containsString(quoteWord + "</mark>")), not(containsString(" the portal settings")));
            viewer.page().queryParam("q", titleWord + " or " + quoteWord).when().get("/search").then()
                    .statusCode(200).body(containsString(link(id)), not(containsString("<mark>" + quoteWord)),
                            not(containsString(" the portal settings")));
        }
        // A readable quote of the same agreement is still matched.
        given().queryParam("q", "\"donate 15 cameras\" " + scene.town()).queryParam("agency",
                scene.agency().stateCode + "/" + scene.agency().slug).when().get("/api/v1/search").then()
                .statusCode(200).body("agreements.id", hasItem((int) id))
                .body("agreements.find { it.id == " + id + " }.excerpt", containsString("<mark>cameras</mark>"));
    }

    @Test
    void shouldRenderATitleWithMarkupEscaped() throws IOException {
        AgreementFixtures.Scene scene = agreements.scene("Brackenholt");
        String word = word();
        // The word outside the tags: PostgreSQL's text parser skips what is inside <script>.
        String title = "<script>alert('pwned')</script> " + word + " & MOU";
        long document = scene.uploadPublished("mou.pdf", Papers.textPdf(Papers.mou(scene.town())));
        long id = create(scene, title, mou(document));
        publish(scene, document, id);

        given().queryParam("q", word).when().get("/search").then().statusCode(200)
                .body(containsString(link(id)), not(containsString("<script>alert")),
                        containsString("&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt; " + word + " &amp; MOU"));
        given().queryParam("q", word).when().get("/api/v1/search").then().statusCode(200)
                .body("agreements.find { it.id == " + id + " }.title", equalTo(title))
                .body("agreements.find { it.id == " + id + " }.excerpt", not(containsString("<script")))
                .body("agreements.find { it.id == " + id + " }.excerpt", containsString("<mark>" + word + "</mark>"));
    }

    /** Who may search: the public, another volunteer, the author, a moderator; by API and by page. */
    private record Viewer(Supplier<RequestSpecification> apiCall, Supplier<RequestSpecification> pageCall) {
        RequestSpecification api() {
            return apiCall.get();
        }

        RequestSpecification page() {
            return pageCall.get();
        }
    }

    private List<Viewer> viewers(AgreementFixtures.Scene scene) {
        return List.of(new Viewer(() -> given(), Fixtures::anonymousBrowser),
                viewer(scene.other(), scene.otherToken()), viewer(scene.author(), scene.authorToken()),
                viewer(scene.moderator(), scene.moderatorToken()));
    }

    private Viewer viewer(Account account, String token) {
        return new Viewer(() -> Fixtures.api(token), () -> fixtures.browser(account));
    }

    private static Map<String, Object> mou(long document) {
        return AgreementApiTest.mou(document);
    }

    private static long create(AgreementFixtures.Scene scene, String title, Map<String, Object> body) {
        body.put("title", title);
        return Fixtures.api(scene.authorToken()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/agreements").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** Publishes the document (if it is not yet) and then the agreement, as the moderator. */
    private static void publish(AgreementFixtures.Scene scene, long document, long id) {
        if (given().when().get("/api/v1/documents/" + document).statusCode() != 200) {
            Fixtures.api(scene.moderatorToken()).when().post("/api/v1/documents/" + document + "/publish").then()
                    .statusCode(200);
            DocumentFixtures.awaitPublic(document);
        }
        Fixtures.api(scene.moderatorToken()).when().post("/api/v1/agreements/" + id + "/publish").then()
                .statusCode(200);
    }

    private static String link(long id) {
        return "href=\"/agreements/" + id + "\"";
    }

    /** A made-up word, letters only: full-text search splits digits off and would match on them. */
    private static String word() {
        StringBuilder word = new StringBuilder("zorblatt");
        for (int i = 0; i < 8; i++) {
            word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return word.toString();
    }
}
