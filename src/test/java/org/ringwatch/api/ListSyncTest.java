package org.ringwatch.api;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.ringwatch.account.Fixtures;
import org.ringwatch.account.Role;
import org.ringwatch.agency.Agency;
import org.ringwatch.agreement.AgreementFixtures;
import org.ringwatch.platform.EmbeddedPostgresResource;
import org.ringwatch.platform.Today;
import org.ringwatch.request.RecordsRequest;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ringwatch.api.SyncPoll.EPOCH;

/**
 * Syncing the requests, their log entries, the agreements and the agencies with
 * {@code updated_since} (the documents' sync: DocumentSyncTest): changes since the mark, with
 * tombstones for what the public may no longer see and nothing for what it never saw; and a
 * change committed after a poll by a transaction that began before it is in the next poll.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class ListSyncTest {

    @Inject
    AgreementFixtures agreements;

    @Inject
    Fixtures fixtures;

    @Inject
    Today today;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void shouldSyncRequestsAndTheirEntriesWithTombstonesOnceEmbargoed() {
        AgreementFixtures.Scene scene = agreements.scene("Hollowfen");
        String agency = scene.agency().stateCode + "/" + scene.agency().slug;
        RecordsRequest draft = fixtures.draft(scene.author(), scene.agency().stateCode, scene.agency().slug);

        SyncPoll first = requests(agency);
        assertEquals(List.of(scene.request().id), first.ids(), "the draft " + draft.id + " was never public");
        SyncPoll entries = events(agency);
        assertFalse(entries.ids().isEmpty());
        assertTrue(entries.items().values().stream().noneMatch(e -> String.valueOf(e.get("body")).startsWith("PRIVATE")),
                "a private entry is never listed");
        assertEquals(Set.of(scene.request().id.intValue()), Set.copyOf(entries.items().values().stream()
                .map(e -> e.get("request_id")).toList()));

        // Nothing changed: nothing sent.
        assertTrue(first.next().ids().isEmpty());
        assertTrue(entries.next().ids().isEmpty());

        // A new entry changes the request and lists the entry.
        fixtures.log(scene.author(), scene.request(), LocalDate.of(2027, 5, 10), "received", "acknowledged", false,
                "We have your request.");
        SyncPoll second = first.next();
        assertEquals(List.of(scene.request().id), List.copyOf(second.items().keySet()));
        assertEquals("acknowledged", second.items().get(scene.request().id).get("status"));
        SyncPoll newEntries = entries.next();
        assertTrue(newEntries.items().values().stream().anyMatch(e -> "We have your request.".equals(e.get("body"))),
                newEntries.items().toString());

        // Embargoed: the request and each of its public entries become tombstones, and say nothing else.
        fixtures.embargo(scene.author(), scene.request(), today.date().plusDays(30));
        SyncPoll third = second.next();
        assertEquals(Map.of("id", scene.request().id.intValue(), "deleted", true, "updated_at",
                third.tombstones().get(scene.request().id).get("updated_at")), third.tombstones().get(scene.request().id));
        SyncPoll goneEntries = newEntries.next();
        assertTrue(goneEntries.items().isEmpty());
        assertEquals(Set.copyOf(entries.ids()).size() + 1, goneEntries.tombstones().size(),
                "every public entry, the new one too, and no private one");

        String csv = given().urlEncodingEnabled(false).when().get(second.sync() + "&format=csv").then().statusCode(200)
                .header("Link", containsString("rel=\"sync\"")).extract().asString();
        List<String> lines = csv.lines().toList();
        assertTrue(lines.get(0).startsWith("id,") && lines.get(0).endsWith(",updated_at,deleted"), lines.get(0));
        assertTrue(lines.get(1).startsWith(scene.request().id + ",,") && lines.get(1).endsWith(",true"), csv);
    }

    @Test
    void shouldRefuseWhatASyncCannotFollow() {
        given().queryParam("updated_since", EPOCH).queryParam("overdue", "true").when().get("/api/v1/requests")
                .then().statusCode(400).contentType("application/problem+json").body("parameter", equalTo("overdue"));
        given().queryParam("updated_since", EPOCH).when().get("/api/v1/agreements/clauses")
                .then().statusCode(400).body("parameter", equalTo("updated_since"))
                .body("detail", containsString("/api/v1/agreements?updated_since"));
        for (String list : List.of("/api/v1/requests", "/api/v1/requests/events", "/api/v1/agreements",
                "/api/v1/agencies")) {
            given().queryParam("updated_since", "2027-01-01").when().get(list).then().statusCode(400)
                    .body("parameter", equalTo("updated_since"));
        }
    }

    @Test
    void shouldSyncAgreementsWithATombstoneOnceUnpublishedAndNothingForADraft() throws IOException, SQLException {
        AgreementFixtures.Scene scene = agreements.scene("Wrenmere");
        String agency = scene.agency().stateCode + "/" + scene.agency().slug;
        long document = scene.uploadPublished("mou.pdf", org.ringwatch.agreement.Papers.textPdf(
                org.ringwatch.agreement.Papers.mou(scene.town())));
        long published = create(scene, document);
        Fixtures.api(scene.moderatorToken()).when().post("/api/v1/agreements/" + published + "/publish").then()
                .statusCode(200);
        long draft = create(scene, document);

        SyncPoll first = agreements(agency);
        assertEquals(List.of(published), first.ids(), "the draft " + draft + " was never published");
        assertEquals("mou", first.items().get(published).get("kind"));

        // An edit of a clause alone changes the agreement.
        try (Connection c = dataSource.getConnection();
             PreparedStatement edit = c.prepareStatement(
                     "UPDATE agreement_clause SET figures = '{\"devices\": 16}' WHERE agreement_id = ? AND topic = 'free_devices'")) {
            edit.setLong(1, published);
            assertTrue(edit.executeUpdate() > 0);
        }
        SyncPoll second = first.next();
        assertEquals(List.of(published), List.copyOf(second.items().keySet()));

        // Unpublished (by whatever means: the trigger sees SQL too): a tombstone; the draft still nothing.
        try (Connection c = dataSource.getConnection();
             PreparedStatement unpublish = c.prepareStatement(
                     "UPDATE agreement SET visibility = 'draft', published_at = NULL, published_by = NULL WHERE id IN (?, ?)")) {
            unpublish.setLong(1, published);
            unpublish.setLong(2, draft);
            assertEquals(2, unpublish.executeUpdate());
        }
        SyncPoll third = second.next();
        assertEquals(List.of(published), third.ids());
        assertEquals(Set.of("id", "deleted", "updated_at"), third.tombstones().get(published).keySet());
    }

    /**
     * Transaction A adds a partnership fact to an agency and holds; another agency changes and a
     * poll reads; A commits. A's change is in the next poll though its timestamp is older.
     */
    @Test
    void shouldSendAnAgencyChangedByATransactionThatCommittedAfterThePoll() throws SQLException {
        Agency slow = agreements.fictionalAgency("Bramblecote");
        Agency quick = agreements.fictionalAgency("Bramblecote");
        String state = slow.stateCode;
        SyncPoll start = SyncPoll.of(given().queryParam("state", state).queryParam("q", "Bramblecote")
                .queryParam("updated_since", EPOCH).when().get("/api/v1/agencies"));
        assertEquals(2, start.ids().size());
        assertEquals(Set.of("state", "slug", "name", "kind", "city", "first_active", "url", "updated_at", "deleted"),
                start.items().values().iterator().next().keySet());

        try (Connection a = dataSource.getConnection()) {
            a.setAutoCommit(false);
            try {
                addFact(a, slow.id);
                try (Connection b = dataSource.getConnection()) {
                    addFact(b, quick.id);
                }
                SyncPoll during = start.next();
                assertEquals(List.of(quick.slug), during.items().values().stream().map(i -> i.get("slug")).toList());
                a.commit();
                SyncPoll after = during.next();
                Map<String, Object> sent = after.items().values().stream().filter(i -> slow.slug.equals(i.get("slug")))
                        .findFirst().orElseThrow(() -> new AssertionError("committed after the poll, so in the next one: "
                                + after.items()));
                assertEquals("2019-06-01", ((Map<?, ?>) sent.get("first_active")).get("date"));
                // The quick one may come again (its transaction is above the mark, which A held back): at least once.
            } finally {
                a.rollback();
            }
        }
    }

    private static void addFact(Connection connection, long agencyId) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO partnership_fact (agency_id, kind, occurred_on, precision, source_id)
                SELECT ?, 'portal_active', DATE '2019-06-01', 'day', id FROM source ORDER BY id LIMIT 1""")) {
            insert.setLong(1, agencyId);
            assertEquals(1, insert.executeUpdate());
        }
    }

    private static long create(AgreementFixtures.Scene scene, long document) {
        return Fixtures.api(scene.authorToken()).body(AgreementFixtures.mouBody(document)).when()
                .post("/api/v1/agreements").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static SyncPoll requests(String agency) {
        return SyncPoll.of(given().queryParam("agency", agency).queryParam("updated_since", EPOCH)
                .queryParam("all", "true").when().get("/api/v1/requests"));
    }

    private static SyncPoll events(String agency) {
        return SyncPoll.of(given().queryParam("agency", agency).queryParam("updated_since", EPOCH)
                .when().get("/api/v1/requests/events"));
    }

    private static SyncPoll agreements(String agency) {
        return SyncPoll.of(given().queryParam("agency", agency).queryParam("updated_since", EPOCH)
                .when().get("/api/v1/agreements"));
    }
}
