package org.ringwatch.agreement;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.ringwatch.account.Fixtures;
import org.ringwatch.platform.EmbeddedPostgresResource;
import org.ringwatch.search.UniqueWords;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Who sees an agreement, over every representation: its page, its JSON, the API's list, the
 * agreements page, the agency page (status and links), the agency's status in the API and search;
 * for anonymous, the author, another volunteer and a moderator; a draft and a published one.
 * A draft is its author's and the moderators' on its page, its JSON and the lists, and nobody's
 * on the public surfaces (agency page, status, search), which show only what is published.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class AgreementAuthorizationMatrixTest {

    @Inject
    AgreementFixtures agreements;

    @Inject
    Fixtures fixtures;

    private record Viewer(String name, Supplier<RequestSpecification> browser, Supplier<RequestSpecification> api) {
    }

    @Test
    void shouldShowADraftToItsAuthorAndModeratorsOnlyAndAPublishedAgreementToEveryone() throws IOException {
        AgreementFixtures.Scene scene = agreements.scene("Ashcombe");
        long document = scene.uploadPublished("mou.pdf", Papers.textPdf(Papers.mou("Ashcombe")));
        String draftWord = UniqueWords.of("quarvel");
        String publishedWord = UniqueWords.of("quarvel");
        long draft = create(scene, document, "Memorandum " + draftWord);
        long published = create(scene, document, "Memorandum " + publishedWord);
        Fixtures.api(scene.moderatorToken()).when().post("/api/v1/agreements/" + published + "/publish").then()
                .statusCode(200);

        List<Viewer> viewers = List.of(
                new Viewer("anonymous", Fixtures::anonymousBrowser, () -> given()),
                new Viewer("author", () -> fixtures.browser(scene.author()), () -> Fixtures.api(scene.authorToken())),
                new Viewer("other", () -> fixtures.browser(scene.other()), () -> Fixtures.api(scene.otherToken())),
                new Viewer("moderator", () -> fixtures.browser(scene.moderator()),
                        () -> Fixtures.api(scene.moderatorToken())));
        Map<String, Boolean> seesDraft = Map.of("anonymous", false, "author", true, "other", false, "moderator", true);

        List<String> wrong = new ArrayList<>();
        for (Viewer viewer : viewers) {
            for (Map.Entry<String, Boolean> representation : representations(scene, viewer, draft, draftWord).entrySet()) {
                boolean expected = representation.getKey().startsWith("public ") ? false : seesDraft.get(viewer.name());
                if (representation.getValue() != expected) {
                    wrong.add(viewer.name() + " / draft / " + representation.getKey() + ": saw " + representation.getValue());
                }
            }
            for (Map.Entry<String, Boolean> representation : representations(scene, viewer, published, publishedWord)
                    .entrySet()) {
                if (!representation.getValue()) {
                    wrong.add(viewer.name() + " / published / " + representation.getKey() + ": did not see it");
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    /** Each representation → whether this viewer saw the agreement there. "public …" ones show only what is published. */
    private Map<String, Boolean> representations(AgreementFixtures.Scene scene, Viewer viewer, long id, String word) {
        String agencyKey = scene.agency().stateCode + "/" + scene.agency().slug;
        Map<String, Boolean> seen = new LinkedHashMap<>();
        seen.put("page", viewer.browser().get().when().get("/agreements/" + id).statusCode() == 200);
        seen.put("json", viewer.api().get().when().get("/api/v1/agreements/" + id).statusCode() == 200);
        seen.put("api list", viewer.api().get().when().get("/api/v1/agreements?agency=" + agencyKey)
                .jsonPath().getList("items.id", Long.class).contains(id));
        seen.put("agreements page", viewer.browser().get().when().get("/agreements?state=" + scene.agency().stateCode)
                .body().asString().contains("/agreements/" + id + "\""));
        seen.put("public agency page", viewer.browser().get().when().get(scene.agencyPath()).body().asString()
                .contains("/agreements/" + id + "\""));
        seen.put("public agency status", viewer.api().get().when().get("/api/v1/agencies/" + agencyKey
                + "/agreement-status").jsonPath().getList("agreements", Long.class).contains(id));
        seen.put("public search api", viewer.api().get().when().get("/api/v1/search?q=" + word)
                .jsonPath().getList("agreements.id", Long.class).contains(id));
        seen.put("public search page", viewer.browser().get().when().get("/search?q=" + word).body().asString()
                .contains("/agreements/" + id + "\""));
        return seen;
    }

    private static long create(AgreementFixtures.Scene scene, long document, String title) {
        Map<String, Object> body = AgreementApiTest.mou(document);
        body.put("title", title);
        return Fixtures.api(scene.authorToken()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/agreements").then().statusCode(201).extract().jsonPath().getLong("id");
    }
}
