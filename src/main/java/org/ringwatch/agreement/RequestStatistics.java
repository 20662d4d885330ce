package org.ringwatch.agreement;

import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.ringwatch.agency.AgencyScope;
import org.ringwatch.platform.Today;
import org.ringwatch.request.RequestAccess;
import org.ringwatch.request.RequestStatus;

import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * How records requests go, in one place or everywhere: median days from filing to the agency's
 * first answer and to its decision, and what the decided requests ended in.
 *
 * <p>Only what anyone may see counts: public requests ({@link RequestAccess#PUBLIC}: filed and out
 * of embargo), their public log entries, published agreements ({@link AgreementAccess#PUBLIC}).
 * The times are measured from the public entries (a private entry's date is the requester's
 * business); what a request ended in is its status, which its public page shows. A request is
 * decided when its status is a decision ({@link RequestStatus#isDecision()}); it obtained an
 * agreement when a published agreement of its agency names it as its request.
 *
 * <p>It lives in the agreement package, not in request, because the agreement share joins both
 * and the package stack lets only agreement (or above) read both; one statement over the same
 * set of requests keeps the shares and their denominator from ever disagreeing.
 */
@ApplicationScoped
public class RequestStatistics {

    /** The figures of one scope. */
    @TemplateData
    public record Figures(Statistic daysToFirstAnswer, Statistic daysToDecision, Statistic agreementObtained,
            Statistic noRecords, Statistic denied, long publicRequests, long decided) {
    }

    private final EntityManager em;
    private final Today today;

    public RequestStatistics(EntityManager em, Today today) {
        this.em = em;
        this.today = today;
    }

    public Figures of(AgencyScope scope) {
        Query query = em.createNativeQuery("""
                WITH scoped AS (
                    SELECT r.id, r.agency_id, r.filed_on, r.status
                      FROM records_request r JOIN agency ag ON ag.id = r.agency_id
                     WHERE\s""" + RequestAccess.PUBLIC + " AND " + scope.condition() + """

                ), timed AS (
                    SELECT s.id,
                           min(e.occurred_on) FILTER (WHERE e.status_to IN (:answers)) - s.filed_on AS to_answer,
                           min(e.occurred_on) FILTER (WHERE e.status_to IN (:decisions)) - s.filed_on AS to_decision
                      FROM scoped s JOIN request_event e ON e.request_id = s.id AND NOT e.is_private
                     GROUP BY s.id, s.filed_on
                ), decided AS (
                    SELECT s.status,
                           EXISTS (SELECT 1 FROM agreement a
                                    WHERE a.request_id = s.id AND a.agency_id = s.agency_id
                                      AND\s""" + AgreementAccess.PUBLIC + """
                           ) AS obtained
                      FROM scoped s
                     WHERE s.status IN (:decisions)
                )
                SELECT (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY to_answer) FROM timed),
                       (SELECT count(to_answer) FROM timed),
                       (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY to_decision) FROM timed),
                       (SELECT count(to_decision) FROM timed),
                       (SELECT count(*) FROM decided),
                       (SELECT count(*) FILTER (WHERE obtained) FROM decided),
                       (SELECT count(*) FILTER (WHERE status = :no_records) FROM decided),
                       (SELECT count(*) FILTER (WHERE status = :denied) FROM decided),
                       (SELECT count(*) FROM scoped)
                """)
                .setParameter("answers", codes(RequestStatus::isAgencyResponse))
                .setParameter("decisions", codes(RequestStatus::isDecision))
                .setParameter("no_records", RequestStatus.NO_RESPONSIVE_RECORDS.code())
                .setParameter("denied", RequestStatus.DENIED.code())
                .setParameter("today", today.date());
        scope.bind(query);
        Object[] row = (Object[]) query.getSingleResult();
        long decided = number(row[4]);
        return new Figures(
                Statistic.medianDays(median(row[0]), number(row[1])),
                Statistic.medianDays(median(row[2]), number(row[3])),
                Statistic.share(number(row[5]), decided),
                Statistic.share(number(row[6]), decided),
                Statistic.share(number(row[7]), decided),
                number(row[8]), decided);
    }

    private static List<String> codes(Predicate<RequestStatus> which) {
        return Arrays.stream(RequestStatus.values()).filter(which).map(RequestStatus::code).toList();
    }

    private static Double median(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
