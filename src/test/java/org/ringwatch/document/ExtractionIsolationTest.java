package org.ringwatch.document;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ringwatch.account.Fixtures;
import org.ringwatch.platform.EmbeddedPostgresResource;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Hostile files are read in a child JVM (IsolatedParser): a PDF bomb and a PDF whose reading
 * never ends are quarantined with the reason, the service keeps answering meanwhile and its heap
 * never holds the bomb, and no reading process outlives its job. Real child processes, real
 * PostgreSQL, real HTTP; the limits are made small here so the test need not wait ten minutes.
 */
@QuarkusTest
@TestProfile(ExtractionIsolationTest.TightLimits.class)
@WithTestResource(EmbeddedPostgresResource.class)
class ExtractionIsolationTest {

    static final long CAP = 64L * 1024 * 1024;
    /** Twice the child's whole heap, eight times the cap. */
    static final long BOMB = 1024L * 1024 * 1024;
    static final int TIME_LIMIT_SECONDS = 10;

    public static class TightLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ringwatch.extraction.max-decoded-bytes", String.valueOf(CAP),
                    "ringwatch.extraction.time-limit", TIME_LIMIT_SECONDS + "s");
        }
    }

    @Inject
    Fixtures fixtures;

    DocumentFixtures.Scene scene;
    Watch watch;

    @BeforeEach
    void setUp() {
        scene = DocumentFixtures.scene(fixtures);
        watch = new Watch();
        watch.start();
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        watch.interrupt();
        watch.join();
    }

    @Test
    void shouldQuarantineAPdfWhoseStreamInflatesPastTheCapAndKeepTheBombOutOfTheServiceHeap() throws IOException {
        long id = upload("bomb.pdf", TestFiles.flateBombPdf(BOMB));

        DocumentFixtures.awaitProcessed(scene.moderatorToken(), id).body("status", equalTo("quarantined"))
                .body("status_reason", containsString("A content stream inflates past 64 MB"));
        assertThat("a child read the file", watch.children(), not(empty()));
        // The old generation also takes what other work promotes while the test runs (300 MiB was
        // seen on a loaded CI machine, G1 promoting young objects early), so the bound is half the
        // inflated stream: the stream itself, read into the service, would be all of it at once.
        assertThat("the service's heap never held the inflated stream", watch.peakHeapGrowth(), lessThan(BOMB / 2));
        assertNoReadingProcessLeft();
    }

    @Test
    void shouldStopAReaderThatNeverEndsAtTheTimeLimitWhileTheServiceKeepsAnswering() throws IOException {
        long id = upload("laughs.pdf", TestFiles.laughingPdf());

        DocumentFixtures.await("a child to read the file", () -> !watch.running().isEmpty());
        int answers = 0;
        while (!watch.running().isEmpty()) {
            Fixtures.api(scene.moderatorToken()).when().get("/api/v1/documents/" + id).then().statusCode(200);
            answers++;
        }
        assertThat("the service answered while the child read", answers, greaterThan(0));
        DocumentFixtures.awaitProcessed(scene.moderatorToken(), id).body("status", equalTo("quarantined"))
                .body("status_reason", containsString("ran past its " + TIME_LIMIT_SECONDS + " s limit"));
        assertNoReadingProcessLeft();

        // The service carries on: a good file after it is read as usual, by a child of its own.
        long good = upload("after.pdf", TestFiles.textPdf("Read in a child of its own"));
        DocumentFixtures.awaitProcessed(scene.moderatorToken(), good).body("status", equalTo("ready"));
        assertEquals("Read in a child of its own", Fixtures.api(scene.moderatorToken()).when()
                .get("/api/v1/documents/" + good + "/pages/1").jsonPath().getString("text").strip());
        assertNoReadingProcessLeft();
    }

    private long upload(String name, byte[] bytes) {
        return DocumentFixtures.upload(scene.ownerToken(), scene.request().id, scene.eventId(), name, bytes,
                "application/pdf", 201).jsonPath().getLong("[0].id");
    }

    /** Every child seen, and whatever it started, has ended; and no tesseract runs under the service. */
    private void assertNoReadingProcessLeft() {
        assertThat(watch.children().stream().filter(ProcessHandle::isAlive).toList(), empty());
        assertThat(ProcessHandle.current().descendants().filter(Watch::isTesseract).toList(), empty());
    }

    /**
     * Looks every 50 ms at the reading processes under this JVM (the service runs in it), and
     * keeps the peak of its old generation from before the upload until the test ends: an array
     * the size of an inflated stream goes there at once (G1 puts arrays of half a region or more
     * straight into old regions), while the young generation's ordinary garbage does not.
     */
    static final class Watch extends Thread {
        private final Set<ProcessHandle> children = ConcurrentHashMap.newKeySet();
        private final List<MemoryPoolMXBean> oldGeneration = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .filter(pool -> pool.getName().contains("Old") || pool.getName().contains("Tenured")).toList();
        private final long baseline;

        Watch() {
            super("extraction-watch");
            setDaemon(true);
            assertThat("the JVM names its old generation", oldGeneration, not(empty()));
            System.gc();
            oldGeneration.forEach(MemoryPoolMXBean::resetPeakUsage);
            baseline = oldGeneration.stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
        }

        @Override
        public void run() {
            while (!isInterrupted()) {
                ProcessHandle.current().descendants().filter(p -> isChild(p) || isTesseract(p)).forEach(children::add);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        Set<ProcessHandle> children() {
            return children;
        }

        List<ProcessHandle> running() {
            return ProcessHandle.current().descendants().filter(Watch::isChild).toList();
        }

        long peakHeapGrowth() {
            return oldGeneration.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum() - baseline;
        }

        static boolean isChild(ProcessHandle process) {
            return process.info().commandLine().orElse("").contains(ParserChild.class.getName());
        }

        static boolean isTesseract(ProcessHandle process) {
            return process.info().command().orElse("").endsWith("tesseract");
        }
    }
}
