package org.ringwatch.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.ringwatch.api.Problem;
import org.ringwatch.platform.RingWatchConfig;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Read rate limits: one filter, before any resource, for every read of the API (JSON, CSV,
 * NDJSON, files), of documents (pages, files, thumbnails), of search, of the Atom feeds and of
 * request archives. Health, metrics and static assets are not counted, and neither are writes
 * (they need a personal token and are throttled where they happen).
 *
 * <p>A request is counted against one token bucket (Bucket4j), refilled evenly over the window:
 * <ul>
 * <li>a read key in {@code X-Api-Key}: the key's bucket, at the key's own limit if an admin set
 * one, else the configured {@code key} limit. An unknown or revoked key is refused with 401: it
 * never falls back to anonymous, so a script learns at once that its key stopped working;</li>
 * <li>a personal token or a sign-in cookie that is still good: the account's bucket, at the
 * {@code key} limit (a newsroom behind one address does not share one anonymous bucket);</li>
 * <li>otherwise the client's address (the proxy's forwarded one, as sign-in throttling sees it;
 * an IPv6 address by its /64, which one client usually holds whole): {@code anonymous}.</li>
 * </ul>
 * Every counted response carries {@code RateLimit-Policy} and {@code RateLimit} as
 * draft-ietf-httpapi-ratelimit-headers-10 defines them ({@code "address";q=120;w=60} and
 * {@code "address";r=119;t=1}); past the limit the answer is 429 with {@code Retry-After}, as
 * problem+json under /api/ and a plain page elsewhere.
 *
 * <p>The buckets live in this instance's memory, in a cache bounded in size whose entries expire
 * a window after their last use (by then a bucket would be full again, so nothing is lost).
 * Instances do not share them: behind a balancer, a client may read up to the limit at each.
 */
@ApplicationScoped
public class ReadLimits {

    /** Where a read key is sent. Not in the URL: it would end up in logs, histories and Referer headers. */
    public static final String KEY_HEADER = "X-Api-Key";

    private static final Logger LOG = Logger.getLogger(ReadLimits.class);
    /** After the NUL check and the API's CSRF pair (both -1000), before authentication and every resource. */
    private static final int ORDER = -900;

    /** Which bucket a request is counted in, the policy's name in the headers, and its quota. */
    record Client(String bucket, String policy, long quota) {
    }

    private final RingWatchConfig.RateLimit config;
    private final SessionCookies cookies;
    private final Cache<String, Bucket> buckets;

    public ReadLimits(RingWatchConfig config, SessionCookies cookies) {
        this.config = config.rateLimit();
        this.cookies = cookies;
        this.buckets = Caffeine.newBuilder().maximumSize(this.config.maxClients())
                .expireAfterAccess(this.config.window()).build();
    }

    /** How many active read keys one account may hold. */
    int keysPerAccount() {
        return config.keysPerAccount();
    }

