package org.ringwatch.agreement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An agreement as the audit log keeps it, before and after each change: every field, in JSON's names. */
final class AgreementSnapshot {

    private AgreementSnapshot() {
    }

    static Map<String, Object> of(Agreement a) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("agency_id", a.agency.id);
        map.put("request_id", a.request == null ? null : a.request.id);
        map.put("kind", a.kind);
        map.put("title", a.title);
        map.put("program_names", List.copyOf(a.programNames));
        map.put("public_parties", List.copyOf(a.publicParties));
        map.put("counterparties", List.copyOf(a.counterparties));
        map.put("counterparty_other", a.counterpartyOther);
        map.put("execution", a.execution);
        map.put("approval_body", a.approvalBody);
        map.put("votes_for", a.votesFor);
        map.put("votes_against", a.votesAgainst);
        map.put("end_reason", a.endReason);
        map.put("visibility", a.visibility);
        map.put("evidence", a.evidence.stream().map(d -> d.id).toList());
        map.put("dates", a.dates.stream().map(d -> {
            Map<String, Object> date = new LinkedHashMap<>();
            date.put("kind", d.kind);
            date.put("date", d.partial().iso());
            date.put("document_id", d.documentId);
            date.put("page", d.pageNumber);
            return date;
        }).toList());
        map.put("signatories", a.signatories.stream().map(s -> {
            Map<String, Object> signatory = new LinkedHashMap<>();
            signatory.put("name", s.name);
            signatory.put("title", s.title);
            signatory.put("party", s.party);
            return signatory;
        }).toList());
        map.put("clauses", a.clauses.stream().map(c -> {
            Map<String, Object> clause = new LinkedHashMap<>();
            clause.put("topic", c.topic);
            clause.put("state", c.state);
            clause.put("quote", c.quote);
            clause.put("document_id", c.documentId);
            clause.put("page", c.pageNumber);
            clause.put("figures", Map.copyOf(c.figures));
            clause.put("checked_by_eye_by", c.checkedByEyeBy);
            return clause;
        }).toList());
        return map;
    }
}
