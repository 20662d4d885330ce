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

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

/**
 * The request's pages as a volunteer uses them: the records asked for, the letter that quotes
 * them, the log with its uploads, and what the start page says about earlier requests. Browsers
 * send a textarea's lines as CRLF, so the forms here do too.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class RequestPagesTest {

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

    /** Starts a draft through the start form, as a browser would; returns its id. */
    private long start(String records) {
        String location = fixtures.browser(owner).formParam("agency", agencyKey).formParam("title", "Ring records")
                .formParam("records", records).formParam("feeWaiver", "true").when().post("/requests")
                .then().statusCode(303).extract().header("Location");
        return Long.parseLong(location.replaceAll(".*/requests/(\\d+).*", "$1"));
    }
}