    /** The limits in words, for the account page. */
    String summary() {
        String per = inWords(config.window());
        return "A read key may make " + config.key() + " requests per " + per + "; without one, each address may"
                + " make " + config.anonymous() + ".";
    }

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(this::filter);
    }

    private void filter(RoutingContext context) {
        String bearer = bearer(context);
        if (bearer != null && bearer.startsWith(ApiToken.READ_PREFIX)) {
            // A read key signs nobody in; as a bearer it would only be "unknown". Say what it is.
            refuseKey(context, "This is a read key: send it as " + KEY_HEADER + ": <key>. A read key only raises"
                    + " the read rate limit; writing needs a personal token (POST /api/v1/tokens).");
            return;
        }
        if (!config.enabled() || !isLimited(context)) {
            context.next();
            return;
        }
        String key = context.request().getHeader(KEY_HEADER);
        Cookie session = context.request().getCookie(SessionCookies.NAME);
        String address = addressOf(SignIn.address(context.request()));
        if (key == null && bearer == null && session == null) {
            count(context, anonymous(address));
            return;
        }
        // Telling a good key or sign-in from a revoked one takes the database: off the event loop.
        context.vertx().executeBlocking(() -> identify(key, bearer, session, address), false).onComplete(found -> {
            if (found.failed()) {
                // The database is down: count the address, and let the resource answer its 503.
                LOG.debugf("Rate limit: could not check a key or sign-in: %s", found.cause());
                count(context, anonymous(address));
            } else if (found.result().isEmpty()) {
                refuseKey(context, "The read key in " + KEY_HEADER + " is unknown or revoked, or its account is"
                        + " disabled. Create a new one on your account page, or send no key to read at the"
                        + " anonymous rate.");
            } else {
                count(context, found.result().get());
            }
        });
    }

    /**
     * What is counted: reads (GET and HEAD) of the API, documents, search, feeds and archives.
     * The normalized path, so {@code /x/../api/v1/...} is counted like what it resolves to.
     */
    static boolean isLimited(RoutingContext context) {
        HttpMethod method = context.request().method();
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            return false;
        }
        String path = context.normalizedPath();
        return path.startsWith("/api/") || path.equals("/documents") || path.startsWith("/documents/")
                || path.equals("/search") || path.equals("/feed.atom") || path.endsWith("/feed.atom")
                || path.startsWith("/requests/") && path.endsWith(".zip");
    }

    /** The client, or empty for a read key that must be refused. Runs on a worker thread. */
    private Optional<Client> identify(String key, String bearer, Cookie session, String address) {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (key != null) {
                return ApiToken.findActive(key.strip(), ApiToken.Kind.READ).map(k -> {
                    k.markUsed();
                    return new Client("key:" + k.id, "key", k.rateLimit == null ? config.key() : k.rateLimit);
                });
            }
            Optional<Account> account = bearer != null
                    ? ApiToken.findActive(bearer).map(t -> t.account)
                    : cookies.read(session).flatMap(Authentication::accountOf);
            // A bad bearer or an old cookie is no sign-in: authentication refuses it where it matters.
            return Optional.of(account.map(a -> new Client("account:" + a.id, "account", config.key()))
                    .orElseGet(() -> anonymous(address)));
        });
    }

    private Client anonymous(String address) {
        return new Client("address:" + address, "address", config.anonymous());
    }

    private void count(RoutingContext context, Client client) {
        // The quota is part of the bucket's name: when an admin changes a key's limit, it takes effect at once.
        Bucket bucket = buckets.get(client.bucket() + "@" + client.quota(), name -> Bucket.builder()
                .addLimit(limit -> limit.capacity(client.quota()).refillGreedy(client.quota(), config.window()))
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        HttpServerResponse response = context.response();
        response.putHeader("RateLimit-Policy", "\"" + client.policy() + "\";q=" + client.quota() + ";w="
                + config.window().toSeconds());
        response.putHeader("RateLimit", "\"" + client.policy() + "\";r=" + probe.getRemainingTokens() + ";t="
                + seconds(probe.getNanosToWaitForReset()));
        if (probe.isConsumed()) {
            context.next();
            return;
        }
        long retryAfter = Math.max(1, seconds(probe.getNanosToWaitForRefill()));
        String whose = switch (client.policy()) {
            case "key" -> "for this read key.";
            case "account" -> "for your account.";
            default -> "from one address without a read key. Signed-in people can create a read key on their"
                    + " account page, with a higher limit; send it as " + KEY_HEADER + ".";
        };
        String detail = "Too many requests: " + client.quota() + " per " + inWords(config.window()) + " " + whose
                + " Try again in " + retryAfter + (retryAfter == 1 ? " second." : " seconds.");
        response.putHeader("Retry-After", Long.toString(retryAfter)).putHeader("Cache-Control", "no-store");
        end(context, 429, "Too Many Requests", detail);
    }

    /** 401 for a key that cannot be used; a custom challenge, since it is not a bearer token. */
    private static void refuseKey(RoutingContext context, String detail) {
        context.response().putHeader("WWW-Authenticate", "ApiKey realm=\"RingWatch\"")
                .putHeader("Cache-Control", "no-store");
        end(context, 401, "Unauthorized", detail);
    }

    /** problem+json under /api/, a plain page elsewhere: the filter runs before the site's layout can. */
    private static void end(RoutingContext context, int status, String title, String detail) {
        String path = context.request().path();
        HttpServerResponse response = context.response().setStatusCode(status);
        if (path.equals("/api") || path.startsWith("/api/")) {
            response.putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(Json.encode(new Problem("about:blank", title, status, detail, path, null)));
        } else {
            response.putHeader("Content-Type", "text/html; charset=UTF-8").end("<!DOCTYPE html>\n<html lang=\"en\">"
                    + "<head><meta charset=\"utf-8\"><title>" + status + " · " + title + " · RingWatch</title></head>"
                    + "<body><h1>" + status + " · " + title + "</h1><p>" + escape(detail) + "</p>"
                    + "<p><a href=\"/\">RingWatch</a></p></body></html>");
        }
    }

    private static String bearer(RoutingContext context) {
        String authorization = context.request().getHeader("Authorization");
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).strip() : null;
    }

    /** An IPv6 client usually holds a whole /64: counted per address, it would have 2^64 buckets. */
    static String addressOf(String address) {
        if (address.indexOf(':') < 0) {
            return address;
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();   // a literal: no DNS lookup
            if (bytes.length != 16) {
                return address;
            }
            java.util.Arrays.fill(bytes, 8, 16, (byte) 0);
            return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
        } catch (UnknownHostException e) {
            return address;
        }
    }

    private static long seconds(long nanos) {
        return (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1);
    }

    private static String inWords(Duration window) {
        long seconds = window.toSeconds();
        if (seconds % 3600 == 0) {
            return seconds == 3600 ? "hour" : seconds / 3600 + " hours";
        }
        if (seconds % 60 == 0) {
            return seconds == 60 ? "minute" : seconds / 60 + " minutes";
        }
        return seconds + " seconds";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
