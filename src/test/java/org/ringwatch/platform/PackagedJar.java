package org.ringwatch.platform;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Launches {@code java -jar target/quarkus-app/quarkus-run.jar} as a separate process, the way
 * an operator runs it, for the integration tests; {@link #stopAll()} stops whatever is still
 * running when a test ends.
 */
final class PackagedJar {

    private static final Duration START_LIMIT = Duration.ofSeconds(90);
    private static final String MANAGEMENT_PORT_OPTION = "-Dquarkus.management.port=";

    private final Path work;
    private final List<Process> started = new ArrayList<>();
    /** The management port each launched process was given (health and metrics live there). */
    private final Map<Process, Integer> managementPorts = new HashMap<>();

    /** @param work the working directory of every launched service, where their logs are kept too */
    PackagedJar(Path work) {
        this.work = work;
    }

    /** Launches the jar and waits until it listens; fails the test if it exits or takes too long. */
    Running start(int port, Map<String, String> environment, String... jvmOptions) throws Exception {
        Process process = launch(port, environment, jvmOptions);
        Path log = work.resolve("service-" + started.size() + ".log");
        Thread copier = new Thread(() -> {
            try {
                Files.copy(process.getInputStream(), log);
            } catch (IOException e) {
                // the process went away; what was written is kept
            }
        });
        copier.setDaemon(true);
        copier.start();
        Instant deadline = Instant.now().plus(START_LIMIT);
        while (Instant.now().isBefore(deadline)) {
            assertTrue(process.isAlive(), () -> "the service exited while starting:\n" + read(log));
            if (read(log).contains("Listening on")) {
                return new Running(process, log, copier, managementPorts.get(process));
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not listening after " + START_LIMIT + ":\n" + read(log));
    }

    Process launch(int port, Map<String, String> environment, String... jvmOptions) throws IOException {
        return launch(port, environment, List.of(jvmOptions), List.of());
    }

    /**
     * Each launch gets a free management port of its own, so that services launched side by side
     * (or next to one on the default 9000) do not clash, unless {@code jvmOptions} names one.
     */
    Process launch(int port, Map<String, String> environment, List<String> jvmOptions, List<String> args)
            throws IOException {
        int management = freePort();
        for (String option : jvmOptions) {
            if (option.startsWith(MANAGEMENT_PORT_OPTION)) {
                management = Integer.parseInt(option.substring(MANAGEMENT_PORT_OPTION.length()));
            }
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1",
                MANAGEMENT_PORT_OPTION + management));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", System.getProperty("ringwatch.jar", "target/quarkus-app/quarkus-run.jar")));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).directory(work.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("QUARKUS_DATASOURCE") || key.startsWith("RINGWATCH_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        started.add(process);
        managementPorts.put(process, management);
        return process;
    }

    void stopAll() throws InterruptedException {
        for (Process process : started) {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        }
    }

    /** The environment that points the service at {@code database} and names its first admin. */
    static Map<String, String> externalDatabase(EmbeddedDatabase database, String adminEmail, String adminPassword) {
        Map<String, String> datasource = database.datasourceProperties();
        return Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", datasource.get("quarkus.datasource.jdbc.url"),
                "QUARKUS_DATASOURCE_USERNAME", datasource.get("quarkus.datasource.username"),
                "QUARKUS_DATASOURCE_PASSWORD", datasource.get("quarkus.datasource.password"),
                "RINGWATCH_ADMIN_EMAIL", adminEmail,
                "RINGWATCH_ADMIN_PASSWORD", adminPassword);
    }

    /** A personal API token for the account, through POST /api/v1/tokens (RestAssured.port set). */
    static String token(String email, String password) {
        return given().contentType("application/json")
                .body("{\"email\": \"" + email + "\", \"password\": \"" + password + "\"}")
                .when().post("/api/v1/tokens").then().statusCode(201).extract().path("token");
    }

    /** The postmaster serving {@code cluster}, while its postmaster.pid names one. */
    static Optional<ProcessHandle> postmaster(Path cluster) throws IOException {
        Path pidFile = cluster.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).get(0).trim()));
    }

    static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "";
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A service that listens: its public port is the caller's, {@code management} its health and metrics port. */
    record Running(Process process, Path logFile, Thread copier, int management) {
        /** SIGTERM, the way an operator or a container stops it; the exit code. */
        int stop() throws InterruptedException {
            process.destroy();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "stops within 30 s");
            copier.join(5000);
            return process.exitValue();
        }

        /** kill -9: no shutdown of any kind. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS));
            copier.join(5000);
        }

        String log() {
            return read(logFile);
        }
    }
}
