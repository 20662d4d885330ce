package org.ringwatch.document;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.ringwatch.account.Fixtures;
import org.ringwatch.agreement.AgreementFixtures;
import org.ringwatch.agreement.Papers;
import org.ringwatch.api.SyncPoll;
import org.ringwatch.platform.EmbeddedPostgresResource;
import org.ringwatch.platform.Today;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.ringwatch.api.SyncPoll.EPOCH;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Syncing the documents list with {@code updated_since}: what changed after a mark comes back,
 * documents the public may no longer see as tombstones, in every format and page by page; and a
 * change committed after a poll by a transaction that began before it is in the next poll,
 * though its timestamp is older than the poll's.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class DocumentSyncTest {

    @Inject
    AgreementFixtures agreements;

    @Inject
    Fixtures fixtures;

    @Inject
    Today today;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void shouldSendWhatChangedSinceTheMarkWithTombstones() throws IOException {
        AgreementFixtures.Scene scene = agreements.scene("Quillmoor");
        String agency = scene.agency().stateCode + "/" + scene.agency().slug;
        long kept = scene.uploadPublished("mou.pdf", Papers.textPdf(Papers.mou(scene.town())));
        long later = scene.upload("letter.pdf", Papers.textPdf(List.of(List.of("A letter."))));
        long withheld = scene.uploadPublished("minutes.pdf", Papers.textPdf(List.of(List.of("Minutes."))));
        long paged = scene.uploadPublished("log.pdf", Papers.textPdf(List.of(List.of("Public."), List.of("Private."))));
        String original = given().when().get("/api/v1/documents/" + paged).then().extract().path("sha256");

        SyncPoll first = SyncPoll.of(given().queryParam("agency", agency).queryParam("updated_since", EPOCH)
                .queryParam("all", "true").when().get("/api/v1/documents"));
        assertEquals(List.of(kept, withheld, paged), first.ids(), later + " was never public: not even a tombstone");
        assertTrue(first.tombstones().isEmpty());
        assertNotNull(first.items().get(kept).get("updated_at"));
        assertEquals(false, first.items().get(kept).get("deleted"));

        Fixtures.api(scene.moderatorToken()).when().post("/api/v1/documents/" + later + "/publish").then().statusCode(200);
        Fixtures.api(scene.moderatorToken()).body(Map.of("reason", "an ongoing investigation")).when()
                .post("/api/v1/documents/" + withheld + "/withhold").then().statusCode(200);
        Fixtures.api(scene.moderatorToken()).body(Map.of("reason", "a resident's address")).when()
                .post("/api/v1/documents/" + paged + "/pages/2/withhold").then().statusCode(200);
        DocumentFixtures.awaitPublic(paged);

        SyncPoll second = first.next();
        assertTrue(second.items().containsKey(later), "published after the mark");
        assertEquals(Map.of("id", (int) withheld, "deleted", true, "updated_at",
                second.tombstones().get(withheld).get("updated_at")), second.tombstones().get(withheld),
                "a withheld document is a tombstone and says nothing else");
        String copy = given().when().get("/api/v1/documents/" + paged).then().extract().path("sha256");
        assertNotEquals(original, copy);
        assertEquals(copy, second.items().get(paged).get("sha256"), "a page withheld: the file the public gets changed");
        assertFalse(second.tombstones().containsKey(kept));

        // Paging through the same sync gives the same changes, and only the last page hands back the mark.
        List<Long> walked = new ArrayList<>();
        String next = first.sync() + "&limit=1";
        next = next.replace("&all=true", "");
        String mark = null;
        while (next != null) {
            Response page = given().urlEncodingEnabled(false).when().get(next).then().statusCode(200).extract().response();
            page.jsonPath().getList("items.id", Long.class).forEach(walked::add);
            next = page.jsonPath().getString("next");
            mark = SyncPoll.link(page, "sync");
            assertEquals(next == null, mark != null, "the mark comes with the last page only");
        }
        assertTrue(walked.containsAll(List.of(later, withheld, paged)), walked.toString());
        assertEquals(Set.copyOf(walked).size(), walked.size(), "nothing twice");

        // The request embargoed: every document on it leaves the public list, as tombstones.
        fixtures.embargo(scene.author(), scene.request(), today.date().plusDays(30));
        SyncPoll third = second.next();
        assertTrue(third.items().isEmpty(), third.items().toString());
        assertTrue(third.tombstones().keySet().containsAll(List.of(kept, later, withheld, paged)));
        given().queryParam("agency", agency).when().get("/api/v1/documents").then().statusCode(200)
                .body("items.size()", equalTo(0));

        String csv = given().urlEncodingEnabled(false).when().get(second.sync() + "&format=csv").then().statusCode(200)
                .header("Link", containsString("rel=\"sync\"")).extract().asString();
        List<String> lines = csv.lines().toList();
        assertEquals("id,request,agency,agency_name,state,name,type,page_count,sha256,size,published_at,page,file,"
                + "updated_at,deleted", lines.get(0));
        assertTrue(lines.stream().skip(1).anyMatch(line -> line.startsWith(kept + ",,,") && line.endsWith(",true")),
                csv);
        String ndjson = given().urlEncodingEnabled(false).when().get(second.sync() + "&format=ndjson").then()
                .statusCode(200).extract().asString();
        Map<String, Object> tombstone = ndjson.lines().map(line -> new JsonPath(line).<String, Object>getMap(""))
                .filter(change -> ((Number) change.get("id")).longValue() == kept).findFirst().orElseThrow();
        assertEquals(Set.of("id", "deleted", "updated_at"), tombstone.keySet(), ndjson);
    }

    /**
     * Transaction A publishes a document and holds; meanwhile another document is published and a
     * poll reads; then A commits. A's change carries A's start time, older than the other
     * publication and the poll, so "changed since the last timestamp seen" would skip it for
     * good. The mark the poll handed back does not.
     */
    @Test
    void shouldSendAChangeCommittedAfterThePollWithAnEarlierTimestamp() throws IOException, SQLException {
        AgreementFixtures.Scene scene = agreements.scene("Ormsby");
        String agency = scene.agency().stateCode + "/" + scene.agency().slug;
        long slow = scene.upload("slow.pdf", Papers.textPdf(List.of(List.of("Published by a slow transaction."))));
        long quick = scene.upload("quick.pdf", Papers.textPdf(List.of(List.of("Published at once."))));
        SyncPoll start = SyncPoll.of(given().queryParam("agency", agency).queryParam("updated_since", EPOCH)
                .when().get("/api/v1/documents"));
        assertTrue(start.ids().isEmpty());

        try (Connection a = dataSource.getConnection()) {
            a.setAutoCommit(false);
            OffsetDateTime began;
            try {
                try (PreparedStatement publish = a.prepareStatement("""
                        UPDATE document SET visibility = 'published', published_at = now(), published_by = ?
                         WHERE id = ? RETURNING now()""")) {
                    publish.setLong(1, scene.moderator().id);
                    publish.setLong(2, slow);
                    try (ResultSet row = publish.executeQuery()) {
                        assertTrue(row.next());
                        began = row.getObject(1, OffsetDateTime.class);
                    }
                }

                Fixtures.api(scene.moderatorToken()).when().post("/api/v1/documents/" + quick + "/publish").then()
                        .statusCode(200);
                SyncPoll during = start.next();
                assertEquals(List.of(quick), during.ids(), "A has not committed: its document is not public yet");
                OffsetDateTime quickAt = OffsetDateTime.parse((String) during.items().get(quick).get("updated_at"));
                assertTrue(began.isBefore(quickAt), "A began before the change the poll saw");

                a.commit();

                SyncPoll after = during.next();
                assertTrue(after.items().containsKey(slow), "committed after the poll, so in the next one");
                OffsetDateTime slowAt = OffsetDateTime.parse((String) after.items().get(slow).get("updated_at"));
                assertTrue(slowAt.isBefore(quickAt), "with a timestamp older than what the poll saw");
                SyncPoll byTimestamp = SyncPoll.of(given().queryParam("agency", agency)
                        .queryParam("updated_since", quickAt.toString()).when().get("/api/v1/documents"));
                assertFalse(byTimestamp.ids().contains(slow), "which the last timestamp seen would have missed");
            } finally {
                a.rollback(); // nothing left after the commit; A's update if the test failed before it
            }
        }
    }

    @Test
    void shouldRefuseABadUpdatedSinceNamingIt() {
        for (String bad : List.of("yesterday", "2027-13-01T00:00:00Z", "not-a-mark", "12345", "2027-01-01")) {
            given().queryParam("updated_since", bad).when().get("/api/v1/documents").then().statusCode(400)
                    .contentType("application/problem+json").body("parameter", equalTo("updated_since"));
        }
        given().queryParam("updated_since", EPOCH).queryParam("sort", "-published_at").when().get("/api/v1/documents")
                .then().statusCode(400).body("parameter", equalTo("sort"));
        given().queryParam("updated_since", EPOCH).queryParam("cursor", "djEfMQ").when().get("/api/v1/documents")
                .then().statusCode(400).body("parameter", equalTo("cursor"));
    }
}
