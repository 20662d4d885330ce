package org.ringwatch.agreement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.ringwatch.account.Account;
import org.ringwatch.account.Fixtures;
import org.ringwatch.account.Role;
import org.ringwatch.agency.Agency;
import org.ringwatch.document.DocumentFixtures;
import org.ringwatch.request.RecordsRequest;
import org.ringwatch.request.RequestEvent;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * A fictional agency with a filed request and people around it, and documents uploaded to it:
 * what every agreement test starts from. The agencies are invented (a town per test, with a
 * random suffix), so no invented agreement is ever attributed to a real agency.
 */
@ApplicationScoped
public class AgreementFixtures {

    private final Fixtures fixtures;
    private final EntityManager em;

    public AgreementFixtures(Fixtures fixtures, EntityManager em) {
        this.fixtures = fixtures;
        this.em = em;
    }

    /** The author (a volunteer), another volunteer, a moderator, their tokens, the agency and its filed request. */
    public record Scene(String town, Agency agency, Account author, String authorToken, Account other,
            String otherToken, Account moderator, String moderatorToken, RecordsRequest request, long eventId) {

        /** Uploads a PDF to the request's filing entry, as the author, and waits until its text is read. */
        public long upload(String name, byte[] pdf) {
            return DocumentFixtures.uploadProcessed(authorToken, request.id, eventId, name, pdf, "application/pdf");
        }

        public long uploadMou() throws IOException {
            return upload("mou.pdf", Papers.textPdf(Papers.mou(town)));
        }

        /** Uploads and publishes, as the moderator; waits until anyone may see it. */
        public long uploadPublished(String name, byte[] pdf) {
            long id = upload(name, pdf);
            given().header("Authorization", "Bearer " + moderatorToken).when()
                    .post("/api/v1/documents/" + id + "/publish").then().statusCode(200);
            DocumentFixtures.awaitPublic(id);
            return id;
        }

        public String agencyPath() {
            return "/agencies/" + agency.stateCode + "/" + agency.slug;
        }
    }

    public Scene scene(String town) {
        Agency agency = fictionalAgency(town);
        Account author = fixtures.account(Role.VOLUNTEER);
        Account other = fixtures.account(Role.VOLUNTEER);
        Account moderator = fixtures.account(Role.MODERATOR);
        RecordsRequest request = fixtures.filed(author, agency.stateCode, agency.slug, LocalDate.of(2027, 5, 3));
        long eventId = RequestEvent.<RequestEvent>find("request.id = ?1 and statusTo = 'filed'", request.id)
                .firstResult().id;
        return new Scene(town, agency, author, fixtures.token(author), other, fixtures.token(other), moderator,
                fixtures.token(moderator), request, eventId);
    }

    /** "&lt;town&gt; Police Department" in Oregon, invented, with a suffix that keeps it unique across tests. */
    @Transactional
    public Agency fictionalAgency(String town) {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String name = town + " " + suffix;
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        Number city = (Number) em.createNativeQuery("""
                INSERT INTO jurisdiction (state_code, kind, name, slug) VALUES ('OR', 'city', ?1, ?2) RETURNING id""")
                .setParameter(1, name).setParameter(2, slug).getSingleResult();
        em.createNativeQuery("""
                INSERT INTO agency (state_code, name, slug, kind, jurisdiction_level, city_id, records_email)
                VALUES ('OR', ?1, ?2, 'police', 'municipal', ?3, 'records@example.org')""")
                .setParameter(1, name + " Police Department").setParameter(2, slug + "-police-department")
                .setParameter(3, city.longValue()).executeUpdate();
        return Agency.findBySlug("OR", slug + "-police-department").orElseThrow();
    }

    /** The JSON of an MOU citing {@code document} (signed 2018-12-13), as the API tests post it. */
    public static Map<String, Object> mouBody(long document) {
        return AgreementApiTest.mou(document);
    }

    /** Clause input as the API and the form send it. */
    public static AgreementInput.ClauseInput quoted(String state, String quote, long document, int page) {
        return new AgreementInput.ClauseInput(state, quote, String.valueOf(document), String.valueOf(page), null, false);
    }

    public static List<String> ringLlc() {
        return List.of("ring_llc");
    }
}
