package org.ringwatch.platform;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * What every test of the packaged jar starts from: a working directory of its own, a launcher,
 * and no service left running after it.
 */
abstract class JarTest {

    @TempDir
    Path work;

    PackagedJar jar;

    @BeforeEach
    void launcher() {
        jar = new PackagedJar(work);
    }

    @AfterEach
    void stopEverything() throws InterruptedException {
        jar.stopAll();
    }
}
