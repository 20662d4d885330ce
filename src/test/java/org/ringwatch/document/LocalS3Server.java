package org.ringwatch.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An S3 API server for the tests: s3proxy (Maven Central, copied to target/test-servers by
 * pom.xml) in a child JVM on a free loopback port, over jclouds' in-memory store, checking
 * request signatures like AWS. A child process, because its libraries clash with the test class
 * path; it is stopped by {@link #close} and, should the test JVM die first, with it. Public for
 * the integration tests of the packaged jar (platform/TwoInstancesIT), which share its bucket.
 */
public final class LocalS3Server implements AutoCloseable {

    public static final String ACCESS_KEY = "ringwatch-test";
    public static final String SECRET_KEY = "ringwatch-test-secret";
    private static final Duration START_LIMIT = Duration.ofSeconds(60);

    private final Process process;
    private final int port;
    private final Path directory;

    private LocalS3Server(Process process, int port, Path directory) {
        this.process = process;
        this.port = port;
        this.directory = directory;
    }

    public static LocalS3Server start() throws IOException, InterruptedException {
        String jar = System.getProperty("test.s3proxy.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("The s3proxy jar is missing (" + jar + "): run the tests through Maven,"
                    + " which copies it to target/test-servers");
        }
        int port = freePort();
        Path directory = Files.createTempDirectory("ringwatch-s3proxy");
        Path properties = directory.resolve("s3proxy.properties");
        Files.write(properties, List.of(
                "s3proxy.endpoint=http://127.0.0.1:" + port,
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + ACCESS_KEY,
                "s3proxy.credential=" + SECRET_KEY,
                "jclouds.provider=transient",
                "jclouds.identity=" + ACCESS_KEY,
                "jclouds.credential=" + SECRET_KEY));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx256m", "-jar", jar, "--properties", properties.toString())
                .redirectErrorStream(true).redirectOutput(directory.resolve("s3proxy.log").toFile()).start();
        LocalS3Server server = new LocalS3Server(process, port, directory);
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        server.awaitListening();
        return server;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    private void awaitListening() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(START_LIMIT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("s3proxy exited with " + process.exitValue() + ": "
                        + Files.readString(directory.resolve("s3proxy.log")));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        close();
        throw new IllegalStateException("s3proxy did not listen on port " + port + " within " + START_LIMIT);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            try (var files = Files.list(directory)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(directory);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
