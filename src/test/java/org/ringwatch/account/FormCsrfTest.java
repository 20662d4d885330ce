package org.ringwatch.account;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.core.MediaType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ringwatch.document.TestFiles;
import org.ringwatch.platform.EmbeddedPostgresResource;
import org.ringwatch.request.RecordsRequest;
import org.ringwatch.request.RequestEvent;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * CSRF [ASVS 3.5.1]: no form route outside the API changes anything unless the request carries
 * the token pair its page handed out. The routes are read from the resource classes, so a form
 * route added later is tried here without anyone listing it.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class FormCsrfTest {

    /** The background document processor writes these on its own schedule; every other table must stay still. */
    private static final Set<String> WRITTEN_IN_THE_BACKGROUND = Set.of("job", "document", "document_page", "blob");

    @Inject
    Fixtures fixtures;

    @Inject
    AgroalDataSource dataSource;

    Account admin;
    String session;
    /** What to put for each path parameter, by the segment before it: real things the route would change. */
    Map<String, String> things;

    @BeforeEach
    void setUp() {
        admin = fixtures.account(Role.ADMIN);
        session = fixtures.session(admin);
        Account owner = fixtures.account(Role.VOLUNTEER);
        RecordsRequest request = fixtures.filed(owner, "IL", "aurora-police-department", LocalDate.of(2026, 11, 2));
        long event = RequestEvent.<RequestEvent>find("request.id = ?1 and statusTo = 'filed'", request.id)
                .firstResult().id;
        Invitation.Issued invitation = fixtures.invitation(admin);
        things = new LinkedHashMap<>();
        things.put("requests/{id}", request.id.toString());
        things.put("events/{eventId}", Long.toString(event));
        long document = document(owner, request.id, event);
        things.put("documents/{id}", Long.toString(document));
        things.put("agreements/{id}", Long.toString(agreement(owner, document)));
        things.put("pages/{page}", "1");
        fixtures.token(admin);
        things.put("tokens/{id}", ApiToken.<ApiToken>find("account.id", admin.id).firstResult().id.toString());
        things.put("invitations/{id}", invitation.invitation().id.toString());
        things.put("invitations/{token}", invitation.token());
        things.put("users/{id}", owner.id.toString());
        things.put("agencies/{id}", request.agency.id.toString());
    }

    @Test
    void shouldRefuseEveryFormRouteWithoutItsTokenPairWithAPageAndChangeNothing() throws Exception {
        List<Route> routes = Route.outsideTheApi();
        assertThat("the scan found the form routes", routes.size(), greaterThan(15));
        assertThat(routes, hasItem(new Route("POST", "/logout", false)));
        assertThat(routes, hasItem(new Route("POST", "/agencies/{id}/documents", true)));
        assertThat(routes, hasItem(new Route("POST", "/agreements/{id}/publish", false)));
        Map<String, Supplier<RequestSpecification>> forgeries = new LinkedHashMap<>();
        // What another site can make a signed-in browser send: fetch() with no body, an empty
        // <form>, a form without the token, a token that is not the one in the CSRF cookie.
        forgeries.put("no body at all", () -> signedIn().noContentType());
        forgeries.put("an empty form", () -> signedIn().contentType(ContentType.URLENC));
        forgeries.put("a form without a token", () -> signedIn().formParam("label", "forged"));
        forgeries.put("a form whose token is not its cookie's", () -> signedIn()
                .cookie("rw_csrf", "AAAAAAAAAAAAAAAAAAAAAA").formParam("csrf-token", "BBBBBBBBBBBBBBBBBBBBBB"));

        String before = state();
        List<String> accepted = new ArrayList<>();
        for (Route route : routes) {
            String path = route.path(things);
            for (var forgery : forgeries.entrySet()) {
                RequestSpecification request = forgery.getValue().get();
                if (route.multipart() && forgery.getKey().equals("an empty form")) {
                    request = signedIn().contentType("multipart/form-data; boundary=empty").body("--empty--\r\n".getBytes(StandardCharsets.US_ASCII));
                } else if (route.multipart() && forgery.getKey().startsWith("a form")) {
                    request = signedIn().multiPart("label", "forged");
                }
                Response response = request.when().request(route.method(), path);
                if (!List.of(400, 403).contains(response.statusCode())
                        || !response.contentType().startsWith("text/html")
                        || !response.asString().contains("arrived without the security token")) {
                    accepted.add(route.method() + " " + route.template() + " with " + forgery.getKey() + ": "
                            + response.statusCode() + " " + response.contentType());
                }
            }
        }
        assertEquals(List.of(), accepted, "forged forms that were not refused with the page that says why");
        assertEquals(before, state(), "a refused form changed something");
        given().redirects().follow(false).cookie(SessionCookies.NAME, session).when().get("/account")
                .then().statusCode(200);
    }

    @Test
    void shouldSendTheCsrfCookieOnlyToThisSite() {
        String cookie = given().when().get("/login").then().statusCode(200).extract().headers()
                .getValues("Set-Cookie").stream().filter(c -> c.startsWith("rw_csrf=")).findFirst().orElseThrow();
        assertThat(cookie, containsString("SameSite=Lax"));
        assertThat(cookie, containsStringIgnoringCase("HttpOnly"));
    }

    @Test
    void shouldIssueTheCsrfCookieOnlyOnPagesThatRenderAForm() {
        // A public page has no POST form for someone signed out (search is a GET form): no cookie.
        Response city = given().when().get("/states/il/cities/aurora").then().statusCode(200).extract().response();
        assertEquals(List.of(), city.headers().getValues("Set-Cookie"), "cookies set by an anonymous city page");
        assertThat(city.asString(), not(containsString("csrf-token")));
        // The sign-in form's page issues a token, and its form carries the cookie's value.
        Response login = given().when().get("/login").then().statusCode(200).extract().response();
        String token = login.getCookie("rw_csrf");
        assertThat(login.asString(), containsString("name=\"csrf-token\" value=\"" + token + "\""));
        // A browser that holds a token keeps it (sent again, so it lives on from this page).
        String held = "AAAAAAAAAAAAAAAAAAAAAA";
        Response again = given().cookie("rw_csrf", held).when().get("/login").then().statusCode(200).extract().response();
        assertEquals(held, again.getCookie("rw_csrf"));
        assertThat(again.asString(), containsString("value=\"" + held + "\""));
        // Signed in, the layout has a sign-out form, so the same public page issues the token.
        Response signedIn = signedIn().when().get("/states/il/cities/aurora").then().statusCode(200).extract().response();
        String mine = signedIn.getCookie("rw_csrf");
        assertThat(signedIn.asString(), containsString("name=\"csrf-token\" value=\"" + mine + "\""));
    }

    private RequestSpecification signedIn() {
        return given().redirects().follow(false).cookie(SessionCookies.NAME, session);
    }

    private long document(Account owner, long request, long event) {
        try {
            return given().header("Authorization", "Bearer " + fixtures.token(owner))
                    .multiPart("file", "memo.pdf", TestFiles.textPdf("Memorandum of understanding"), "application/pdf")
                    .when().post("/api/v1/requests/" + request + "/events/" + event + "/documents")
                    .then().statusCode(201).extract().jsonPath().getLong("[0].id");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A draft agreement resting on {@code document}, recorded through its form, for the agreement routes to aim at. */
    private long agreement(Account owner, long document) {
        String location = fixtures.browser(owner).formParam("evidence", Long.toString(document))
                .formParam("kind", "mou").formParam("title", "Memorandum of Understanding")
                .formParam("counterparties", "ring_llc").when().post("/agreements")
                .then().statusCode(303).extract().header("Location");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    /** A digest of every row of every table a request could write. */
    private String state() throws SQLException {
        StringBuilder digest = new StringBuilder();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery(
                    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            tables.removeAll(WRITTEN_IN_THE_BACKGROUND);
            for (String table : tables) {
                try (ResultSet rows = statement.executeQuery("SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY"
                        + " t::text), '')) FROM \"" + table + "\" t")) {
                    rows.next();
                    digest.append(table).append('=').append(rows.getString(1)).append('\n');
                }
            }
        }
        return digest.toString();
    }

    /** A state-changing route of the HTML site, as its resource class declares it. */
    record Route(String method, String template, boolean multipart) {

        private static final Set<String> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
        private static final Pattern PARAMETER = Pattern.compile("([^/]+)/\\{([^}/:]+)[^}]*}");

        /** Every non-safe method of every JAX-RS resource under org.ringwatch, but the bearer-only API. */
        static List<Route> outsideTheApi() {
            // Quarkus REST makes every resource class a bean, so the container knows them all.
            List<Class<?>> resources = Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)
                    .stream().map(Bean::getBeanClass).filter(c -> c.getName().startsWith("org.ringwatch."))
                    .filter(c -> c.isAnnotationPresent(jakarta.ws.rs.Path.class)).distinct()
                    .sorted(Comparator.comparing(Class::getName)).toList();
            List<Route> routes = new ArrayList<>();
            for (Class<?> type : resources) {
                jakarta.ws.rs.Path base = type.getAnnotation(jakarta.ws.rs.Path.class);
                for (Method method : type.getDeclaredMethods()) {
                    String verb = Arrays.stream(method.getAnnotations()).map(Annotation::annotationType)
                            .map(a -> a.getAnnotation(HttpMethod.class)).filter(a -> a != null)
                            .map(HttpMethod::value).findFirst().orElse(null);
                    if (verb == null || SAFE.contains(verb)) {
                        continue;
                    }
                    jakarta.ws.rs.Path sub = method.getAnnotation(jakarta.ws.rs.Path.class);
                    String path = ("/" + base.value() + "/" + (sub == null ? "" : sub.value())).replaceAll("/+", "/");
                    path = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
                    if (!path.equals("/api") && !path.startsWith("/api/")) {
                        Consumes consumes = method.isAnnotationPresent(Consumes.class)
                                ? method.getAnnotation(Consumes.class) : type.getAnnotation(Consumes.class);
                        boolean multipart = consumes != null
                                && Arrays.asList(consumes.value()).contains(MediaType.MULTIPART_FORM_DATA);
                        routes.add(new Route(verb, path, multipart));
                    }
                }
            }
            return routes;
        }

        /** The route with each parameter replaced by the thing named before it ("requests/{id}"), else 1. */
        String path(Map<String, String> things) {
            Matcher matcher = PARAMETER.matcher(template);
            StringBuilder path = new StringBuilder();
            while (matcher.find()) {
                String key = matcher.group(1) + "/{" + matcher.group(2) + "}";
                matcher.appendReplacement(path, Matcher.quoteReplacement(matcher.group(1) + "/"
                        + things.getOrDefault(key, "1")));
            }
            return matcher.appendTail(path).toString();
        }
    }
}
