package org.ringwatch.search;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.ringwatch.account.Fixtures;
import org.ringwatch.agreement.AgreementFixtures;
import org.ringwatch.agreement.Papers;
import org.ringwatch.document.DocumentFixtures;
import org.ringwatch.platform.EmbeddedPostgresResource;

import java.io.IOException;
import java.util.List;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Search finds the pages holding the words and matches them with the documents anyone may see in
 * one of three ways, chosen by how many documents there are and how common the words are
 * ({@link Search.Plan}); whichever it takes, the same pages come back: no withheld page, nothing
 * of an unpublished document, and the filters hold.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class SearchPlanTest {

    private static final Search.Filters NONE = new Search.Filters(null, null, null, null, null);

    @Inject
    AgreementFixtures agreements;

    @Inject
    Search search;

    @Inject
    EntityManager em;

    @Test
    void shouldFindTheSamePagesWhicheverWayDocumentsAndPagesAreMatched() throws IOException {
        String word = UniqueWords.of("plovrin");
        AgreementFixtures.Scene scene = agreements.scene("Quillmont");
        long shown = scene.uploadPublished("shown.pdf", Papers.textPdf(List.of(
                List.of("Shown: " + word), List.of("Withheld: " + word), List.of("Also shown: " + word))));
        scene.upload("unpublished.pdf", Papers.textPdf(List.of(List.of("Unpublished: " + word))));
        Fixtures.api(scene.moderatorToken()).body("{\"reason\": \"a phone number\"}").when()
                .post("/api/v1/documents/" + shown + "/pages/2/withhold").then().statusCode(200)
                .body("withheld", equalTo(true));
        DocumentFixtures.awaitPublic(shown);
        AgreementFixtures.Scene elsewhere = agreements.scene("Quillmont");

        for (Search.Plan plan : Search.Plan.values()) {
            List<String> expected = List.of(shown + ":1", shown + ":3");
            assertEquals(expected, pages(search.find(word, NONE, 0, 20, plan)), plan + ", no filter");
            assertEquals(expected, pages(search.find(word,
                    new Search.Filters(null, null, scene.request().id, null, null), 0, 20, plan)),
                    plan + ", its request");
            assertEquals(List.of(), pages(search.find(word,
                    new Search.Filters(null, null, elsewhere.request().id, null, null), 0, 20, plan)),
                    plan + ", another request");
        }
    }

    @Test
    void shouldProbePerDocumentWhenThereAreFewDocumentsAndReadPagesInOrderForCommonWords() {
        int few = Search.PROBE_PER_DOCUMENT_UP_TO;
        double common = Search.READ_IN_ORDER_ABOVE_SHARE;
        assertEquals(Search.Plan.PROBE_PER_DOCUMENT, Search.Plan.choose(0, 0));
        assertEquals(Search.Plan.PROBE_PER_DOCUMENT, Search.Plan.choose(few, 1));
        assertEquals(Search.Plan.LOOK_UP_WORDS_ONCE, Search.Plan.choose(few + 1, 0));
        assertEquals(Search.Plan.LOOK_UP_WORDS_ONCE, Search.Plan.choose(few + 1, common));
        assertEquals(Search.Plan.READ_PAGES_IN_ORDER, Search.Plan.choose(few + 1, common + 0.01));
    }

    @Test
    void shouldReadHowManyPagesTheStatisticsExpectToHoldTheWords() throws IOException {
        String word = UniqueWords.of("quennet");
        agreements.scene("Quillmont").uploadPublished("counted.pdf", Papers.textPdf(List.of(
                List.of("Counted: " + word), List.of("Counted again: " + word))));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("ANALYZE document_page").executeUpdate());
        long pages = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM document_page").getSingleResult()).longValue());

        // Both kinds of bound parameter: the words, and a prefix.
        long expected = search.expectedPages(word + " " + word.substring(0, 7) + "*");
        assertTrue(expected >= 1 && expected <= pages, expected + " of " + pages + " pages");
    }

    /** "document:page" for each hit, sorted: the order of equal ranks is not what is tested here. */
    private static List<String> pages(List<Search.Hit> hits) {
        return hits.stream().map(hit -> hit.document() + ":" + hit.page()).sorted().toList();
    }
}
