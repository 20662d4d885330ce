package org.ringwatch.document;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.ringwatch.account.Fixtures;
import org.ringwatch.platform.EmbeddedPostgresResource;

import java.nio.charset.StandardCharsets;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/** The request page lists each document under its entry, for those who may see it: the document side supplies the list. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class RequestPageDocumentsTest {

    @Inject
    Fixtures fixtures;

    @Test
    void shouldListAPrivateDocumentUnderItsEntryForTheOwnerOnly() {
        DocumentFixtures.Scene scene = DocumentFixtures.scene(fixtures);
        long id = DocumentFixtures.uploadProcessed(scene.ownerToken(), scene.request().id, scene.eventId(), "reply.txt",
                "The agency answered in writing.".getBytes(StandardCharsets.UTF_8), "text/plain");
        String line = "<p class=\"document\"><a href=\"/documents/" + id + "\">reply.txt</a> · text · 1 p."
                + " · ready · <span class=\"private\">private</span></p>";

        fixtures.browser(scene.owner()).when().get("/requests/" + scene.request().id).then().statusCode(200)
                .body(containsString(line));
        Fixtures.anonymousBrowser().when().get("/requests/" + scene.request().id).then().statusCode(200)
                .body(not(containsString("/documents/" + id + "\"")));
    }
}
