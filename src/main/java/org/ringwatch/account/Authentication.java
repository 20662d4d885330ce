package org.ringwatch.account;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * Who is asking: a bearer token (the API, which ignores cookies) or the sign-in cookie (the
 * pages). Both are checked
 * against the database on every request, so a disabled account or a revoked token loses access
 * at once [ASVS 7.4.2].
 */
@ApplicationScoped
public class Authentication implements HttpAuthenticationMechanism {

    /** The identity attribute holding the account id. */
    public static final String ACCOUNT_ID = "ringwatch.account-id";

    private final SessionCookies cookies;

    public Authentication(SessionCookies cookies) {
        this.cookies = cookies;
    }

    /** A bearer token from the Authorization header. */
    public static final class TokenRequest extends BaseAuthenticationRequest {
        final String token;

        TokenRequest(String token) {
            this.token = token;
        }
    }

    /** A decrypted, unexpired sign-in cookie. */
    public static final class SessionRequest extends BaseAuthenticationRequest {
        final SessionCookies.Session session;

        SessionRequest(SessionCookies.Session session) {
            this.session = session;
        }
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager providers) {
        String authorization = context.request().getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return providers.authenticate(new TokenRequest(authorization.substring(7).strip()));
        }
        if (context.request().path().startsWith("/api/")) {
            // The API knows callers by their token only: a browser's cookie, which a cross-site
            // page can make it send, never authorises anything there.
            return Uni.createFrom().optional(Optional.empty());
        }
        Optional<SessionCookies.Session> session = cookies.read(context.request().getCookie(SessionCookies.NAME));
        if (session.isPresent()) {
            // A cookie whose account was disabled or signed out everywhere is simply no sign-in.
            return providers.authenticate(new SessionRequest(session.get()))
                    .onFailure(AuthenticationFailedException.class).recoverWithNull();
        }
        return Uni.createFrom().optional(Optional.empty());
    }

    /** Pages send people to the sign-in form; the API answers 401 with a bearer challenge. */
    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        String path = context.request().path();
        if (path.startsWith("/api/")) {
            return Uni.createFrom().item(new ChallengeData(HttpResponseStatus.UNAUTHORIZED.code(),
                    "WWW-Authenticate", "Bearer realm=\"RingWatch\""));
        }
        String next = URLEncoder.encode(context.request().uri(), StandardCharsets.UTF_8);
        return Uni.createFrom().item(new ChallengeData(HttpResponseStatus.SEE_OTHER.code(), "Location",
                "/login?next=" + next));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenRequest.class, SessionRequest.class);
    }

    /** The identity of an account: its id and every role its role implies. */
    static SecurityIdentity identityOf(Account account) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(account.email))
                .addRoles(account.roleEnum().impliedNames())
                .addAttribute(ACCOUNT_ID, account.id)
                .build();
    }

    /** The account a sign-in cookie stands for, unless it was disabled or signed out everywhere since. */
    static Optional<Account> accountOf(SessionCookies.Session session) {
        return Account.<Account>findByIdOptional(session.accountId())
                .filter(a -> !a.isDisabled() && a.sessionEpoch == session.epoch());
    }

    @ApplicationScoped
    static class TokenProvider implements IdentityProvider<TokenRequest> {
        @Override
        public Class<TokenRequest> getRequestType() {
            return TokenRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(TokenRequest request, AuthenticationRequestContext context) {
            return context.runBlocking(() -> QuarkusTransaction.requiringNew().call(() -> {
                ApiToken token = ApiToken.findActive(request.token)
                        .orElseThrow(() -> new AuthenticationFailedException("unknown or revoked token"));
                token.markUsed();
                return identityOf(token.account);
            }));
        }
    }

    @ApplicationScoped
    static class SessionProvider implements IdentityProvider<SessionRequest> {
        @Override
        public Class<SessionRequest> getRequestType() {
            return SessionRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(SessionRequest request, AuthenticationRequestContext context) {
            return context.runBlocking(() -> QuarkusTransaction.requiringNew().call(() -> {
                Account account = accountOf(request.session)
                        .orElseThrow(() -> new AuthenticationFailedException("session ended"));
                return identityOf(account);
            }));
        }
    }
}
