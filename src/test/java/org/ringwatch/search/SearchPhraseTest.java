package org.ringwatch.search;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.ringwatch.agreement.AgreementFixtures;
import org.ringwatch.agreement.Papers;
import org.ringwatch.platform.EmbeddedPostgresResource;

import java.io.IOException;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Search finds pages by their words alone (search_lexemes, no positions) and only then checks a
 * phrase against the page's full vector: a phrase still means its words in that order.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class SearchPhraseTest {

    @Inject
    AgreementFixtures agreements;

    @Test
    void shouldFindAPhraseOnlyWhereItsWordsStandInOrder() throws IOException {
        String first = UniqueWords.of("quorvel");
        String second = UniqueWords.of("blennick");
        agreements.scene("Ordway Falls").uploadPublished("phrases.pdf", Papers.textPdf(List.of(
                List.of("Minutes: " + first + " " + second + " approved"),
                List.of("Reversed: " + second + " " + first),
                List.of("Apart: " + first + " met with " + second),
                List.of("Alone: " + first))));
        String phrase = "\"" + first + " " + second + "\"";

        assertEquals(List.of(1), pages(phrase), "only the page with the words side by side, in order");
        assertEquals(List.of(1, 2, 3), pages(first + " " + second), "without quotes, every page with both words");
        assertEquals(List.of(2, 3, 4), pages(first + " -" + phrase),
                "leaving the phrase out keeps the pages where its words are apart or missing");
        assertEquals(List.of(), pages("\"" + second + " " + first + " approved\""), "a phrase in the wrong order");
    }

    /** The pages the API finds for {@code q}, sorted; the test's words are on no other page. */
    private static List<Integer> pages(String q) {
        List<Integer> pages = given().queryParam("q", q).when().get("/api/v1/search").then().statusCode(200)
                .extract().jsonPath().getList("items.page", Integer.class);
        return pages.stream().sorted().toList();
    }
}
