package org.ringwatch.browse;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.ringwatch.account.Account;
import org.ringwatch.account.Fixtures;
import org.ringwatch.account.Role;
import org.ringwatch.agency.Agency;
import org.ringwatch.agreement.AgencyStatusList;
import org.ringwatch.agreement.AgencyStatusList.Coverage;
import org.ringwatch.agreement.AgreementFixtures;
import org.ringwatch.agreement.Papers;
import org.ringwatch.platform.EmbeddedPostgresResource;
import org.ringwatch.platform.Today;
import org.ringwatch.request.RecordsRequest;

import java.io.IOException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The status of every agency on the city, state and agency pages, and the coverage figures,
 * checked against invented agencies whose statuses are known: one town in Oregon with an agency
 * of each status (plus a draft agreement and an embargoed request, which must change nothing),
 * and a large town with one agency nobody asked. State figures are checked as what they gained.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class CoverageTest {

    private static final String EXEMPTION = "ORS 192.355(4)";

    @Inject
    AgreementFixtures agreements;

    @Inject
    Fixtures fixtures;

    @Inject
    TownFixtures towns;

    @Inject
    AgencyStatusList statuses;

    @Inject
    Today today;

    /** Built once for the class; tests here add no other agency, so the figures stay put. */
    private static Scene scene;

    record Scene(TownFixtures.Town town, TownFixtures.Town bigTown, Coverage before, Agency obtained, long agreement,
            long document, Agency noAgreement, RecordsRequest noAgreementRequest, Agency withheld, Agency asked,
            RecordsRequest askedRequest, Agency notAsked, Agency drafted, long draft, Agency embargoed,
            RecordsRequest embargoedRequest, Agency big) {
    }

    private synchronized Scene scene() throws IOException {
        if (scene != null) {
            return scene;
        }
        Coverage before = QuarkusTransaction.requiringNew().call(() -> statuses.coverage("OR", "Oregon"));
        TownFixtures.Town town = towns.town("Quillmere", 4321);
        TownFixtures.Town bigTown = towns.town("Vastmoor", 98_765_432);
        Account volunteer = fixtures.account(Role.VOLUNTEER);

        AgreementFixtures.Scene obtained = agreements.scene("Quillmere Obtained");
        long document = obtained.uploadPublished("mou.pdf", Papers.textPdf(Papers.mou("Quillmere")));
        long agreement = Fixtures.api(obtained.authorToken()).contentType(ContentType.JSON)
                .body(AgreementFixtures.mouBody(document)).when().post("/api/v1/agreements").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        Fixtures.api(obtained.moderatorToken()).when().post("/api/v1/agreements/" + agreement + "/publish").then()
                .statusCode(200);
        towns.move(obtained.agency(), town);

        Agency noAgreement = towns.agency(town, "Quillmere Harbor");
        RecordsRequest noRecords = fixtures.filed(volunteer, "OR", noAgreement.slug, LocalDate.of(2027, 5, 3));
        fixtures.log(volunteer, noRecords, LocalDate.of(2027, 5, 20), "received", "no_responsive_records", false,
                "After a diligent search, no responsive records were found.");

        Agency withheld = towns.agency(town, "Quillmere Heights");
        RecordsRequest denied = fixtures.filed(volunteer, "OR", withheld.slug, LocalDate.of(2027, 5, 3));
        Fixtures.api(fixtures.token(volunteer)).contentType(ContentType.JSON)
                .body(Map.of("date", "2027-05-21", "direction", "received", "channel", "email", "status", "denied",
                        "exemption_cited", EXEMPTION, "body", "Denied."))
                .when().post("/api/v1/requests/" + denied.id + "/events").then().statusCode(201);

        Agency asked = towns.agency(town, "Quillmere Sheriff");
        RecordsRequest open = fixtures.filed(volunteer, "OR", asked.slug, LocalDate.of(2027, 5, 3));

        Agency notAsked = towns.agency(town, "Quillmere Campus");
        // Earliest in Oregon, but after the seed's earliest in the country (22 March 2018), which the home page shows.
        towns.portal(notAsked, LocalDate.of(2018, 6, 1));

        // A draft agreement changes nothing: this one stays "asked" by its scene's filed request.
        AgreementFixtures.Scene drafted = agreements.scene("Quillmere Draft");
        long draftDocument = drafted.upload("mou.pdf", Papers.textPdf(Papers.mou("Quillmere Draft")));
        long draft = Fixtures.api(drafted.authorToken()).contentType(ContentType.JSON)
                .body(AgreementFixtures.mouBody(draftDocument)).when().post("/api/v1/agreements").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        towns.move(drafted.agency(), town);

        // An embargoed request changes nothing until the embargo lifts.
        Agency embargoed = towns.agency(town, "Quillmere Transit");
        RecordsRequest embargoedRequest = fixtures.filed(volunteer, "OR", embargoed.slug, LocalDate.of(2027, 5, 3));
        fixtures.embargo(volunteer, embargoedRequest, LocalDate.of(2027, 9, 1));

        Agency big = towns.agency(bigTown, "Vastmoor");
        scene = new Scene(town, bigTown, before, obtained.agency(), agreement, document, noAgreement, noRecords,
                withheld, asked, open, notAsked, drafted.agency(), draft, embargoed, embargoedRequest, big);
        return scene;
    }

    @Test
    void shouldShowEveryStatusOnTheCityPage() throws IOException {
        Scene s = scene();
        String page = given().when().get(s.town().path()).then().statusCode(200).extract().asString();
        assertTrue(page.contains("7 agencies based in " + s.town().name()), page);

        String obtained = row(page, s.obtained());
        assertTrue(obtained.contains("Agreement obtained"), obtained);
        assertTrue(obtained.contains("<a href=\"/agreements/" + s.agreement() + "\">Memorandum of understanding</a>"),
                obtained);
        assertTrue(obtained.contains("signed <time datetime=\"2018-12-13\">13 December 2018</time>"), obtained);

        String none = row(page, s.noAgreement());
        assertTrue(none.contains("No agreement exists"), none);
        assertTrue(none.contains("href=\"/requests/" + s.noAgreementRequest().id + "\""), none);

        String withheld = row(page, s.withheld());
        assertTrue(withheld.contains("Withheld"), withheld);
        assertTrue(withheld.contains("citing " + EXEMPTION), withheld);

        LocalDate due = LocalDate.parse(given().when().get(statusPath(s.asked())).then().statusCode(200)
                .extract().jsonPath().getString("due_date"));
        long late = ChronoUnit.DAYS.between(due, today.date());
        assertTrue(late > 1, "the fixture's request is overdue on the pinned day");
        String asked = row(page, s.asked());
        assertTrue(asked.contains("Asked"), asked);
        assertTrue(asked.contains("href=\"/requests/" + s.askedRequest().id + "\""), asked);
        assertTrue(asked.contains("due <time datetime=\"" + due + "\">"), asked);
        assertTrue(asked.contains("late by " + late + " days"), asked);

        String notAsked = row(page, s.notAsked());
        assertTrue(notAsked.contains("Not yet asked"), notAsked);
        assertTrue(notAsked.contains("<time datetime=\"2018-06-01\">1 June 2018</time>"), notAsked);
        assertTrue(notAsked.contains("Test portal list"), notAsked);

        String drafted = row(page, s.drafted());
        assertTrue(drafted.contains("Asked"), drafted);
        assertFalse(drafted.contains("/agreements/" + s.draft()), drafted);

        String embargoed = row(page, s.embargoed());
        assertTrue(embargoed.contains("Not yet asked"), embargoed);
        assertFalse(page.contains("/requests/" + s.embargoedRequest().id), "an embargoed request stays hidden");

        assertFalse(page.contains("Ask for it"), "only signed-in volunteers are asked to ask");
        String signedIn = fixtures.browser(fixtures.account(Role.VOLUNTEER)).when().get(s.town().path()).then()
                .statusCode(200).extract().asString();
        assertTrue(row(signedIn, s.notAsked()).contains(
                "<a href=\"/requests/new?agency=OR/" + s.notAsked().slug + "\">Ask for it</a>"), signedIn);
        assertTrue(row(signedIn, s.embargoed()).contains("Ask for it"));
        assertFalse(row(signedIn, s.obtained()).contains("Ask for it"));
        assertFalse(row(signedIn, s.asked()).contains("Ask for it"));
    }

    @Test
    void shouldBuildTheCityPageInOneQuery() throws IOException {
        Scene s = scene();
        List<String> quiet = QuarkusTransaction.requiringNew().call(() -> {
            StatementCounter.start();
            statuses.city("OR", s.bigTown().slug()).orElseThrow();
            return StatementCounter.stop();
        });
        assertEquals(1, quiet.size(), quiet.toString());
        // Two asked rows: their due dates need the state's law and holidays (reference data, with
        // the law's source), read once for the state, not per row; the rows stay one query.
        List<String> busy = QuarkusTransaction.requiringNew().call(() -> {
            StatementCounter.start();
            assertEquals(7, statuses.city("OR", s.town().slug()).orElseThrow().agencies().size());
            return StatementCounter.stop();
        });
        assertEquals(1, busy.stream().filter(sql -> sql.contains("FROM jurisdiction c")).count(), busy.toString());
        List<String> reference = busy.stream().filter(sql -> !sql.contains("FROM jurisdiction c")).toList();
        assertEquals(1, reference.stream().filter(sql -> sql.contains(" from records_law ")).count(), busy.toString());
        assertEquals(1, reference.stream().filter(sql -> sql.contains(" from holiday_rule ")).count(), busy.toString());
        assertTrue(reference.stream().allMatch(sql -> sql.matches(".* from (records_law|source|holiday_rule) .*")),
                busy.toString());
    }

    @Test
    void shouldGiveTheSameFiguresThroughTheApi() throws IOException {
        Scene s = scene();
        Coverage before = s.before();
        JsonPath states = given().queryParam("all", "true").when().get("/api/v1/coverage").then().statusCode(200)
                .extract().jsonPath();
        // The same eight invented agencies as the hand count below.
        String oregon = "items.find { it.state == 'OR' }.";
        assertEquals(before.agencies() + 8, states.getLong(oregon + "partner_agencies"));
        assertEquals(before.obtained() + 1, states.getLong(oregon + "obtained"));
        assertEquals(before.noAgreement() + 1, states.getLong(oregon + "no_agreement"));
        assertEquals(before.withheld() + 1, states.getLong(oregon + "withheld"));
        assertEquals(before.waiting() + 2, states.getLong(oregon + "waiting"));
        assertEquals(before.notAsked() + 3, states.getLong(oregon + "not_asked"));
        assertEquals("/coverage/agencies?state=OR&status=not_asked", states.getString(oregon + "lists.not_asked"));
        long national = given().when().get("/api/v1/coverage/national").then().statusCode(200).extract().jsonPath()
                .getLong("partner_agencies");
        assertEquals(states.getList("items.partner_agencies", Long.class).stream().mapToLong(Long::longValue).sum(),
                national);
        String csv = given().queryParam("format", "csv").queryParam("limit", "200").when().get("/api/v1/coverage")
                .then().statusCode(200).extract().asString();
        assertTrue(csv.startsWith("state,state_name,partner_agencies,asked,waiting,obtained,no_agreement,withheld,"
                + "not_asked,share_asked,share_obtained,share_not_asked,lists.agencies,"), csv);
    }

    @Test
    void shouldCountCoverageAgainstHandCountedAgencies() throws IOException {
        Scene s = scene();
        Coverage before = s.before();
        Coverage after = QuarkusTransaction.requiringNew().call(() -> statuses.coverage("OR", "Oregon"));
        // Eight invented agencies: one obtained, one no agreement, one withheld, two waiting (one
        // with a draft agreement), three not asked (one untouched, one embargoed, one in the big town).
        assertEquals(before.agencies() + 8, after.agencies());
        assertEquals(before.obtained() + 1, after.obtained());
        assertEquals(before.noAgreement() + 1, after.noAgreement());
        assertEquals(before.withheld() + 1, after.withheld());
        assertEquals(before.waiting() + 2, after.waiting());
        assertEquals(before.notAsked() + 3, after.notAsked());
        assertEquals(before.asked() + 5, after.asked());

        String page = given().when().get("/states/or/coverage").then().statusCode(200).extract().asString();
        assertFigure(page, "OR", "", after.agencies(), "100 %");
        assertFigure(page, "OR", "obtained", after.obtained(), percent(after.obtained(), after.agencies()));
        assertFigure(page, "OR", "no_agreement", after.noAgreement(), percent(after.noAgreement(), after.agencies()));
        assertFigure(page, "OR", "withheld", after.withheld(), percent(after.withheld(), after.agencies()));
        assertFigure(page, "OR", "waiting", after.waiting(), percent(after.waiting(), after.agencies()));
        assertFigure(page, "OR", "not_asked", after.notAsked(), percent(after.notAsked(), after.agencies()));
        assertFigure(page, "OR", "asked", after.asked(), percent(after.asked(), after.agencies()));

        given().when().get("/coverage").then().statusCode(200)
                .body(containsString("<a href=\"/coverage/agencies?state=OR&amp;status=not_asked\">"
                        + after.notAsked() + "</a>"),
                        containsString("<a href=\"/states/or/coverage\">Oregon</a>"));
        // Each figure is the length of the list behind it.
        for (String status : List.of("obtained", "no_agreement", "withheld", "waiting", "not_asked", "asked")) {
            String list = given().when().get("/coverage/agencies?state=OR&status=" + status).then().statusCode(200)
                    .extract().asString();
            long expected = switch (status) {
                case "obtained" -> after.obtained();
                case "no_agreement" -> after.noAgreement();
                case "withheld" -> after.withheld();
                case "waiting" -> after.waiting();
                case "not_asked" -> after.notAsked();
                default -> after.asked();
            };
            assertEquals(expected, rows(list), status);
        }
    }

    @Test
    void shouldListTheAgenciesBehindEachFigure() throws IOException {
        Scene s = scene();
        String withheld = list("status=withheld");
        assertTrue(withheld.contains(s.withheld().slug));
        assertFalse(withheld.contains(s.asked().slug));
        String waiting = list("status=waiting");
        assertTrue(waiting.contains(s.asked().slug) && waiting.contains(s.drafted().slug));
        assertFalse(waiting.contains(s.embargoed().slug));
        String asked = list("status=asked");
        for (Agency a : List.of(s.obtained(), s.noAgreement(), s.withheld(), s.asked(), s.drafted())) {
            assertTrue(asked.contains(a.slug), a.slug);
        }
        assertFalse(asked.contains(s.notAsked().slug) || asked.contains(s.embargoed().slug));

        String byPopulation = list("status=not_asked&sort=population");
        assertEquals(s.big().slug, firstAgency(byPopulation), "the largest city first");
        String byPortal = list("status=not_asked&sort=portal");
        assertEquals(s.notAsked().slug, firstAgency(byPortal), "the earliest on Ring's portal first");
        assertTrue(byPortal.contains("<strong>earliest on Ring&#39;s portal first</strong>"), byPortal);

        given().when().get("/coverage/agencies?status=not_asked&sort=population").then().statusCode(200)
                .body(containsString(s.big().slug));
        given().when().get("/coverage/agencies?state=OR&status=bogus").then().statusCode(404);
        given().when().get("/coverage/agencies?state=OR&sort=name;drop").then().statusCode(404);
        given().when().get("/coverage/agencies?state=ZZ").then().statusCode(404);
        given().when().get("/states/zz/coverage").then().statusCode(404);
    }

    @Test
    void shouldListAgenciesFirstInOneTableThenCoverageThenTheLaw() throws IOException {
        Scene s = scene();
        String page = given().when().get("/states/or").then().statusCode(200).extract().asString();
        int agencies = page.indexOf("id=\"agencies\"");
        int coverage = page.indexOf("id=\"coverage\"");
        int law = page.indexOf("id=\"law\"");
        int holidays = page.indexOf("id=\"holidays\"");
        assertTrue(agencies > 0 && agencies < coverage && coverage < law && law < holidays, "order on the state page");
        assertEquals(1, page.split("<table class=\"agencies statuses\"", -1).length - 1, "one table of agencies");
        String row = row(page, s.withheld());
        assertTrue(row.contains("<a href=\"" + s.town().path() + "\">" + s.town().name() + "</a>"), row);
        assertTrue(row.contains("citing " + EXEMPTION), row);
        assertTrue(page.contains("<a href=\"/coverage/agencies?state=OR&amp;status=withheld\">"), "coverage links");
    }

    @Test
    void shouldShowTheAgencyPageAgreementsRequestsDocumentsThenFacts() throws IOException {
        Scene s = scene();
        String page = given().when().get(agencyPath(s.obtained())).then().statusCode(200).extract().asString();
        int agreement = page.indexOf("id=\"agreement\"");
        int requests = page.indexOf("id=\"requests\"");
        int documents = page.indexOf("id=\"documents\"");
        int facts = page.indexOf("id=\"facts\"");
        assertTrue(agreement > 0 && agreement < requests && requests < documents && documents < facts, "order");
        assertTrue(page.substring(documents, facts).contains("<a href=\"/documents/" + s.document() + "\">mou.pdf</a>"),
                page);

        given().when().get(agencyPath(s.drafted())).then().statusCode(200)
                .body(not(containsString("/agreements/" + s.draft())), containsString("Asked"));

        String due = given().when().get(statusPath(s.asked())).then().extract().jsonPath().getString("due_date");
        String asked = given().when().get(agencyPath(s.asked())).then().statusCode(200).extract().asString();
        String table = asked.substring(asked.indexOf("id=\"requests\""), asked.indexOf("id=\"documents\""));
        assertTrue(table.contains("<time datetime=\"" + due + "\">" + due + "</time> <span class=\"overdue\">overdue</span>"),
                table);
    }

    private static String list(String query) {
        return given().when().get("/coverage/agencies?state=OR&" + query).then().statusCode(200).extract().asString();
    }

    /** The table row of {@code agency} on a page. */
    private static String row(String page, Agency agency) {
        int link = page.indexOf("/" + agency.slug + "\"");
        assertTrue(link > 0, "no row for " + agency.slug);
        return page.substring(page.lastIndexOf("<tr>", link), page.indexOf("</tr>", link));
    }

    private static long rows(String page) {
        return page.split("<tr>", -1).length - 2; // less the header row
    }

    private static String firstAgency(String page) {
        String body = page.substring(page.indexOf("<tbody>"));
        int at = body.indexOf("href=\"/agencies/or/");
        return body.substring(at + "href=\"/agencies/or/".length(), body.indexOf('"', at + 6 + "/agencies/or/".length()));
    }

    private static void assertFigure(String page, String state, String status, long count, String percent) {
        String link = "/coverage/agencies?state=" + state + (status.isEmpty() ? "" : "&amp;status=" + status);
        String cell = "<td><a href=\"" + link + "\">" + count + "</a></td><td>" + percent + "</td>";
        assertTrue(page.contains(cell), "missing " + cell);
    }

    private static String percent(long part, long whole) {
        return Math.round(100.0 * part / whole) + " %";
    }

    private static String agencyPath(Agency agency) {
        return "/agencies/" + agency.stateCode.toLowerCase() + "/" + agency.slug;
    }

    private static String statusPath(Agency agency) {
        return "/api/v1/agencies/" + agency.stateCode + "/" + agency.slug + "/agreement-status";
    }
}
