package org.ringwatch;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;
import org.ringwatch.platform.EmbeddedPostgresResource;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The test instance starts empty, so every migration ran from scratch here; Hibernate's
 * {@code validate} (test profile) already checked the entities against the result at start.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class MigrationTest {

    @Inject
    Flyway flyway;

    @Test
    void shouldHaveAppliedEveryMigrationFromScratch() {
        MigrationInfo[] applied = flyway.info().applied();
        assertTrue(applied.length >= 1);
        assertEquals("1", applied[0].getVersion().getVersion());
        assertTrue(Arrays.stream(applied).allMatch(m -> m.getState() == MigrationState.SUCCESS));
        assertEquals(0, flyway.info().pending().length);
    }

    @Test
    void shouldValidateTheMigrationsAgainstTheDatabase() {
        assertTrue(flyway.validateWithResult().validationSuccessful);
    }
}
