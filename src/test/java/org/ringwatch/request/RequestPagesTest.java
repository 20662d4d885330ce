package org.ringwatch.request;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ringwatch.account.Account;
import org.ringwatch.account.Fixtures;
import org.ringwatch.account.Role;
import org.ringwatch.agency.Agency;
import org.ringwatch.browse.TownFixtures;
import org.ringwatch.platform.EmbeddedPostgresResource;
import org.ringwatch.platform.Today;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The request's pages as a volunteer uses them: the records asked for, the letter that quotes
 * them, the log with its uploads, and what the start page says about earlier requests. Browsers
 * send a textarea's lines as CRLF, so the forms here do too.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class RequestPagesTest {

    private static final String ENTRY = "<li id=\"event-(\\d+)\">(.*?)</li>";

    @Inject
    Fixtures fixtures;

    @Inject
    TownFixtures towns;

    @Inject
    Today today;

    Account owner;
    Agency agency;
    String agencyKey;

    @BeforeEach
    void setUp() {
        owner = fixtures.account(Role.VOLUNTEER);
        agency = towns.agency(towns.town("Quillmoor", 4_200), "Quillmoor");
        agencyKey = agency.stateCode + "/" + agency.slug;
    }

    @Test
    void shouldRewriteTheLetterWhenTheRecordsAskedForChange() {
        long id = start("1. The Ring MOU\r\n2. E-mails about it");
        String letter = letterText(id).replace("To the records officer:", "Dear Ms. Rivera:");

        fixtures.browser(owner).formParam("title", "Ring records").formParam("records",
                        "1. The Ring MOU\r\n2. Invoices from Ring\r\n3. Video requests by month")
                .formParam("letter", letter.replace("\n", "\r\n")).when().post("/requests/" + id)
                .then().statusCode(303);

        assertThat(letterText(id), allOf(
                containsString("1. The Ring MOU\n2. Invoices from Ring\n3. Video requests by month\n"),
                not(containsString("E-mails about it")), containsString("Dear Ms. Rivera:")));
    }

    @Test
    void shouldRefuseARecordsChangeTheLetterNoLongerQuotes() {
        long id = start("1. The Ring MOU");
        String letter = letterText(id).replace("1. The Ring MOU", "Everything you have about Ring.");

        fixtures.browser(owner).formParam("title", "Ring records").formParam("records", "1. The Neighbors Portal terms")
                .formParam("letter", letter).when().post("/requests/" + id)
                .then().statusCode(422).body(containsString("The letter no longer quotes the records asked for"),
                        containsString("1. The Neighbors Portal terms</textarea>"),
                        containsString("Everything you have about Ring."));

        assertThat(letterText(id), containsString("1. The Ring MOU"));
    }

    @Test
    void shouldShowTheRecordsAskedForAndTheLogLineByLineAndEscaped() {
        long id = start("1. The Ring MOU\r\n2. Minutes of the <Board> & council");
        fixtures.browser(owner).formParam("date", today.date().toString()).formParam("direction", "received")
                .formParam("channel", "email").formParam("body", "We found:\r\n- the MOU\r\n- <no> minutes")
                .when().post("/requests/" + id + "/events").then().statusCode(303);

        fixtures.browser(owner).when().get("/requests/" + id).then().statusCode(200)
                .body(allOf(containsString("1. The Ring MOU<br>2. Minutes of the &lt;Board&gt; &amp; council"),
                        containsString("We found:<br>- the MOU<br>- &lt;no&gt; minutes")));
        fixtures.browser(owner).when().get("/requests/" + id + "/letter").then().statusCode(200)
                .body(containsString("1. The Ring MOU\n2. Minutes of the &lt;Board&gt; &amp; council\n"));
    }

    @Test
    void shouldOfferUploadsOnlyOnEntriesFromTheAgency() {
        RecordsRequest request = fixtures.filed(owner, agency.stateCode, agency.slug, today.date().minusDays(10));
        fixtures.log(owner, request, today.date().minusDays(8), "received", "acknowledged", false, "We have it");

        String page = fixtures.browser(owner).when().get("/requests/" + request.id).then().statusCode(200)
                .extract().asString();

        Map<String, Boolean> uploadByDirection = new LinkedHashMap<>();
        Matcher entry = Pattern.compile(ENTRY, Pattern.DOTALL).matcher(page);
        while (entry.find()) {
            String direction = entry.group(2).contains("· received") ? "received"
                    : entry.group(2).contains("· sent") ? "sent" : "note";
            uploadByDirection.put(direction,
                    entry.group(2).contains("/requests/" + request.id + "/events/" + entry.group(1) + "/documents"));
        }
        assertEquals(Map.of("sent", false, "note", false, "received", true), uploadByDirection);
    }

    @Test
    void shouldLinkAFulfilledEarlierRequestToTheAgencyOnTheStartPage() {
        RecordsRequest answered = fulfilled(owner);
        RecordsRequest embargoed = fulfilled(owner);
        fixtures.embargo(owner, embargoed, today.date().plusMonths(3));
        Account other = fixtures.account(Role.VOLUNTEER);

        String page = fixtures.browser(other).when().get("/requests/new?agency=" + agencyKey).then().statusCode(200)
                .extract().asString();

        assertThat(page, allOf(containsString("<a href=\"/requests/" + answered.id + "\">" + answered.title + "</a>"),
                containsString("already answered"), not(containsString(embargoed.title)),
                not(containsString("open request"))));
        fixtures.browser(owner).when().get("/requests/new?agency=" + agencyKey).then().statusCode(200)
                .body(allOf(containsString(answered.title), containsString(embargoed.title)));
    }

    private RecordsRequest fulfilled(Account volunteer) {
        RecordsRequest request = fixtures.filed(volunteer, agency.stateCode, agency.slug, today.date().minusDays(30));
        fixtures.log(volunteer, request, today.date().minusDays(10), "received", "fulfilled", false, "All released");
        return request;
    }

    /** Starts a draft through the start form, as a browser would; returns its id. */
    private long start(String records) {
        String location = fixtures.browser(owner).formParam("agency", agencyKey).formParam("title", "Ring records")
                .formParam("records", records).formParam("feeWaiver", "true").when().post("/requests")
                .then().statusCode(303).extract().header("Location");
        return Long.parseLong(location.replaceAll(".*/requests/(\\d+).*", "$1"));
    }

    private String letterText(long id) {
        return fixtures.browser(owner).when().get("/requests/" + id + "/letter.txt").then().statusCode(200)
                .extract().asString();
    }
}
