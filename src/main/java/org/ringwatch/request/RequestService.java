package org.ringwatch.request;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.ringwatch.account.Account;
import org.ringwatch.agency.Agency;
import org.ringwatch.audit.Audit;
import org.ringwatch.platform.Names;
import org.ringwatch.platform.Today;
import org.ringwatch.state.RecordsLaw;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Creates requests and logs their correspondence. Status changes happen only here, through a
 * logged event, and only along {@link RequestStatus#next()}; each change goes to the audit log
 * in the same transaction.
 */
@ApplicationScoped
public class RequestService {

    static final int MAX_TITLE = 200;
    static final int MAX_TEXT = 20_000;
    private static final Set<String> DIRECTIONS = Set.of("sent", "received", "note");
    private static final Set<String> CHANNELS = Set.of("email", "portal", "mail", "fax", "phone", "in_person");

    private final Audit audit;
    private final Today today;
    private final EntityManager em;

    public RequestService(Audit audit, Today today, EntityManager em) {
        this.audit = audit;
        this.today = today;
        this.em = em;
    }

    /** The outcome of a change: the thing, or field → message. */
    public record Result<T>(T value, Map<String, String> errors) {
        public boolean failed() {
            return !errors.isEmpty();
        }
    }

    @Transactional
    public Result<RecordsRequest> create(Account requester, Agency agency, String title, String records,
            boolean feeWaiver) {
        Map<String, String> errors = new LinkedHashMap<>();
        String cleanTitle = Names.clean(title);
        if (cleanTitle == null || cleanTitle.isEmpty()) {
            errors.put("title", "Give the request a short title, such as “Ring partnership agreement and emails”.");
        } else if (cleanTitle.length() > MAX_TITLE) {
            errors.put("title", "Use at most " + MAX_TITLE + " characters.");
        }
        if (records == null || records.isBlank()) {
            errors.put("records", "Describe the records you ask for: the agency has to know what to search.");
        } else if (records.length() > MAX_TEXT) {
            errors.put("records", "Use at most " + MAX_TEXT + " characters.");
        }
        Optional<RecordsLaw> law = RecordsLaw.currentFor(agency.stateCode);
        if (law.isEmpty()) {
            errors.put("agency", "We have no public-records law on file for this agency's state.");
        }
        if (!errors.isEmpty()) {
            return new Result<>(null, errors);
        }
        Account account = Account.findById(requester.id);
        RecordsRequest request = new RecordsRequest();
        request.agency = agency;
        request.requester = account;
        request.title = cleanTitle;
        request.recordsSought = lines(records);
        request.feeWaiverRequested = feeWaiver;
        request.status = RequestStatus.DRAFT.code();
        request.letterText = Letters.write(agency, law.get(), request.recordsSought, feeWaiver, account, today.date());
        request.createdAt = OffsetDateTime.now();
        request.updatedAt = request.createdAt;
        request.persist();
        audit.record(account.id, "create", "records_request", request.id, null, snapshot(request));
        return new Result<>(request, Map.of());
    }

    /**
     * Edits what the requester controls; the records and letter only before filing, since the letter
     * is then what was sent. A changed list of records is written into the letter too.
     */
    @Transactional
    public Result<RecordsRequest> update(Account actor, long id, String title, String records, String letter,
            String embargoUntil, String privateNotes) {
        RecordsRequest request = RecordsRequest.findById(id);
        Map<String, Object> before = snapshot(request);
        Map<String, String> errors = new LinkedHashMap<>();
        String cleanTitle = Names.clean(title);
        if (cleanTitle == null || cleanTitle.isEmpty() || cleanTitle.length() > MAX_TITLE) {
            errors.put("title", "Give a title of 1 to " + MAX_TITLE + " characters.");
        }
        if (request.isDraft() && (records == null || records.isBlank() || records.length() > MAX_TEXT)) {
            errors.put("records", "Describe the records you ask for (at most " + MAX_TEXT + " characters).");
        }
        if (request.isDraft() && (letter == null || letter.isBlank() || letter.length() > MAX_TEXT)) {
            errors.put("letter", "The letter cannot be empty (at most " + MAX_TEXT + " characters).");
        }
        String newLetter = null;
        if (request.isDraft() && !errors.containsKey("records") && !errors.containsKey("letter")) {
            // A draft's letter follows the records asked for; once filed it is the record of what was sent.
            newLetter = Letters.withRecords(lines(letter), lines(request.recordsSought), lines(records))
                    .map(text -> text + "\n").orElse(null);
            if (newLetter == null) {
                errors.put("letter", "The letter no longer quotes the records asked for, so it cannot follow your"
                        + " change to them: put the new list in the letter as well.");
            }
        }
        LocalDate embargo = null;
        if (embargoUntil != null && !embargoUntil.isBlank()) {
            try {
                embargo = LocalDate.parse(embargoUntil.strip());
                if (embargo.isAfter(today.date().plusYears(2))) {
                    errors.put("embargo", "An embargo lasts at most two years.");
                }
            } catch (DateTimeParseException e) {
                errors.put("embargo", "Give the date as YYYY-MM-DD, or leave it empty for no embargo.");
            }
        }
        if (privateNotes != null && privateNotes.length() > MAX_TEXT) {
            errors.put("notes", "Use at most " + MAX_TEXT + " characters.");
        }
        if (!errors.isEmpty()) {
            return new Result<>(request, errors);
        }
        request.title = cleanTitle;
        if (request.isDraft()) {
            request.recordsSought = lines(records);
            request.letterText = newLetter;
        }
        request.embargoUntil = embargo;
        request.privateNotes = privateNotes == null || privateNotes.isBlank() ? null : privateNotes.strip();
        request.updatedAt = OffsetDateTime.now();
        audit.record(actor.id, "update", "records_request", request.id, before, snapshot(request));
        return new Result<>(request, Map.of());
    }

    /** Logs one correspondence entry and, if it says so, moves the request to a new status. */
    @Transactional
    public Result<RequestEvent> log(Account actor, long requestId, EventInput input) {
        // Locked first: entries logged at once on one request then queue here, so each checks its
        // status change against the status the one before left (never two "filed" from one draft),
        // and none takes the row's lock only after its own insert did (two such deadlock).
        RecordsRequest request = RecordsRequest.findById(requestId, LockModeType.PESSIMISTIC_WRITE);
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate date = null;
        if (input.date() == null || input.date().isBlank()) {
            errors.put("date", "Give the date of this entry (YYYY-MM-DD).");
        } else {
            try {
                date = LocalDate.parse(input.date().strip());
                if (date.isAfter(today.date().plusDays(1))) {
                    errors.put("date", "The date is in the future; log things once they have happened.");
                } else if (date.isBefore(LocalDate.of(2016, 1, 1))) {
                    errors.put("date", "The date is before Ring's police program began; check the year.");
                }
            } catch (DateTimeParseException e) {
                errors.put("date", "Give the date as YYYY-MM-DD, for example " + today.date() + ".");
            }
        }
        String direction = lower(input.direction());
        if (direction == null || !DIRECTIONS.contains(direction)) {
            errors.put("direction", "Say whether this was sent, received, or a note.");
        }
        String channel = lower(input.channel());
        if (channel != null && !CHANNELS.contains(channel)) {
            errors.put("channel", "Choose e-mail, portal, mail, fax, phone or in person.");
        }
        RequestStatus current = request.statusEnum();
        RequestStatus target = null;
        if (input.status() != null && !input.status().isBlank()) {
            target = RequestStatus.fromCode(input.status()).orElse(null);
            if (target == null) {
                errors.put("status", "“" + input.status() + "” is not a status RingWatch knows.");
            } else if (!current.canMoveTo(target)) {
                errors.put("status", "A request that is " + current.label().toLowerCase(Locale.ROOT)
                        + " cannot become " + target.label().toLowerCase(Locale.ROOT) + "."
                        + (current.next().isEmpty() ? "" : " It can become: " + labels(current.next()) + "."));
            } else if (target == RequestStatus.DENIED && (input.exemption() == null || input.exemption().isBlank())) {
                errors.put("exemption", "Record the exemption the agency cited for the denial (or “none cited”).");
            }
        } else if (current == RequestStatus.DRAFT && "sent".equals(direction)) {
            errors.put("status", "Sending the letter files the request: choose “Filed” as the new status.");
        }
        if (date != null && target != null) {
            LocalDate lastChange = lastStatusChange(request);
            if (lastChange != null && date.isBefore(lastChange)) {
                errors.put("date", "The request last changed status on " + lastChange
                        + "; a status change cannot be dated before that.");
            }
        }
        BigDecimal fee = money(input.fee(), "fee", errors);
        BigDecimal feePaid = money(input.feePaid(), "fee_paid", errors);
        List<String> trackingNumbers = new ArrayList<>();
        for (String number : input.trackingNumbers() == null ? List.<String>of() : input.trackingNumbers()) {
            String clean = Names.clean(number);
            if (clean != null && !clean.isEmpty()) {
                if (clean.length() > 100) {
                    errors.put("tracking_numbers", "A tracking number has at most 100 characters.");
                }
                trackingNumbers.add(clean);
            }
        }
        tooLong(input.subject(), 500, "subject", errors);
        tooLong(input.body(), MAX_TEXT, "body", errors);
        if (!errors.isEmpty()) {
            return new Result<>(null, errors);
        }
        RequestEvent event = new RequestEvent();
        event.request = request;
        event.occurredOn = date;
        event.direction = direction;
        event.channel = "note".equals(direction) ? null : channel;
        event.subject = blankToNull(input.subject());
        event.body = blankToNull(input.body());
        event.statusTo = target == null ? null : target.code();
        event.exemptionCited = blankToNull(input.exemption());
        event.feeQuoted = fee;
        event.feePaid = feePaid;
        event.isPrivate = input.isPrivate();
        event.author = Account.findById(actor.id);
        event.createdAt = OffsetDateTime.now();
        event.persist();
        for (String number : trackingNumbers) {
            em.createNativeQuery("""
                    INSERT INTO request_tracking_number (request_id, event_id, tracking_number) VALUES (?1, ?2, ?3)
                    ON CONFLICT (request_id, tracking_number) DO NOTHING
                    """).setParameter(1, request.id).setParameter(2, event.id).setParameter(3, number).executeUpdate();
        }
        audit.record(actor.id, "log", "request_event", event.id, null, Map.of("request_id", request.id,
                "direction", direction, "status_to", String.valueOf(event.statusTo), "private", event.isPrivate));
        if (target != null) {
            Map<String, Object> before = snapshot(request);
            request.status = target.code();
            if (target == RequestStatus.FILED && request.filedOn == null) {
                request.filedOn = date;
            }
            request.updatedAt = OffsetDateTime.now();
            audit.record(actor.id, "change_status", "records_request", request.id, before, snapshot(request));
        } else {
            request.updatedAt = OffsetDateTime.now();
        }
        return new Result<>(event, Map.of());
    }

    /** The agency's tracking numbers; those logged with a private entry only when {@code includePrivate}. */
    public List<String> trackingNumbers(RecordsRequest request, boolean includePrivate) {
        @SuppressWarnings("unchecked")
        List<String> numbers = em.createNativeQuery("""
                SELECT t.tracking_number FROM request_tracking_number t
                  LEFT JOIN request_event e ON e.id = t.event_id
                 WHERE t.request_id = ?1 AND (?2 OR e.is_private IS NOT TRUE)
                 ORDER BY t.tracking_number
                """).setParameter(1, request.id).setParameter(2, includePrivate).getResultList();
        return numbers;
    }

    /**
     * Takes over a request: its volunteer's account was disabled (they left), or a moderator
     * hands it on. The new requester inherits the log; the audit log keeps who had it.
     *
     * @return why not, or null when adopted
     */
    @Transactional
    public String adopt(Account actor, long requestId, boolean moderator) {
        RecordsRequest request = RecordsRequest.findById(requestId);
        if (request.isOwnedBy(actor)) {
            return "This request is yours already.";
        }
        if (!moderator && !request.requester.isDisabled()) {
            return "Only a request whose volunteer has left can be adopted; follow it instead.";
        }
        Map<String, Object> before = snapshot(request);
        before.put("requester_id", request.requester.id);
        request.requester = Account.findById(actor.id);
        request.updatedAt = OffsetDateTime.now();
        Map<String, Object> after = snapshot(request);
        after.put("requester_id", actor.id);
        audit.record(actor.id, "adopt", "records_request", request.id, before, after);
        return null;
    }

    @Transactional
    public void follow(Account account, long requestId, boolean follow) {
        if (follow) {
            em.createNativeQuery("INSERT INTO request_follower VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                    .setParameter(1, requestId).setParameter(2, account.id).executeUpdate();
        } else {
            em.createNativeQuery("DELETE FROM request_follower WHERE request_id = ?1 AND account_id = ?2")
                    .setParameter(1, requestId).setParameter(2, account.id).executeUpdate();
        }
    }

    public boolean follows(Account account, RecordsRequest request) {
        return !em.createNativeQuery("SELECT 1 FROM request_follower WHERE request_id = ?1 AND account_id = ?2")
                .setParameter(1, request.id).setParameter(2, account.id).getResultList().isEmpty();
    }

    static Map<String, Object> snapshot(RecordsRequest request) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("agency_id", request.agency.id);
        state.put("title", request.title);
        state.put("status", request.status);
        state.put("filed_on", request.filedOn == null ? null : request.filedOn.toString());
        state.put("embargo_until", request.embargoUntil == null ? null : request.embargoUntil.toString());
        state.put("records_sought", request.recordsSought);
        state.put("has_private_notes", request.privateNotes != null);
        return state;
    }

    private LocalDate lastStatusChange(RecordsRequest request) {
        return (LocalDate) em.createQuery("select max(e.occurredOn) from RequestEvent e where e.request = ?1"
                + " and e.statusTo is not null").setParameter(1, request).getSingleResult();
    }

    private static String labels(Set<RequestStatus> statuses) {
        return String.join(", ", statuses.stream().map(s -> s.label().toLowerCase(Locale.ROOT)).toList());
    }

    private static BigDecimal money(String raw, String field, Map<String, String> errors) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(raw.strip().replace("$", "").replace(",", ""));
            if (amount.signum() < 0 || amount.scale() > 2 || amount.compareTo(new BigDecimal("10000000")) >= 0) {
                errors.put(field, "Give an amount in dollars such as 25 or 12.50.");
                return null;
            }
            return amount;
        } catch (NumberFormatException e) {
            errors.put(field, "Give an amount in dollars such as 25 or 12.50.");
            return null;
        }
    }

    private static void tooLong(String value, int max, String field, Map<String, String> errors) {
        if (value != null && value.length() > max) {
            errors.put(field, "Use at most " + max + " characters.");
        }
    }

    /**
     * A typed text with its line breaks as {@code \n}: browsers send a textarea's as CRLF, and the
     * letter quotes the records line for line, so both must break lines the same way.
     */
    static String lines(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n').strip();
    }

    private static String lower(String value) {
        return value == null || value.isBlank() ? null : value.strip().toLowerCase(Locale.ROOT);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
