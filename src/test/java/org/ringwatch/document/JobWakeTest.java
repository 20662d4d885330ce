package org.ringwatch.document;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.ringwatch.account.Fixtures;
import org.ringwatch.platform.EmbeddedPostgresResource;

import java.io.IOException;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;

/**
 * An upload is read as soon as it is committed, not at the job poll: here the poll comes a second
 * after start and then once an hour, so only the wake-up can read a document uploaded later.
 */
@QuarkusTest
@TestProfile(JobWakeTest.HourlyPoll.class)
@WithTestResource(EmbeddedPostgresResource.class)
class JobWakeTest {

    public static class HourlyPoll implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ringwatch.documents.poll", "1h");
        }
    }

    @Inject
    Fixtures fixtures;

    @Test
    void shouldReadAnUploadWithoutWaitingForThePoll() throws IOException, InterruptedException {
        DocumentFixtures.Scene scene = DocumentFixtures.scene(fixtures);
        // The first poll runs one second after start; the upload must come after it to prove anything.
        Thread.sleep(2000);

        long id = DocumentFixtures.upload(scene.ownerToken(), scene.request().id, scene.eventId(), "woken.pdf",
                TestFiles.textPdf("Read without waiting for the poll"), "application/pdf", 201)
                .jsonPath().getLong("[0].id");

        DocumentFixtures.awaitProcessed(scene.ownerToken(), id).body("status", equalTo("ready"));
    }
}
