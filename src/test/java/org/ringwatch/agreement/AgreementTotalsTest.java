package org.ringwatch.agreement;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ringwatch.account.Account;
import org.ringwatch.account.Fixtures;
import org.ringwatch.account.Role;
import org.ringwatch.agreement.AgreementTotals.Totals;
import org.ringwatch.agreement.Vocabulary.ClauseState;
import org.ringwatch.platform.EmbeddedPostgresResource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.ringwatch.agreement.ClauseTopic.AGENCY_PROMOTES_APP;
import static org.ringwatch.agreement.ClauseTopic.CONFIDENTIALITY;
import static org.ringwatch.agreement.ClauseTopic.FREE_DEVICES;
import static org.ringwatch.agreement.ClauseTopic.SUBSIDY;

/**
 * The totals are global and other tests publish agreements too, so each test compares the
 * totals before and after adding its own agreements, and looks for its own ids.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class AgreementTotalsTest {

    private static final String CONFIDENTIAL =
            "Unless required by law, the City of Port Varlow shall keep the terms of the program confidential.";
    private static final String PROMOTES =
            "The Department will engage the community to encourage adoption of the Neighbors app.";

    @Inject
    AgreementTotals totals;
    @Inject
    Rows rows;
    @Inject
    Fixtures fixtures;

    Account editor;
    long document;

    @BeforeEach
    void setUp() {
        editor = fixtures.account(Role.MODERATOR);
        document = rows.document(editor.id);
    }

    @Test
    void shouldCountPublishedAgreementsOnly() {
        Totals before = totals.totals();

        published(struck(CONFIDENTIALITY, CONFIDENTIAL));
        draft(struck(CONFIDENTIALITY, CONFIDENTIAL), devices(1000));
        Totals after = totals.totals();

        assertEquals(1, growth(before, after, CONFIDENTIALITY, ClauseState.STRUCK));
        assertGrew("0", before, after, Figure.DEVICES);
    }

    @Test
    void shouldCountStruckAndPresentClausesApart() {
        Totals before = totals.totals();

        published(struck(CONFIDENTIALITY, CONFIDENTIAL));
        published(present(CONFIDENTIALITY, CONFIDENTIAL));
        published(present(CONFIDENTIALITY, CONFIDENTIAL), present(AGENCY_PROMOTES_APP, PROMOTES));
        published(absent(AGENCY_PROMOTES_APP));
        Totals after = totals.totals();

        assertEquals(1, growth(before, after, CONFIDENTIALITY, ClauseState.STRUCK));
        assertEquals(2, growth(before, after, CONFIDENTIALITY, ClauseState.PRESENT));
        assertEquals(1, growth(before, after, AGENCY_PROMOTES_APP, ClauseState.PRESENT));
        assertEquals(1, growth(before, after, AGENCY_PROMOTES_APP, ClauseState.ABSENT));
        assertEquals(0, growth(before, after, CONFIDENTIALITY, ClauseState.ABSENT));
    }

    @Test
    void shouldSumTheFiguresOfPresentClausesOfPublishedAgreements() {
        Totals before = totals.totals();

        published(devices(15));
        published(devices(25), present(CONFIDENTIALITY, CONFIDENTIAL));
        published(new Clause(FREE_DEVICES, ClauseState.STRUCK, "Ring will donate 100 cameras.", "{\"devices\": 100}"));
        draft(devices(1000));
        published(new Clause(SUBSIDY, ClauseState.PRESENT,
                "The City will contribute $10,000.50, matched by Ring, toward a $100 discount for 200 residents.",
                "{\"city_dollars\": 10000.50, \"vendor_match_dollars\": 10000.50, \"residents\": 200,"
                        + " \"discount_dollars\": 100}"));
        Totals after = totals.totals();

        assertGrew("40", before, after, Figure.DEVICES);
        assertEquals(2, after.figure(Figure.DEVICES).agreements() - before.figure(Figure.DEVICES).agreements());
        assertGrew("10000.50", before, after, Figure.CITY_DOLLARS);
        assertGrew("200", before, after, Figure.RESIDENTS);
        assertEquals(1, after.figure(Figure.RESIDENTS).agreements() - before.figure(Figure.RESIDENTS).agreements());
        assertEquals(List.of(Figure.values()).stream().filter(f -> after.figure(f).agreements() > 0).toList(),
                after.figures().stream().map(AgreementTotals.FigureSum::figure).toList(),
                "figures listed in their order");
    }

    @Test
    void shouldListExactlyThePublishedAgreementsBehindACount() {
        List<Long> before = totals.agreementsWith(CONFIDENTIALITY, ClauseState.STRUCK);

        long first = published(struck(CONFIDENTIALITY, CONFIDENTIAL));
        long draft = draft(struck(CONFIDENTIALITY, CONFIDENTIAL));
        long present = published(present(CONFIDENTIALITY, CONFIDENTIAL));
        long second = published(struck(CONFIDENTIALITY, CONFIDENTIAL), present(AGENCY_PROMOTES_APP, PROMOTES));
        List<Long> after = totals.agreementsWith(CONFIDENTIALITY, ClauseState.STRUCK);

        List<Long> added = new ArrayList<>(after);
        added.removeAll(before);
        assertEquals(List.of(first, second), added);
        assertEquals(after.stream().sorted().toList(), after, "in id order");
        assertFalse(after.contains(draft));
        assertFalse(after.contains(present));
        assertEquals(totals.totals().agreements(CONFIDENTIALITY, ClauseState.STRUCK), after.size(),
                "the number and the list behind it agree");
    }

    /** A clause as the editor records it; figures as JSON. */
    record Clause(ClauseTopic topic, ClauseState state, String quote, String figures) {
    }

    private static Clause present(ClauseTopic topic, String quote) {
        return new Clause(topic, ClauseState.PRESENT, quote, "{}");
    }

    private static Clause struck(ClauseTopic topic, String quote) {
        return new Clause(topic, ClauseState.STRUCK, quote, "{}");
    }

    private static Clause absent(ClauseTopic topic) {
        return new Clause(topic, ClauseState.ABSENT, null, "{}");
    }

    private static Clause devices(int devices) {
        return new Clause(FREE_DEVICES, ClauseState.PRESENT,
                "Ring will donate " + devices + " Ring Video Doorbells to the Department.",
                "{\"devices\": " + devices + "}");
    }

    private long published(Clause... clauses) {
        return rows.agreement(editor.id, document, true, List.of(clauses));
    }

    private long draft(Clause... clauses) {
        return rows.agreement(editor.id, document, false, List.of(clauses));
    }

    private static long growth(Totals before, Totals after, ClauseTopic topic, ClauseState state) {
        return after.agreements(topic, state) - before.agreements(topic, state);
    }

    /** How much a figure's total grew; compared by value, since numeric sums keep their scale ("40.0"). */
    private static void assertGrew(String expected, Totals before, Totals after, Figure figure) {
        BigDecimal growth = after.figure(figure).total().subtract(before.figure(figure).total());
        assertEquals(0, new BigDecimal(expected).compareTo(growth), () -> figure.code() + " grew by " + growth);
    }

    /** Writes the rows the totals read, straight in SQL: the agreement service is not these tests' subject. */
    @ApplicationScoped
    static class Rows {

        @Inject
        EntityManager em;

        /** Every agreement here belongs to an invented agency: invented text is never a real agency's. */
        @Inject
        AgreementFixtures agencies;

        @Transactional
        long agreement(long editorId, long documentId, boolean published, List<Clause> clauses) {
            long id = ((Number) em.createNativeQuery("""
                    INSERT INTO agreement (agency_id, kind, title, visibility, created_by, published_by, published_at)
                    VALUES ((SELECT agency_id FROM document WHERE id = :document), 'mou', :title, :visibility, :editor,
                            CASE WHEN :published THEN CAST(:editor AS bigint) END,
                            CASE WHEN :published THEN now() END)
                    RETURNING id
                    """).setParameter("title", "MOU between the City of Port Varlow and Ring LLC")
                    .setParameter("visibility", published ? "published" : "draft").setParameter("editor", editorId)
                    .setParameter("published", published).setParameter("document", documentId)
                    .getSingleResult()).longValue();
            for (Clause clause : clauses) {
                boolean quoted = clause.state().isQuoted();
                em.createNativeQuery("""
                        INSERT INTO agreement_clause (agreement_id, topic, state, quote, document_id, page_number, figures)
                        VALUES (:agreement, :topic, :state, :quote, :document, :page, CAST(:figures AS jsonb))
                        """).setParameter("agreement", id).setParameter("topic", clause.topic().code())
                        .setParameter("state", clause.state().code()).setParameter("quote", clause.quote())
                        .setParameter("document", quoted ? documentId : null)
                        .setParameter("page", quoted ? 1 : null).setParameter("figures", clause.figures())
                        .executeUpdate();
            }
            return id;
        }

        /**
         * A document for clauses to cite: a request, a blob and the document, with only the
         * columns every branch has (a document may gain an agency column: add it here).
         */
        @Transactional
        long document(long uploaderId) {
            String sha256 = (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
            em.createNativeQuery("INSERT INTO blob (sha256, size_bytes, media_type) VALUES (:sha, 0, 'application/pdf')")
                    .setParameter("sha", sha256).executeUpdate();
            return ((Number) em.createNativeQuery("""
                    WITH request AS (
                        INSERT INTO records_request (agency_id, requester_id, title, records_sought)
                        VALUES (:agency, :uploader, 'The Ring agreement', 'The Ring MOU')
                        RETURNING id, agency_id)
                    INSERT INTO document (request_id, agency_id, blob_sha256, original_name, uploaded_by, status)
                    SELECT id, agency_id, :sha, 'port-varlow-mou.pdf', :uploader, 'ready' FROM request
                    RETURNING id
                    """).setParameter("uploader", uploaderId).setParameter("sha", sha256)
                    .setParameter("agency", agencies.fictionalAgency("Port Varlow").id).getSingleResult()).longValue();
        }
    }
}
