package org.ringwatch.browse;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.ringwatch.platform.EmbeddedPostgresResource;
import org.ringwatch.platform.Names;
import org.ringwatch.seed.PartnershipRows;
import org.ringwatch.seed.SeedLoader;

import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class AgencyPagesTest {

    @Inject
    SeedLoader loader;

    @Test
    void shouldShowAnAgencyWithItsDatedFactAndSource() {
        given().when().get("/agencies/wi/greenfield-police-department")
                .then().statusCode(200)
                .contentType("text/html")
                .body(containsString("<title>Greenfield Police Department, Wisconsin · RingWatch</title>"),
                        containsString("<time datetime=\"2018-03-22\">22 March 2018</time>"),
                        containsString("Went live on Ring's law-enforcement portal"),
                        containsString("Ring Active Agency Map, as recorded in the Atlas of Surveillance"),
                        containsString("CC BY 4.0"),
                        containsString("record AOS3711"),
                        containsString("Public Records Law"),
                        containsString("The law sets no number of days."));
    }

    @Test
    void shouldShowAMonthPreciseDateAsAMonthOnly() {
        String name = "Test Month " + PartnershipRows.unique() + " Police Department";
        loader.load(PartnershipRows.FILE, new PartnershipRows()
                .raw("TEST-M", name, "Police", "Municipal", "Salem", "Marion County", "OR", "2020-09", "month",
                        "atlas_summary_text").bytes(), false);
        given().when().get("/agencies/or/" + Names.slug(name))
                .then().statusCode(200)
                .body(containsString("<time datetime=\"2020-09\">September 2020</time>"),
                        containsString("(to the month)"),
                        not(containsString("1 September 2020")));
    }

    @Test
    void shouldKeepSameNamedAgenciesOfTwoStatesOnTheirOwnPages() {
        given().when().get("/agencies/co/aurora-police-department")
                .then().statusCode(200).body(containsString("Aurora Police Department, Colorado"),
                        containsString("2019-10-29"));
        given().when().get("/agencies/il/aurora-police-department")
                .then().statusCode(200).body(containsString("Aurora Police Department, Illinois"),
                        containsString("2018-08-28"));
    }

    @Test
    void shouldEscapeMarkupInNames() {
        String name = "<script>alert('x')</script> Test " + PartnershipRows.unique() + " Police";
        loader.load(PartnershipRows.FILE, new PartnershipRows()
                .agency(name, "<b>Bold</b> City", "", "NV", "2019-01-01", "day").bytes(), false);
        String slug = Names.slug(name);
        given().when().get("/agencies/nv/" + slug)
                .then().statusCode(200)
                .body(containsString("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Test"),
                        not(containsString("<script>alert")),
                        not(containsString("<b>Bold</b>")));
        given().when().get("/agencies?q=" + "alert('x')")
                .then().statusCode(200)
                .body(containsString("&lt;script&gt;"), not(containsString("<script>alert")));
        given().when().get("/states/nv")
                .then().statusCode(200).body(not(containsString("<script>alert")), not(containsString("<b>Bold")));
    }

    @Test
    void shouldRenderUtf8NamesAsUtf8() {
        String city = "Cañon City Test " + PartnershipRows.unique();
        String agency = "Test Ñandú " + PartnershipRows.unique() + " Police Department";
        loader.load(PartnershipRows.FILE, new PartnershipRows()
                .agency(agency, city.replace("ñ", "n\u0303"), "Fremont County", "CO", "2019-01-01", "day").bytes(), false);
        byte[] body = given().when().get("/states/co/cities/" + Names.slug(city))
                .then().statusCode(200).contentType(containsString("charset=UTF-8"))
                .extract().asByteArray();
        String html = new String(body, StandardCharsets.UTF_8);
        org.hamcrest.MatcherAssert.assertThat(html, allOf(containsString("<h1>" + city + ", Colorado</h1>"),
                containsString(agency)));
    }

    @Test
    void shouldFindAgenciesByNameWithoutCaseOrAccents() {
        String name = "Test Peñasco " + PartnershipRows.unique() + " Police Department";
        loader.load(PartnershipRows.FILE, new PartnershipRows()
                .agency(name, "Peñasco", "Taos County", "NM", "2019-01-01", "day").bytes(), false);
        given().queryParam("q", "PENASCO").when().get("/agencies")
                .then().statusCode(200).body(containsString(name));
        given().queryParam("q", "nothing matches this " + PartnershipRows.unique()).when().get("/agencies")
                .then().statusCode(200).body(containsString("No agency name contains"));
        given().queryParam("q", "100%_\\").when().get("/agencies")
                .then().statusCode(200).body(containsString("No agency name contains “100%_\\”"));
    }

    @Test
    void shouldAnswerAnUnknownAgencyWithTheNotFoundPage() {
        given().when().get("/agencies/co/no-such-agency")
                .then().statusCode(404).contentType("text/html")
                .body(containsString("<title>Not Found · RingWatch</title>"), containsString("Back to the start page"));
        given().when().get("/agencies/zz/aurora-police-department").then().statusCode(404);
    }
}
