package org.ringwatch.account;

import io.restassured.specification.RequestSpecification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.ringwatch.agency.Agency;
import org.ringwatch.request.EventInput;
import org.ringwatch.request.RecordsRequest;
import org.ringwatch.request.RequestService;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import static io.restassured.RestAssured.given;

/**
 * Builds the people and requests a test needs, each with fresh names, so tests never depend on
 * ids, order or one another.
 */
@ApplicationScoped
public class Fixtures {

    public static final String PASSWORD = "correct horse battery staple";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccountService accounts;
    private final SessionCookies cookies;
    private final RequestService requests;

    public Fixtures(AccountService accounts, SessionCookies cookies, RequestService requests) {
        this.accounts = accounts;
        this.cookies = cookies;
        this.requests = requests;
    }

    public Account account(Role role) {
        String email = role.code() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        return accounts.create(email, "Test " + role.code(), PASSWORD, role, null);
    }

    public String token(Account account) {
        return accounts.issueToken(account, "test").token();
    }

    /** An open invitation to a fresh address, as the moderation form makes it. */
    public Invitation.Issued invitation(Account inviter) {
        String email = "invitee-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        return accounts.invite(inviter, email, Role.VOLUNTEER.code(), 7).value();
    }

    /** The sign-in cookie's value for {@code account}, as the login form would set it. */
    public String session(Account account) {
        return cookies.issue(Account.findById(account.id)).getValue();
    }

    /** A request spec signed in as {@code account}, carrying a valid CSRF cookie and form field. */
    public RequestSpecification browser(Account account) {
        String csrf = csrfToken();
        return given().redirects().follow(false).cookie(SessionCookies.NAME, session(account))
                .cookie("rw_csrf", csrf).formParam("csrf-token", csrf);
    }

    /** A signed-out browser that still has a CSRF token (a form it just loaded). */
    public static RequestSpecification anonymousBrowser() {
        String csrf = csrfToken();
        return given().redirects().follow(false).cookie("rw_csrf", csrf).formParam("csrf-token", csrf);
    }

    public static RequestSpecification api(String token) {
        return given().header("Authorization", "Bearer " + token).contentType("application/json");
    }

    /** A draft request to a seeded agency. */
    public RecordsRequest draft(Account owner, String stateCode, String agencySlug) {
        Agency agency = Agency.findBySlug(stateCode, agencySlug).orElseThrow();
        return requests.create(owner, agency, "Test request " + UUID.randomUUID().toString().substring(0, 6),
                "The Ring agreement", true).value();
    }

    /** A request filed on {@code filed}, with a private note and a private log entry. */
    @Transactional
    public RecordsRequest filed(Account owner, String stateCode, String agencySlug, LocalDate filed) {
        RecordsRequest request = draft(owner, stateCode, agencySlug);
        requests.update(owner, request.id, request.title, request.recordsSought, request.letterText, null,
                "PRIVATE-NOTE-" + request.id);
        log(owner, request, filed, "sent", "filed", false, "Filed by e-mail");
        log(owner, request, filed, "note", null, true, "PRIVATE-ENTRY-" + request.id);
        return request;
    }

    public void log(Account actor, RecordsRequest request, LocalDate date, String direction, String status,
            boolean isPrivate, String body) {
        var result = requests.log(actor, request.id, new EventInput(date.toString(), direction, "email", null, body,
                status, null, List.of(), null, null, isPrivate));
        if (result.failed()) {
            throw new IllegalStateException(result.errors().toString());
        }
    }

    public void embargo(Account owner, RecordsRequest request, LocalDate until) {
        RecordsRequest current = RecordsRequest.findById(request.id);
        requests.update(owner, request.id, current.title, current.recordsSought, current.letterText, until.toString(),
                current.privateNotes);
    }

    /** A seeded agency no request targets yet, so a test can count the requests to it. */
    @Transactional
    public Agency quietAgency() {
        return Agency.<Agency>find("from Agency a where not exists"
                + " (select 1 from RecordsRequest r where r.agency = a) order by a.id desc").firstResult();
    }

    /** Runs {@code n} requests at once: each waits at a gate, then all go together. */
    public static <T> List<T> atOnce(int n, IntFunction<T> request) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch gate = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(threads.submit(() -> {
                    gate.await();
                    return request.apply(index);
                }));
            }
            gate.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }

    private static String csrfToken() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
