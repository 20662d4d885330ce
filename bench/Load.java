import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load client of bench/load.sh (see bench/README.md), run as a single-file program:
 * {@code java bench/Load.java BASE_URL EMAIL PASSWORD}. No dependencies beyond the JDK.
 *
 * <ol>
 *   <li>Set-up: a token for the admin, WRITE_TARGETS filed requests that every writer logs entries
 *       on (so entries on one request are written at once, as volunteers do), one uploaded PDF.</li>
 *   <li>Mixed run: CLIENTS threads for DURATION seconds; each request is a write with probability
 *       WRITE_SHARE (create a request, or log an entry on one of the shared requests), else a read
 *       (home page, a city page, a state page, the API's lists of agencies, requests and states,
 *       search on the page and in the API, a document's metadata and its file).</li>
 *   <li>Read-back: every write answered 201 is read back through the API (the request, and each
 *       entry in its request's log); one missing is a lost write.</li>
 *   <li>Ceiling: the same client, the same CLIENTS threads, for CEILING_SECONDS, on a static file
 *       only (/css/site.css): what this client and this service can do on this machine when
 *       nothing is rendered or queried.</li>
 * </ol>
 *
 * Errors are any status other than 2xx/3xx, a timeout (REQUEST_TIMEOUT seconds), or a refused
 * connection. Settings come from the environment: CLIENTS (200), DURATION (60), WARMUP (20 s, with
 * WARMUP_CLIENTS, 20),
 * CEILING_SECONDS (20), WRITE_SHARE (0.2), WRITE_TARGETS (10), REQUEST_TIMEOUT (10). Exit code 1
 * when there was any error or lost write.
 */
public class Load {

    static final int CLIENTS = env("CLIENTS", 200);
    static final int DURATION = env("DURATION", 60);
    static final int WARMUP = env("WARMUP", 20);
    static final int WARMUP_CLIENTS = env("WARMUP_CLIENTS", 20);
    static final int CEILING_SECONDS = env("CEILING_SECONDS", 20);
    static final int WRITE_TARGETS = env("WRITE_TARGETS", 10);
    static final int REQUEST_TIMEOUT = env("REQUEST_TIMEOUT", 10);
    static final double WRITE_SHARE = Double.parseDouble(System.getenv().getOrDefault("WRITE_SHARE", "0.2"));
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    static final String AGENCY = "IL/aurora-police-department";

    static String base;
    static String token;
    static long documentId;
    static long[] targets;
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();

    /** What one phase measured. */
    static final class Tally {
        final List<long[]> readNanos = new ArrayList<>();
        final List<long[]> writeNanos = new ArrayList<>();
        final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
        final Map<String, String> errorSamples = new ConcurrentHashMap<>();
        final Set<Long> createdRequests = ConcurrentHashMap.newKeySet();
        /** entry id → the request it was logged on */
        final Map<Long, Long> loggedEntries = new ConcurrentHashMap<>();
        volatile double seconds;

        void error(String what, String detail) {
            errors.computeIfAbsent(what, k -> new AtomicLong()).incrementAndGet();
            errorSamples.putIfAbsent(what, detail);
        }

        long errorCount() {
            return errors.values().stream().mapToLong(AtomicLong::get).sum();
        }
    }

    /** A growable array of latencies, one per client thread. */
    static final class Samples {
        long[] values = new long[4096];
        int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: java Load.java BASE_URL EMAIL PASSWORD");
            System.exit(2);
        }
        base = args[0];
        token = idOr(null, post("/api/v1/tokens", "{\"email\": " + quote(args[1]) + ", \"password\": "
                + quote(args[2]) + ", \"label\": \"load\"}", false), "\"token\"\\s*:\\s*\"([^\"]+)\"");
        targets = new long[WRITE_TARGETS];
        for (int i = 0; i < WRITE_TARGETS; i++) {
            targets[i] = createRequest("shared " + i);
            String filed = post("/api/v1/requests/" + targets[i] + "/events",
                    "{\"date\": \"2025-06-02\", \"direction\": \"sent\", \"status\": \"filed\"}", true);
            idOr(null, filed, null);
        }
        documentId = upload(targets[0]);
        log("set-up: token, %d shared requests, document %d", WRITE_TARGETS, documentId);

        // A cold JIT at 200 clients answers slower than they time out, and each abandoned request
        // is still worked on while new ones queue behind it: warm up with fewer first.
        log("warm-up: %d clients, %d s (not counted)", WARMUP_CLIENTS, WARMUP);
        Tally warmup = run(WARMUP_CLIENTS, WARMUP, false);
        log("mixed: %d clients, %d s, %.0f%% writes", CLIENTS, DURATION, WRITE_SHARE * 100);
        Tally mixed = run(CLIENTS, DURATION, false);
        log("read-back of %d requests and %d entries", mixed.createdRequests.size() + warmup.createdRequests.size(),
                mixed.loggedEntries.size() + warmup.loggedEntries.size());
        long lost = readBack(warmup) + readBack(mixed);
        log("ceiling: %d clients, %d s, GET /css/site.css only", CLIENTS, CEILING_SECONDS);
        Tally ceiling = run(CLIENTS, CEILING_SECONDS, true);

        long[] reads = merge(mixed.readNanos);
        long[] writes = merge(mixed.writeNanos);
        long[] statics = merge(ceiling.readNanos);
        double mixedRate = (reads.length + writes.length) / mixed.seconds;
        double ceilingRate = statics.length / ceiling.seconds;
        System.out.println();
        System.out.printf("%-28s %10s %9s %9s %9s%n", "", "requests", "per s", "p50 ms", "p99 ms");
        row("mixed: reads", reads, mixed.seconds);
        row("mixed: writes", writes, mixed.seconds);
        System.out.printf("%-28s %10d %9.0f%n", "mixed: all", reads.length + writes.length, mixedRate);
        row("ceiling: GET /css/site.css", statics, ceiling.seconds);
        System.out.printf("mixed throughput / ceiling: %.2f%n", mixedRate / ceilingRate);
        System.out.printf("errors: %d in the mixed run, %d in the warm-up, %d in the ceiling run%n",
                mixed.errorCount(), warmup.errorCount(), ceiling.errorCount());
        for (Tally tally : List.of(warmup, mixed, ceiling)) {
            new TreeMap<>(tally.errors).forEach((what, count) -> System.out.printf("  %6d  %s (e.g. %s)%n",
                    count.get(), what, tally.errorSamples.get(what)));
        }
        System.out.printf("writes acknowledged: %d requests created, %d entries logged; lost: %d%n",
                mixed.createdRequests.size() + warmup.createdRequests.size(),
                mixed.loggedEntries.size() + warmup.loggedEntries.size(), lost);
        boolean failed = lost > 0 || warmup.errorCount() + mixed.errorCount() + ceiling.errorCount() > 0;
        System.out.println(failed ? "RESULT: FAILED" : "RESULT: OK (0 errors, 0 lost writes)");
        System.exit(failed ? 1 : 0);
    }

    /** {@code clients} threads for {@code seconds}; each sends one request after another. */
    static Tally run(int clients, int seconds, boolean ceilingOnly) throws InterruptedException {
        Tally tally = new Tally();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        CountDownLatch done = new CountDownLatch(clients);
        Samples[] reads = new Samples[clients];
        Samples[] writes = new Samples[clients];
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            Samples myReads = reads[c] = new Samples();
            Samples myWrites = writes[c] = new Samples();
            Thread client = new Thread(() -> {
                try {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        if (ceilingOnly) {
                            if (read("/css/site.css", false, tally)) {
                                myReads.add(System.nanoTime() - t0);
                            }
                        } else if (random.nextDouble() < WRITE_SHARE) {
                            if (write(random, tally)) {
                                myWrites.add(System.nanoTime() - t0);
                            }
                        } else if (readSomething(random, tally)) {
                            myReads.add(System.nanoTime() - t0);
                        }
                    }
                } finally {
                    done.countDown();
                }
            }, "client-" + c);
            client.setDaemon(true);
            client.start();
        }
        done.await();
        tally.seconds = (System.nanoTime() - started) / 1e9;
        for (int c = 0; c < clients; c++) {
            tally.readNanos.add(reads[c].toArray());
            tally.writeNanos.add(writes[c].toArray());
        }
        return tally;
    }

    static boolean readSomething(ThreadLocalRandom random, Tally tally) {
        return switch (random.nextInt(10)) {
            case 0 -> read("/", false, tally);
            case 1 -> read("/states/il/cities/aurora", false, tally);
            case 2 -> read("/states/il", false, tally);
            case 3 -> read("/api/v1/agencies?state=IL", false, tally);
            case 4 -> read("/api/v1/requests", false, tally);
            case 5 -> read("/api/v1/states", false, tally);
            case 6 -> read("/search?q=ring+camera", false, tally);
            case 7 -> read("/api/v1/search?q=memorandum", false, tally);
            case 8 -> read("/api/v1/documents/" + documentId, true, tally);
            default -> read("/api/v1/documents/" + documentId + "/file", true, tally);
        };
    }

    /** A GET; true when it answered 2xx or 3xx in time (the body is read whole). */
    static boolean read(String path, boolean withToken, Tally tally) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(REQUEST_TIMEOUT)).GET();
        if (withToken) {
            request.header("Authorization", "Bearer " + token);
        }
        String kind = "GET " + path.replaceAll("\\d+", "{n}").replaceAll("\\?.*", "");
        try {
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() >= 400) {
                tally.error(kind + " -> " + response.statusCode(), snippet(response.body()));
                return false;
            }
            return true;
        } catch (IOException e) {
            tally.error(kind + " -> " + e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A write: a new request (one in ten), else an entry on one of the shared requests. */
    static boolean write(ThreadLocalRandom random, Tally tally) {
        if (random.nextInt(10) == 0) {
            String body = "{\"agency\": \"" + AGENCY + "\", \"title\": \"load " + random.nextLong(1_000_000)
                    + "\", \"records\": \"The Ring MOU\", \"allow_duplicate\": true}";
            Long id = send("/api/v1/requests", body, "POST /api/v1/requests", tally);
            if (id != null) {
                tally.createdRequests.add(id);
            }
            return id != null;
        }
        long target = targets[random.nextInt(targets.length)];
        String body = "{\"date\": \"2025-06-03\", \"direction\": \"note\", \"subject\": \"load "
                + random.nextLong(1_000_000) + "\"}";
        Long id = send("/api/v1/requests/" + target + "/events", body, "POST /api/v1/requests/{n}/events", tally);
        if (id != null) {
            tally.loggedEntries.put(id, target);
        }
        return id != null;
    }

    /** A JSON POST with the token; the new thing's id when it answered 201. */
    static Long send(String path, String json, String kind, Tally tally) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(REQUEST_TIMEOUT))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
        try {
            HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 201) {
                tally.error(kind + " -> " + response.statusCode(), snippet(response.body()));
                return null;
            }
            Matcher id = ID.matcher(new String(response.body(), StandardCharsets.UTF_8));
            if (!id.find()) {
                tally.error(kind + " -> 201 without an id", snippet(response.body()));
                return null;
            }
            return Long.parseLong(id.group(1));
        } catch (IOException e) {
            tally.error(kind + " -> " + e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Reads every acknowledged write back; returns how many are missing. */
    static long readBack(Tally tally) throws Exception {
        long lost = 0;
        for (long id : tally.createdRequests) {
            HttpResponse<String> response = get("/api/v1/requests/" + id);
            if (response.statusCode() != 200) {
                log("LOST: request %d answers %d", id, response.statusCode());
                lost++;
            }
        }
        Set<Long> onTargets = new HashSet<>(tally.loggedEntries.values());
        for (long target : onTargets) {
            HttpResponse<String> response = get("/api/v1/requests/" + target);
            int events = response.body().indexOf("\"events\"");
            Set<Long> kept = new HashSet<>();
            Matcher id = ID.matcher(events < 0 ? "" : response.body().substring(events));
            while (id.find()) {
                kept.add(Long.parseLong(id.group(1)));
            }
            for (Map.Entry<Long, Long> entry : tally.loggedEntries.entrySet()) {
                if (entry.getValue() == target && !kept.contains(entry.getKey())) {
                    log("LOST: entry %d on request %d", entry.getKey(), target);
                    lost++;
                }
            }
        }
        return lost;
    }

    static long createRequest(String title) throws Exception {
        return Long.parseLong(idOr(null, post("/api/v1/requests", "{\"agency\": \"" + AGENCY + "\", \"title\": \""
                + title + "\", \"records\": \"The Ring MOU\", \"allow_duplicate\": true}", true), null));
    }

    /** A one-page PDF with a text layer, uploaded onto a new entry of {@code request}. */
    static long upload(long request) throws Exception {
        long event = Long.parseLong(idOr(null, post("/api/v1/requests/" + request + "/events",
                "{\"date\": \"2025-06-04\", \"direction\": \"received\", \"subject\": \"the memorandum\"}", true), null));
        String boundary = "load" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"memo.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.write(pdf("Memorandum of understanding between the police department and Ring"));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        HttpRequest post = HttpRequest.newBuilder(URI.create(base + "/api/v1/requests/" + request + "/events/" + event
                        + "/documents")).timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        HttpResponse<String> response = HTTP.send(post, HttpResponse.BodyHandlers.ofString());
        return Long.parseLong(idOr(response.statusCode() == 201 ? null : response.statusCode(), response.body(), null));
    }

    /** A minimal PDF 1.4 with one page of Helvetica text, its cross-reference table counted here. */
    static byte[] pdf(String text) {
        String stream = "BT /F1 12 Tf 72 720 Td (" + text + ") Tj ET";
        String[] objects = {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
                    + " /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length " + stream.length() + " >>\nstream\n" + stream + "\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        int[] offsets = new int[objects.length];
        for (int i = 0; i < objects.length; i++) {
            offsets[i] = pdf.length();
            pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) {
            pdf.append(String.format("%010d 00000 n \n", offset));
        }
        pdf.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.US_ASCII);
    }

    static String post(String path, String json, boolean withToken) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (withToken) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The first group of {@code pattern} (the "id" by default) in a set-up answer; fails on a bad status. */
    static String idOr(Integer badStatus, String body, String pattern) {
        if (badStatus != null) {
            throw new IllegalStateException("set-up answered " + badStatus + ": " + body);
        }
        Matcher matcher = (pattern == null ? ID : Pattern.compile(pattern)).matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + (pattern == null ? "id" : pattern) + " in: " + body);
        }
        return matcher.group(1);
    }

    static long[] merge(List<long[]> parts) {
        long[] all = parts.stream().flatMapToLong(Arrays::stream).toArray();
        Arrays.sort(all);
        return all;
    }

    static void row(String what, long[] sorted, double seconds) {
        System.out.printf("%-28s %10d %9.0f %9.1f %9.1f%n", what, sorted.length, sorted.length / seconds,
                percentile(sorted, 0.50), percentile(sorted, 0.99));
    }

    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    static String snippet(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).replaceAll("\\s+", " ");
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static int env(String name, int fallback) {
        return Integer.parseInt(System.getenv().getOrDefault(name, String.valueOf(fallback)));
    }

    static void log(String format, Object... args) {
        System.err.printf("   " + format + "%n", args);
    }
}
