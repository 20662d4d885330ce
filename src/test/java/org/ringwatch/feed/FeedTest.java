package org.ringwatch.feed;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.io.WireFeedInput;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.ringwatch.account.Account;
import org.ringwatch.account.Fixtures;
import org.ringwatch.account.Role;
import org.ringwatch.account.SessionCookies;
import org.ringwatch.agency.Agency;
import org.ringwatch.agreement.AgreementFixtures;
import org.ringwatch.agreement.Papers;
import org.ringwatch.document.DocumentFixtures;
import org.ringwatch.platform.EmbeddedPostgresResource;
import org.ringwatch.platform.Today;
import org.ringwatch.request.RecordsRequest;
import org.ringwatch.request.RequestEvent;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Atom feeds: valid Atom, what was published in every feed it belongs to, and nothing a
 * member of the public may not see — for anyone who asks, moderators included [ASVS 8.2.1].
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class FeedTest {

    static final String ATOM = "http://www.w3.org/2005/Atom";

    @Inject
    AgreementFixtures agreements;

    @Inject
    Fixtures fixtures;

    @Inject
    Today today;

    /**
     * What every test reads: one fictional agency with a published agreement, a published
     * document and a "no responsive records" outcome beside everything that must stay out of a
     * feed; another with an embargoed request. Built once: uploads wait for text extraction.
     */
    record World(AgreementFixtures.Scene scene, String publishedAgreement, String publishedDocument,
            long publishedDocumentId, long outcomeRequest, long outcomeEvent, List<String> hidden, List<String> quietAgencies,
            Agency embargoed) {

        String agencyFeed() {
            return scene.agencyPath().toLowerCase(java.util.Locale.ROOT) + "/feed.atom";
        }
    }

    private static World world;

    private synchronized World world() throws IOException {
        if (world == null) {
            world = build();
        }
        return world;
    }

    private World build() throws IOException {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        AgreementFixtures.Scene scene = agreements.scene("Feedham");
        String publishedDocument = "feed-published-" + tag + ".pdf";
        long document = scene.uploadPublished(publishedDocument, pdf(scene.town() + " published " + tag));

        // Markup-like text must arrive as text: escaped in the XML, read back as written.
        String publishedAgreement = "Feedham published MOU <b>&amp; terms</b> " + tag;
        long agreement = recordAgreement(scene, document, publishedAgreement);
        Fixtures.api(scene.moderatorToken()).when().post("/api/v1/agreements/" + agreement + "/publish")
                .then().statusCode(200);
        String draftAgreement = "Feedham draft MOU " + tag;
        recordAgreement(scene, document, draftAgreement);

        String unpublished = "feed-unpublished-" + tag + ".pdf";
        scene.upload(unpublished, pdf(scene.town() + " unpublished " + tag));
        String withheld = "feed-withheld-" + tag + ".pdf";
        long withheldId = scene.upload(withheld, pdf(scene.town() + " withheld " + tag));
        Fixtures.api(scene.moderatorToken()).body(Map.of("reason", "Residents' names throughout"))
                .when().post("/api/v1/documents/" + withheldId + "/withhold").then().statusCode(200);

        fixtures.log(scene.author(), scene.request(), today.date().minusDays(12), "received", "no_responsive_records",
                false, "The department has no records responsive to your request.");
        long outcomeEvent = lastEvent(scene.request());

        // A private entry that changes the status: the status is public on the request, the entry is not.
        Agency privately = agreements.fictionalAgency("Hushwell");
        RecordsRequest privateOutcome = fixtures.filed(scene.author(), privately.stateCode, privately.slug,
                today.date().minusDays(29));
        fixtures.log(scene.author(), privateOutcome, today.date().minusDays(11), "received", "partially_fulfilled", true,
                "PRIVATE-RELEASE-" + tag);

        // An embargoed request: its outcome and a published document on it stay out until the embargo ends.
        Agency embargoed = agreements.fictionalAgency("Quietmoor");
        RecordsRequest embargo = fixtures.filed(scene.author(), embargoed.stateCode, embargoed.slug,
                today.date().minusDays(29));
        fixtures.embargo(scene.author(), embargo, today.date().plusMonths(6));
        String embargoedDocument = "feed-embargoed-" + tag + ".pdf";
        long embargoedId = DocumentFixtures.uploadProcessed(scene.authorToken(), embargo.id, filingEvent(embargo),
                embargoedDocument, pdf("Quietmoor " + tag), "application/pdf");
        Fixtures.api(scene.moderatorToken()).when().post("/api/v1/documents/" + embargoedId + "/publish")
                .then().statusCode(200);
        fixtures.log(scene.author(), embargo, today.date().minusDays(10), "received", "fulfilled", false,
                "Records attached.");

        RecordsRequest draft = fixtures.draft(scene.author(), scene.agency().stateCode, scene.agency().slug);

        return new World(scene, publishedAgreement, publishedDocument, document, scene.request().id, outcomeEvent,
                List.of(draftAgreement, unpublished, withheld, privateOutcome.title, "PRIVATE-RELEASE-" + tag,
                        embargo.title, embargoedDocument, draft.title, Papers.MOU_CONFIDENTIALITY, "PRIVATE-ENTRY-",
                        "PRIVATE-NOTE-"),
                List.of(privately.name, embargoed.name), embargoed);
    }

    @Test
    void shouldServeEveryFeedAsValidAtom() throws Exception {
        World w = world();
        for (String path : List.of("/feed.atom", "/states/or/feed.atom", w.agencyFeed(), "/states/vt/feed.atom")) {
            String xml = given().when().get(path).then().statusCode(200)
                    .header("Content-Type", equalTo("application/atom+xml; charset=UTF-8"))
                    .header("Cache-Control", equalTo("public, max-age=300"))
                    .extract().asString();
            Feed feed = parse(xml);
            assertNotNull(feed.getId(), path);
            assertNotNull(feed.getTitle(), path);
            assertNotNull(feed.getUpdated(), path);
            assertFalse(feed.getAuthors().isEmpty(), path);
            Link self = feed.getOtherLinks().stream().filter(l -> "self".equals(l.getRel())).findFirst().orElseThrow();
            assertTrue(self.getHrefResolved().endsWith(path), self.getHrefResolved());
            assertTrue(feed.getAlternateLinks().stream().anyMatch(l -> "text/html".equals(l.getType())), path);
            assertTrue(feed.getEntries().size() <= FeedEntries.LIMIT, path);
            for (Entry entry : feed.getEntries()) {
                assertNotNull(entry.getId(), path);
                assertNotNull(entry.getTitle(), path);
                assertNotNull(entry.getUpdated(), path);
                assertTrue(entry.getAlternateLinks().get(0).getHrefResolved().startsWith("http"), path);
            }
        }
    }

    @Test
    void shouldListWhatWasPublishedInTheSiteStateAndAgencyFeeds() throws Exception {
        World w = world();
        for (String path : List.of("/feed.atom", "/states/or/feed.atom", w.agencyFeed())) {
            String xml = given().when().get(path).then().statusCode(200).extract().asString();
            assertFalse(xml.contains("<b>"), path + " carries the title's markup unescaped");
            Feed feed = parse(xml);
            assertTrue(hasEntry(feed, w.publishedAgreement(), "/agreements/"), path + " lacks the agreement");
            Entry document = entry(feed, w.publishedDocument());
            assertTrue(document.getAlternateLinks().get(0).getHrefResolved()
                    .endsWith("/documents/" + w.publishedDocumentId()), path);
            Entry outcome = entry(feed, "No responsive records");
            assertTrue(outcome.getAlternateLinks().get(0).getHrefResolved()
                    .endsWith("/requests/" + w.outcomeRequest() + "#event-" + w.outcomeEvent()), path);
            assertTrue(outcome.getTitle().contains(w.scene().agency().name), path);
        }
        Feed elsewhere = parse(given().when().get("/states/vt/feed.atom").then().statusCode(200).extract().asString());
        assertFalse(hasEntry(elsewhere, w.publishedAgreement(), "/agreements/"));
    }

    @Test
    void shouldNeverListDraftsPrivateEntriesEmbargoedRequestsOrUnpublishedDocuments() throws Exception {
        World w = world();
        String embargoedFeed = "/agencies/or/" + w.embargoed().slug + "/feed.atom";
        for (String path : List.of("/feed.atom", "/states/or/feed.atom", w.agencyFeed(), embargoedFeed)) {
            String xml = given().when().get(path).then().statusCode(200).extract().asString();
            parse(xml);
            for (String hidden : w.hidden()) {
                assertFalse(xml.contains(hidden), path + " shows " + hidden);
            }
            assertFalse(xml.contains(">Partially fulfilled:"), path + " shows the private entry");
            if (!path.equals(embargoedFeed)) {
                for (String agency : w.quietAgencies()) {
                    assertFalse(xml.contains(agency), path + " shows an entry of " + agency);
                }
            }
        }
        assertTrue(parse(given().when().get(embargoedFeed).then().extract().asString()).getEntries().isEmpty());
    }

    @Test
    void shouldGiveASignedInModeratorExactlyThePublicFeed() throws Exception {
        World w = world();
        Account moderator = fixtures.account(Role.MODERATOR);
        for (String path : List.of("/feed.atom", "/states/or/feed.atom", w.agencyFeed())) {
            String anonymous = given().when().get(path).then().statusCode(200).extract().asString();
            String signedIn = given().cookie(SessionCookies.NAME, fixtures.session(moderator)).when().get(path)
                    .then().statusCode(200).header("Cache-Control", equalTo("public, max-age=300"))
                    .extract().asString();
            String withToken = Fixtures.api(w.scene().moderatorToken()).when().get(path).then().statusCode(200)
                    .extract().asString();
            assertEquals(anonymous, signedIn, path);
            assertEquals(anonymous, withToken, path);
            for (String hidden : w.hidden()) {
                assertFalse(signedIn.contains(hidden), path + " shows a moderator " + hidden);
            }
        }
    }

    @Test
    void shouldLinkTheFeedsFromThePageHeads() throws IOException {
        World w = world();
        String siteFeed = "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"RingWatch: everything newly"
                + " published\" href=\"/feed.atom\">";
        given().when().get("/").then().statusCode(200).body(containsString(siteFeed));
        given().when().get("/states/or").then().statusCode(200).body(containsString(siteFeed),
                containsString("title=\"RingWatch: Oregon\" href=\"/states/or/feed.atom\">"));
        given().when().get(w.scene().agencyPath()).then().statusCode(200).body(containsString(siteFeed),
                containsString("href=\"" + w.agencyFeed() + "\">"));
        given().when().get("/states/or/cities/" + w.scene().agency().city.slug).then().statusCode(200)
                .body(containsString("href=\"/states/or/feed.atom\">"));
    }

    @Test
    void shouldNotFindTheFeedOfAnUnknownAgencyOrState() {
        given().when().get("/agencies/or/no-such-agency-anywhere/feed.atom").then().statusCode(404);
        given().when().get("/agencies/zz/no-such-agency-anywhere/feed.atom").then().statusCode(404);
        given().when().get("/states/zz/feed.atom").then().statusCode(404);
    }

    @Test
    void shouldDropCharactersXmlCannotCarry() {
        assertEquals("ab\tc\uD83D\uDD14", AtomWriter.clean("a\u0000b\tc\u0007\uD800\uD83D\uDD14\uFFFF"));
    }

    /** Parses as a feed reader would, without repairing anything, and checks the Atom namespace. */
    private static Feed parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Element root = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml))).getDocumentElement();
        assertEquals(ATOM, root.getNamespaceURI());
        assertEquals("feed", root.getLocalName());
        WireFeedInput input = new WireFeedInput();
        input.setXmlHealerOn(false);
        WireFeed feed = input.build(new StringReader(xml));
        assertEquals("atom_1.0", feed.getFeedType());
        return (Feed) feed;
    }

    private static boolean hasEntry(Feed feed, String titlePart, String linkPart) {
        return feed.getEntries().stream().anyMatch(e -> e.getTitle().contains(titlePart)
                && e.getAlternateLinks().get(0).getHrefResolved().contains(linkPart));
    }

    private static Entry entry(Feed feed, String titlePart) {
        return feed.getEntries().stream().filter(e -> e.getTitle().contains(titlePart)).findFirst()
                .orElseThrow(() -> new AssertionError("no entry titled with " + titlePart));
    }

    private static long recordAgreement(AgreementFixtures.Scene scene, long document, String title) {
        return Fixtures.api(scene.authorToken()).contentType(ContentType.JSON).body(Map.of(
                        "evidence", List.of(document), "kind", "mou", "title", title,
                        "counterparties", AgreementFixtures.ringLlc(),
                        "clauses", Map.of("confidentiality", Map.of("state", "present",
                                "quote", Papers.MOU_CONFIDENTIALITY, "document", document, "page", 2))))
                .when().post("/api/v1/agreements").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static byte[] pdf(String town) throws IOException {
        return Papers.textPdf(Papers.mou(town));
    }

    private static long lastEvent(RecordsRequest request) {
        return RequestEvent.<RequestEvent>find("request.id = ?1 order by id desc", request.id).firstResult().id;
    }

    private static long filingEvent(RecordsRequest request) {
        return RequestEvent.<RequestEvent>find("request.id = ?1 and statusTo = 'filed'", request.id).firstResult().id;
    }
}
