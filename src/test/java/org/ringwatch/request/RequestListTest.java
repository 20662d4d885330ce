package org.ringwatch.request;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.ringwatch.account.Account;
import org.ringwatch.account.Fixtures;
import org.ringwatch.account.Role;
import org.ringwatch.agency.Agency;
import org.ringwatch.agreement.AgreementFixtures;
import org.ringwatch.agreement.Papers;
import org.ringwatch.api.ListWalk;
import org.ringwatch.platform.EmbeddedPostgresResource;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The requests list in every format, page by page and whole, with what each viewer may see. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class RequestListTest {

    static final String HEADER = "id,agency,agency_name,title,records,status,filed_date,due_date,due_explanation,"
            + "overdue,paused,appeal_possible,requester,tracking_numbers,embargo_until,private_notes,page";

    static final String EVENT_HEADER = "request_id,id,date,direction,channel,subject,body,status,exemption_cited,fee,"
            + "fee_paid,is_private,documents";

    @Inject
    Fixtures fixtures;

    @Inject
    AgreementFixtures agreements;

    @Test
    void shouldServeEveryRequestOnceInEveryFormat() {
        Agency agency = agreements.fictionalAgency("Quillon Bend");
        Account owner = fixtures.account(Role.VOLUNTEER);
        List<Long> filed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            filed.add(fixtures.filed(owner, agency.stateCode, agency.slug, LocalDate.of(2027, 5, 3 + i)).id);
        }
        long draft = fixtures.draft(owner, agency.stateCode, agency.slug).id;
        String key = agency.stateCode + "/" + agency.slug;

        List<String> ids = ListWalk.everyFormat("/api/v1/requests?agency=" + key + "&limit=2", HEADER, "id");
        List<String> newestFirst = new ArrayList<>(filed.stream().map(String::valueOf).toList());
        Collections.reverse(newestFirst);
        assertEquals(newestFirst, ids,
                "newest first, the draft " + draft + " left out for the public");
        assertEquals(filed.stream().map(String::valueOf).toList(),
                ListWalk.everyFormat("/api/v1/requests?agency=" + key + "&sort=id&limit=2", HEADER, "id"),
                "sort=id: oldest first");
        given().queryParam("sort", "-title").when().get("/api/v1/requests").then().statusCode(400)
                .body("parameter", equalTo("sort"));
        given().queryParam("sort", "id").queryParam("updated_since", "1970-01-01T00:00:00Z").when()
                .get("/api/v1/requests").then().statusCode(400).body("parameter", equalTo("sort"));

        List<List<String>> csv = ListWalk.csv(given().queryParam("agency", key).queryParam("format", "csv")
                .queryParam("limit", 1).when().get("/api/v1/requests").then().statusCode(200).extract().asString());
        assertEquals(List.of(String.valueOf(filed.get(4)), key, "filed", "", "/requests/" + filed.get(4)),
                List.of(csv.get(1).get(0), csv.get(1).get(1), csv.get(1).get(5), csv.get(1).get(15),
                        csv.get(1).get(16)), "a row: no private notes for the public");

        String mine = Fixtures.api(fixtures.token(owner)).queryParam("agency", key).queryParam("format", "ndjson")
                .queryParam("all", "true").when().get("/api/v1/requests").then().statusCode(200).extract().asString();
        assertEquals(6, mine.lines().count(), "the requester sees the draft too");

        given().queryParam("agency", key).queryParam("status", "filed").queryParam("overdue", "true")
                .queryParam("format", "ndjson").when().get("/api/v1/requests").then().statusCode(200);
        given().queryParam("format", "xml").when().get("/api/v1/requests").then().statusCode(400)
                .body("parameter", equalTo("format"));
        given().queryParam("all", "maybe").when().get("/api/v1/requests").then().statusCode(400)
                .body("parameter", equalTo("all"));
        given().queryParam("status", "lost").queryParam("format", "csv").when().get("/api/v1/requests").then()
                .statusCode(400).body("parameter", equalTo("status"));
    }

    @Test
    void shouldListTheEntriesEachViewerMaySeeWithTheirDocuments() throws IOException {
        AgreementFixtures.Scene scene = agreements.scene("Wickerby Cross");
        long published = scene.uploadPublished("letter.pdf", Papers.textPdf(List.of(List.of("A letter."))));
        long unpublished = scene.upload("draft.pdf", Papers.textPdf(List.of(List.of("Not reviewed."))));
        fixtures.log(scene.author(), scene.request(), LocalDate.of(2027, 5, 5), "received", "acknowledged", false,
                "Received, thank you");
        String key = scene.agency().stateCode + "/" + scene.agency().slug;
        long second = fixtures.filed(scene.author(), scene.agency().stateCode, scene.agency().slug,
                LocalDate.of(2027, 5, 6)).id;
        long third = fixtures.filed(scene.author(), scene.agency().stateCode, scene.agency().slug,
                LocalDate.of(2027, 5, 7)).id;

        List<String> events = ListWalk.everyFormat("/api/v1/requests/events?agency=" + key + "&limit=3",
                EVENT_HEADER, "id");
        List<String> requests = ListWalk.pages("/api/v1/requests/events?agency=" + key + "&limit=1", "request_id");
        assertEquals(List.of(third, second, scene.request().id, scene.request().id),
                requests.stream().map(Long::valueOf).toList(), "newest request first, no private entry");
        assertEquals(events, ListWalk.pages("/api/v1/requests/events?agency=" + key + "&limit=2", "id"));
        assertEquals(List.of(scene.request().id, scene.request().id, second, third), ListWalk.pages(
                "/api/v1/requests/events?agency=" + key + "&sort=id&limit=1", "request_id").stream().map(Long::valueOf)
                .toList(), "sort=id: the entries follow their requests, oldest first, across pages");

        JsonPath filing = given().queryParam("agency", key).queryParam("all", "true").when()
                .get("/api/v1/requests/events").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(published), longs(filing.getList("items.find { it.id == " + scene.eventId()
                + " }.documents")), "the public gets the published document only");
        assertEquals(List.of(published), longs(given().when().get("/api/v1/requests/" + scene.request().id).then()
                .statusCode(200).extract().jsonPath().getList("events.find { it.id == " + scene.eventId()
                        + " }.documents")), "the request's own JSON says the same");
        JsonPath mine = Fixtures.api(scene.authorToken()).queryParam("agency", key).queryParam("all", "true").when()
                .get("/api/v1/requests/events").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(published, unpublished), longs(mine.getList("items.find { it.id == " + scene.eventId()
                + " }.documents")));
        assertEquals(7, mine.getList("items").size(), "the requester sees the private entries too");

        List<List<String>> csv = ListWalk.csv(given().queryParam("agency", key).queryParam("format", "csv")
                .queryParam("all", "true").when().get("/api/v1/requests/events").then().statusCode(200).extract()
                .asString());
        List<String> row = csv.stream().filter(r -> r.get(1).equals(String.valueOf(scene.eventId()))).findFirst()
                .orElseThrow();
        assertEquals(List.of(String.valueOf(scene.request().id), "sent", "filed", "", String.valueOf(published)),
                List.of(row.get(0), row.get(3), row.get(7), row.get(11), row.get(12)));

        given().queryParam("status", "lost").when().get("/api/v1/requests/events").then().statusCode(400)
                .body("parameter", equalTo("status"));
        given().queryParam("cursor", "djEfMQ").when().get("/api/v1/requests/events").then().statusCode(400)
                .body("parameter", equalTo("cursor"));
        given().queryParam("sort", "date").when().get("/api/v1/requests/events").then().statusCode(400)
                .body("parameter", equalTo("sort"));
    }

    private static List<Long> longs(List<Object> values) {
        return values.stream().map(value -> ((Number) value).longValue()).toList();
    }
}
