package org.ringwatch.account;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.ringwatch.platform.EmbeddedPostgresResource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Sign-in throttling [ASVS 6.3.1] seen from outside: what gets through a burst, who is slowed
 * and who is not. Each test signs in from addresses of its own (X-Forwarded-For, as a proxy
 * sends it), so no test's failures count against another's.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class SignInThrottleTest {

    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @Inject
    Fixtures fixtures;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void shouldLetAtMostTheLimitThroughWhenThirtyWrongPasswordsArriveAtOnce() throws Exception {
        Account owner = fixtures.account(Role.VOLUNTEER);
        String attacker = newAddress();
        Map<Integer, Integer> statuses = count(Fixtures.atOnce(30,
                i -> signIn(owner.email, "guess number " + i, attacker)));
        assertThat("password checks that ran: " + statuses, statuses.getOrDefault(401, 0),
                lessThanOrEqualTo(LoginThrottle.FREE_FAILURES_PER_ADDRESS_AND_ACCOUNT));
        assertThat("some were checked: " + statuses, statuses.getOrDefault(401, 0), greaterThan(0));
        assertThat("refused, never failed: " + statuses, statuses.keySet().stream()
                .filter(s -> s != 401 && s != 429 && s != 503).toList(), empty());
    }

    @Test
    void shouldLetTheOwnerSignInFromAnotherAddressAfterFiveFailuresElsewhere() {
        Account owner = fixtures.account(Role.VOLUNTEER);
        String attacker = newAddress();
        for (int i = 0; i < LoginThrottle.FREE_FAILURES_PER_ADDRESS_AND_ACCOUNT; i++) {
            signIn(owner.email, "guess number " + i, attacker).then().statusCode(401);
        }
        signIn(owner.email, Fixtures.PASSWORD, attacker).then().statusCode(429);
        signIn(owner.email, Fixtures.PASSWORD, newAddress()).then().statusCode(303)
                .cookie(SessionCookies.NAME);
    }

    @Test
    void shouldSlowTheOwnersOwnAddressWithAGrowingDelayInsteadOfALockout() throws SQLException {
        Account owner = fixtures.account(Role.VOLUNTEER);
        String home = newAddress();
        for (int i = 0; i < LoginThrottle.FREE_FAILURES_PER_ADDRESS_AND_ACCOUNT; i++) {
            signIn(owner.email, "typo number " + i, home).then().statusCode(401);
        }
        long first = retryAfter(signIn(owner.email, Fixtures.PASSWORD, home));
        assertThat("a short wait, not a quarter of an hour", first, lessThanOrEqualTo(60L));
        letTheWaitPass(owner.email, home);
        signIn(owner.email, "one more typo", home).then().statusCode(401);
        long second = retryAfter(signIn(owner.email, Fixtures.PASSWORD, home));
        assertThat("the wait grows with each failure", second, greaterThan(first));
        letTheWaitPass(owner.email, home);
        signIn(owner.email, Fixtures.PASSWORD, home).then().statusCode(303);
        signIn(owner.email, "a typo after signing in", home).then().statusCode(401);
        signIn(owner.email, Fixtures.PASSWORD, home).then().statusCode(303);
    }

    @Test
    void shouldKeepTheOwnersKnownAddressOpenWhileManyAddressesGuessTheirPassword() throws Exception {
        Account owner = fixtures.account(Role.VOLUNTEER);
        String home = newAddress();
        signIn(owner.email, Fixtures.PASSWORD, home).then().statusCode(303);
        // Each address stays within its own limits; together they reach the account's.
        List<Response> guesses = new ArrayList<>();
        String address = null;
        for (int i = 0; i <= LoginThrottle.MAX_FAILURES_PER_ACCOUNT; i++) {
            if (i % LoginThrottle.FREE_FAILURES_PER_ADDRESS_AND_ACCOUNT == 0) {
                address = newAddress();
            }
            guesses.add(signIn(owner.email, "guess number " + i, address));
        }
        assertEquals(Map.of(401, LoginThrottle.MAX_FAILURES_PER_ACCOUNT, 429, 1), count(guesses));
        signIn(owner.email, Fixtures.PASSWORD, newAddress()).then().statusCode(429);
        signIn(owner.email, Fixtures.PASSWORD, home).then().statusCode(303);
    }

    /** The pages have taken all the pool but one connection: password checks must not hold it while they run. */
    @Test
    void shouldAnswerEightySignInsAtOnceWithoutAServerErrorAndKeepServingPages() throws Exception {
        List<Response> responses;
        List<Connection> taken = new ArrayList<>();
        try {
            while (taken.size() < dataSource.getConfiguration().connectionPoolConfiguration().maxSize() - 1) {
                taken.add(dataSource.getConnection());
            }
            responses = Fixtures.atOnce(80, i -> signIn("nobody-" + i + "-" + newAddress() + "@example.org",
                    "guess number " + i, newAddress()));
        } finally {
            for (Connection connection : taken) {
                connection.close();
            }
        }
        Map<Integer, Integer> statuses = count(responses);
        assertThat("answers to 80 sign-ins at once: " + statuses, statuses.keySet().stream()
                .filter(s -> s != 401 && s != 503).toList(), empty());
        for (Response busy : responses.stream().filter(r -> r.statusCode() == 503).toList()) {
            assertThat(retryAfter(busy), greaterThan(0L));
            assertThat(busy.asString(), containsString("Too many people are signing in"));
        }
        given().when().get("/requests").then().statusCode(200);
        given().when().get("/login").then().statusCode(200).body(containsString("Sign in"));
    }

    @Test
    void shouldCountGuessesAtTheCurrentPasswordLikeFailedSignIns() {
        Account owner = fixtures.account(Role.VOLUNTEER);
        String thief = newAddress();
        for (int i = 0; i < LoginThrottle.FREE_FAILURES_PER_ADDRESS_AND_ACCOUNT; i++) {
            changePassword(owner, "guess number " + i, thief).then().statusCode(422)
                    .body(containsString("That is not your current password."));
        }
        changePassword(owner, Fixtures.PASSWORD, thief).then().statusCode(422)
                .body(containsString("Too many failed sign-ins"));
        signIn(owner.email, Fixtures.PASSWORD, newAddress()).then().statusCode(303);
    }

    /** A stolen session guessing the password it needs to change it, from {@code address}. */
    private Response changePassword(Account owner, String current, String address) {
        String next = "a brand new passphrase " + ADDRESSES.incrementAndGet();
        return fixtures.browser(owner).header("X-Forwarded-For", address).formParam("current", current)
                .formParam("password", next).formParam("confirmation", next).when().post("/account/password");
    }

    private static Response signIn(String email, String password, String address) {
        return Fixtures.anonymousBrowser().header("X-Forwarded-For", address).formParam("email", email)
                .formParam("password", password).when().post("/login");
    }

    private static Map<Integer, Integer> count(List<Response> responses) {
        Map<Integer, Integer> statuses = new TreeMap<>();
        responses.forEach(r -> statuses.merge(r.statusCode(), 1, Integer::sum));
        return statuses;
    }

    private static long retryAfter(Response response) {
        assertThat(response.statusCode(), oneOf(429, 503));
        return Long.parseLong(response.header("Retry-After"));
    }

    /** A private address no other sign-in in this run comes from. */
    private static String newAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "10.77." + (n / 250) + "." + (n % 250 + 1);
    }

    /** Time passes for this account at this address: its wait is over, its failures remembered. */
    private void letTheWaitPass(String email, String address) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE login_throttle SET blocked_until = now() WHERE subject = ?")) {
            update.setString(1, LoginThrottle.pairKey(Account.normaliseEmail(email), address));
            assertEquals(1, update.executeUpdate());
        }
    }
}
