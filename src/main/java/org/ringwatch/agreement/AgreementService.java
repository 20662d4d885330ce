package org.ringwatch.agreement;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.ringwatch.account.Account;
import org.ringwatch.audit.Audit;
import org.ringwatch.document.Document;
import org.ringwatch.document.DocumentAccess;
import org.ringwatch.document.PageTexts;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Records agreements, changes them, publishes them and marks templates. Every input is checked
 * by {@link AgreementForm} first, nothing is saved while a field is wrong, and every change goes
 * to the audit log with before and after in the same transaction.
 */
@ApplicationScoped
public class AgreementService {

    private final Audit audit;
    private final DocumentAccess documents;
    private final AgreementAccess access;
    private final EntityManager em;

    public AgreementService(Audit audit, DocumentAccess documents, AgreementAccess access, EntityManager em) {
        this.audit = audit;
        this.documents = documents;
        this.access = access;
        this.em = em;
    }

    /** The outcome of a change: the agreement, or field → message. */
    public record Result(Agreement value, Map<String, String> errors) {
        public boolean failed() {
            return !errors.isEmpty();
        }

        static Result refused(String field, String message) {
            return new Result(null, Map.of(field, message));
        }
    }

    @Transactional
    public Result create(Account actor, AgreementInput input) {
        AgreementForm form = AgreementForm.check(input, documents::canSee);
        if (form.failed()) {
            return new Result(null, form.errors());
        }
        Agreement agreement = new Agreement();
        agreement.createdBy = Account.findById(actor.id);
        agreement.createdAt = OffsetDateTime.now();
        agreement.visibility = "draft";
        form.applyTo(agreement, actor, em);
        agreement.updatedAt = agreement.createdAt;
        agreement.persist();
        em.flush();
        audit.record(actor.id, "create", "agreement", agreement.id, null, AgreementSnapshot.of(agreement));
        return new Result(agreement, Map.of());
    }

    /** Replaces what the agreement says with the input; the caller has checked {@link AgreementAccess#canEdit}. */
    @Transactional
    public Result update(Account actor, long id, AgreementInput input) {
        Agreement agreement = Agreement.findById(id);
        if (agreement == null || !access.canEdit(agreement)) {
            return Result.refused("agreement", "You cannot change this agreement.");
        }
        AgreementForm form = AgreementForm.check(input, documents::canSee);
        if (form.failed()) {
            return new Result(null, form.errors());
        }
        Map<String, Object> before = AgreementSnapshot.of(agreement);
        form.applyTo(agreement, actor, em);
        agreement.updatedBy = actor.id;
        agreement.updatedAt = OffsetDateTime.now();
        Optional<String> why = agreement.isPublished() ? unpublishable(agreement) : Optional.empty();
        if (why.isPresent()) {
            // The entity is already changed in this transaction: undo it rather than publish a withheld page.
            QuarkusTransaction.setRollbackOnly();
            return Result.refused("publish", "This agreement is published, and then " + lowerFirst(why.get()));
        }
        em.flush();
        audit.record(actor.id, "update", "agreement", agreement.id, before, AgreementSnapshot.of(agreement));
        return new Result(agreement, Map.of());
    }

    /**
     * Publishes a draft: only when everything it cites is public, so a published agreement never
     * quotes a page the public may not read [ASVS 8.2.1].
     */
    @Transactional
    public Result publish(Account actor, long id) {
        Agreement agreement = Agreement.findById(id);
        if (agreement == null || !access.canPublish()) {
            return Result.refused("agreement", "Only a moderator publishes agreements.");
        }
        if (agreement.isPublished()) {
            return new Result(agreement, Map.of());
        }
        Optional<String> why = unpublishable(agreement);
        if (why.isPresent()) {
            return Result.refused("publish", why.get());
        }
        Map<String, Object> before = AgreementSnapshot.of(agreement);
        agreement.visibility = "published";
        agreement.publishedBy = actor.id;
        agreement.publishedAt = OffsetDateTime.now();
        agreement.updatedBy = actor.id;
        agreement.updatedAt = agreement.publishedAt;
        em.flush();
        audit.record(actor.id, "publish", "agreement", agreement.id, before, AgreementSnapshot.of(agreement));
        return new Result(agreement, Map.of());
    }

    /** Makes a published agreement its kind's template, in place of the one before. */
    @Transactional
    public Result markTemplate(Account actor, long id) {
        Agreement agreement = Agreement.findById(id);
        if (agreement == null || !access.canPublish()) {
            return Result.refused("agreement", "Only a moderator chooses templates.");
        }
        if (!agreement.isPublished()) {
            return Result.refused("template", "Publish the agreement before making it the template.");
        }
        Optional<Agreement> previous = Agreement.templateOf(agreement.kind).filter(other -> !other.id.equals(id));
        previous.ifPresent(other -> {
            other.isTemplate = false;
            em.flush();
            audit.record(actor.id, "unmark_template", "agreement", other.id, Map.of("is_template", true),
                    Map.of("is_template", false));
        });
        if (!agreement.isTemplate) {
            agreement.isTemplate = true;
            em.flush();
            audit.record(actor.id, "mark_template", "agreement", agreement.id, Map.of("is_template", false),
                    Map.of("is_template", true));
        }
        return new Result(agreement, Map.of());
    }

    /** Why the agreement cannot be public now: a document it cites is not public, or a cited page is withheld. */
    Optional<String> unpublishable(Agreement agreement) {
        for (Document document : agreement.evidence) {
            if (!documents.isPublic(document)) {
                return Optional.of("Document #" + document.id + " (" + document.originalName
                        + ") is not published yet: publish it first, or withhold only the pages this agreement does not cite.");
            }
        }
        Map<Long, SortedMap<Integer, String>> withheld = PageTexts.withheld(
                agreement.evidence.stream().map(document -> document.id).toList());
        for (Citation citation : Citation.all(agreement)) {
            if (withheld.getOrDefault(citation.documentId(), new TreeMap<>()).containsKey(citation.page())) {
                return Optional.of(citation.what() + " cites page " + citation.page() + " of document #"
                        + citation.documentId() + ", which is withheld.");
            }
        }
        return Optional.empty();
    }

    /** Every place an agreement cites a page: its dates and its quoted clauses. */
    record Citation(String what, long documentId, int page) {
        static List<Citation> all(Agreement agreement) {
            List<Citation> citations = new ArrayList<>();
            agreement.dates.forEach(date -> citations.add(
                    new Citation(date.kindEnum().label() + " date", date.documentId, date.pageNumber)));
            agreement.clauses.stream().filter(clause -> clause.documentId != null).forEach(clause -> citations.add(
                    new Citation("The clause “" + clause.topicEnum().label() + "”", clause.documentId,
                            clause.pageNumber)));
            return citations;
        }
    }

    private static String lowerFirst(String text) {
        return Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
