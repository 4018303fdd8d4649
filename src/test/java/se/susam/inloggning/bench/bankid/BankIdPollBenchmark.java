package se.susam.inloggning.bench.bankid;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import se.susam.inloggning.bench.HttpConnection;
import se.susam.inloggning.bench.Reports;

/**
 * The BankID polling benchmark (README "Benchmark: BankID polling"; run by
 * {@code bench/bankid-poll.sh}). Starts a stub of BankID's RP API, then N browsers each start a
 * BankID login on another device against the server, load the waiting page and poll its status
 * address ({@code /login/bankid/status?t=<poll token>}) once a second, as the page's script does.
 * The polls travel over a bounded pool of keep-alive connections ({@code connections}), as a load
 * balancer in front of the nodes multiplexes many browsers onto few connections: a poll waiting
 * for a free connection counts that wait in its latency. Reports the poll latency percentiles, how
 * often the server collected each order at BankID, and the server's peak heap. Targets: p99 < 50 ms,
 * ≤ 0.5 collects/s per order, heap < 512 MiB.
 *
 * <p>A plain {@code main}, not a test. Arguments {@code key=value}: url, stub-port, logins,
 * ramp (s), warmup (s), duration (s), connections, report (file).
 */
public final class BankIdPollBenchmark {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("SUS_SESSION=([^;]+)");
    private static final Pattern POLL = Pattern.compile("data-poll=\"([^\"]+)\"");
    private static final Pattern HEAP = Pattern.compile("jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} ([0-9.E+]+)");
    private static final Pattern LIVE = Pattern.compile("(?m)^jvm_gc_live_data_size_bytes(?:\\{[^}]*})? ([0-9.E+]+)");
    private static final Pattern CPU = Pattern.compile("(?m)^process_cpu_time_ns_total(?:\\{[^}]*})? ([0-9.E+]+)");

    private BankIdPollBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> settings = new HashMap<>(Map.of("url", "http://127.0.0.1:18191", "stub-port", "18192",
                "logins", "1000", "ramp", "20", "warmup", "10", "duration", "60", "connections", "256", "qr", "false"));
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            settings.put(kv[0], kv[1]);
        }
        String url = settings.get("url");
        int logins = Integer.parseInt(settings.get("logins"));
        Duration ramp = Duration.ofSeconds(Long.parseLong(settings.get("ramp")));
        Duration warmup = Duration.ofSeconds(Long.parseLong(settings.get("warmup")));
        Duration duration = Duration.ofSeconds(Long.parseLong(settings.get("duration")));

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        try (BankIdStub stub = new BankIdStub(Integer.parseInt(settings.get("stub-port")))) {
            Run run = new Run(http, url, logins, Integer.parseInt(settings.get("connections")),
                    Boolean.parseBoolean(settings.get("qr")));
            System.out.printf(Locale.ROOT, "Starting %d BankID logins over %d s…%n", logins, ramp.toSeconds());
            run.startAll(ramp);
            System.out.printf(Locale.ROOT, "%d logins pending (%d failed to start); warm-up %d s…%n",
                    run.started.get(), run.startFailures.get(), warmup.toSeconds());
            Thread.sleep(warmup);
            run.measuring = true;
            stub.startCounting();
            HeapSampler heap = new HeapSampler(http, url);
            Thread sampler = Thread.ofVirtual().start(heap);
            double cpuBefore = serverCpuNanos(http, url);
            String loadBefore = loadAverage();
            Instant start = Instant.now();
            Thread.sleep(duration);
            run.measuring = false;
            stub.stopCounting();
            Duration measured = Duration.between(start, Instant.now());
            heap.cpuNanos = serverCpuNanos(http, url) - cpuBefore;
            heap.load = loadBefore + " at the start, " + loadAverage() + " at the end";
            sampler.interrupt();
            run.stop();
            String report = report(settings, run, stub, heap, measured);
            Reports.printAndKeep(report, Optional.ofNullable(settings.get("report")).map(Path::of));
            System.exit(run.started.get() == logins && run.pollErrors.get() == 0 ? 0 : 1);
        }
    }

    /** The browsers: each starts one login, then polls once a second until stopped. */
    private static final class Run {
        final HttpClient http;
        final String url;
        final int logins;
        final AtomicInteger started = new AtomicInteger();
        final AtomicInteger startFailures = new AtomicInteger();
        final java.util.concurrent.atomic.AtomicReference<String> firstStartFailure =
                new java.util.concurrent.atomic.AtomicReference<>("none");
        final AtomicLong pollErrors = new AtomicLong();
        final AtomicLong late = new AtomicLong();
        final ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();
        /** Whether each browser also reloads the QR image after each poll, as the QR page's script does. */
        final boolean qr;
        final ConcurrentLinkedQueue<long[]> qrLatencies = new ConcurrentLinkedQueue<>();
        final AtomicLong qrErrors = new AtomicLong();
        volatile boolean measuring;
        volatile boolean running = true;
        final List<Thread> browsers = new ArrayList<>();
        /**
         * Logins being started at once. Starting (session, CSRF, /auth, the waiting page) costs the
         * server far more than a poll; unbounded, a ramp faster than the server starts logins piles
         * up requests until the heap is full, which measures the ramp, not the polling.
         */
        final Semaphore starting = new Semaphore(16);
        /** The keep-alive connections the polls share, as behind a load balancer. */
        final BlockingQueue<HttpConnection> connections;
        final int poolSize;

        Run(HttpClient http, String url, int logins, int connections, boolean qr) {
            this.http = http;
            this.qr = qr;
            this.url = url;
            this.logins = logins;
            this.poolSize = connections;
            this.connections = new ArrayBlockingQueue<>(connections);
            for (int i = 0; i < connections; i++) {
                this.connections.add(new HttpConnection(URI.create(url)));
            }
        }

        /** The QR image after a poll, timed like a poll; an answer that is no QR code counts as an error. */
        private void qrImage(String target, String session) {
            long sent = System.nanoTime();
            boolean drawn;
            try {
                HttpConnection.Response image = poll(target, session);
                drawn = image.status() == 200 && image.body().startsWith("<svg");
            } catch (Exception e) {
                drawn = false;
            }
            if (!measuring) {
                return;
            }
            if (drawn) {
                qrLatencies.add(new long[] {System.nanoTime() - sent});
            } else {
                qrErrors.incrementAndGet();
            }
        }

        /** One poll on a connection of the pool; the wait for a free connection is part of it. */
        HttpConnection.Response poll(String target, String session) throws IOException, InterruptedException {
            HttpConnection connection = connections.take();
            try {
                return connection.exchange("GET", target, List.of("Cookie: SUS_SESSION=" + session,
                        "Accept: application/json"), null);
            } catch (IOException e) {
                connection.close();
                throw e;
            } finally {
                connections.add(connection);
            }
        }

        void startAll(Duration ramp) throws InterruptedException {
            CountDownLatch ready = new CountDownLatch(logins);
            long gapNanos = ramp.toNanos() / Math.max(1, logins);
            long t0 = System.nanoTime();
            for (int i = 0; i < logins; i++) {
                long startAt = t0 + i * gapNanos;
                browsers.add(Thread.ofVirtual().start(() -> browser(startAt, ready)));
            }
            // Every login started before the warm-up, or the measured window would time starts (far
            // dearer than polls) as well. Bounded: a server that stops answering must not keep the
            // benchmark waiting; the report says how many had started.
            ready.await(ramp.toSeconds() + 300, java.util.concurrent.TimeUnit.SECONDS);
        }

        /** Stops every browser; waits at most 35 s in all (a poll times out after 30 s). */
        void stop() throws InterruptedException {
            running = false;
            long deadline = System.nanoTime() + Duration.ofSeconds(35).toNanos();
            for (Thread browser : browsers) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                browser.join(Duration.ofNanos(left));
            }
        }

        private void browser(long startAt, CountDownLatch ready) {
            String session;
            String pollTarget;
            try {
                sleepUntil(startAt);
                starting.acquire();
            } catch (InterruptedException e) {
                startFailures.incrementAndGet();
                ready.countDown();
                return;
            }
            try {
                HttpResponse<String> page = http.send(get("/login/bankid", null), HttpResponse.BodyHandlers.ofString());
                session = page.headers().allValues("Set-Cookie").stream().map(SESSION::matcher)
                        .filter(Matcher::find).map(m -> m.group(1)).findFirst().orElseThrow();
                Matcher csrf = CSRF.matcher(page.body());
                if (!csrf.find()) {
                    throw new IllegalStateException("no CSRF token");
                }
                HttpResponse<String> start = http.send(HttpRequest.newBuilder(URI.create(url + "/login/bankid/start"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Cookie", "SUS_SESSION=" + session)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("enhet=annan&_csrf="
                                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (start.statusCode() != 302 || !start.headers().firstValue("Location").orElse("").endsWith("/vantar")) {
                    throw new IllegalStateException("start answered " + start.statusCode());
                }
                Matcher poll = POLL.matcher(http.send(get("/login/bankid/vantar", session),
                        HttpResponse.BodyHandlers.ofString()).body());
                if (!poll.find()) {
                    throw new IllegalStateException("no poll address on the waiting page");
                }
                pollTarget = poll.group(1).replace("&amp;", "&");
                started.incrementAndGet();
            } catch (Exception e) {
                if (startFailures.incrementAndGet() == 1) {
                    firstStartFailure.set(e.toString());
                }
                ready.countDown();
                return;
            } finally {
                starting.release();
            }
            ready.countDown();
            long next = System.nanoTime() + ThreadLocalRandom.current().nextLong(1_000_000_000L);
            List<long[]> mine = new ArrayList<>();
            while (running) {
                sleepUntil(next);
                next += 1_000_000_000L;
                long sent = System.nanoTime();
                try {
                    HttpConnection.Response status = poll(pollTarget, session);
                    long took = System.nanoTime() - sent;
                    if (status.status() != 200 || !status.body().contains("\"pending\"")) {
                        if (measuring) {
                            pollErrors.incrementAndGet();
                        }
                    } else {
                        if (measuring) {
                            latencies.add(new long[] {took});
                        }
                        if (qr) {
                            qrImage(pollTarget.replace("/status", "/qr.svg") + "&n=" + sent, session);
                        }
                    }
                } catch (Exception e) {
                    if (measuring) {
                        pollErrors.incrementAndGet();
                    }
                }
                if (System.nanoTime() > next && measuring) {
                    late.incrementAndGet();
                }
            }
        }

        private HttpRequest get(String path, String session) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(30));
            if (session != null) {
                builder.header("Cookie", "SUS_SESSION=" + session);
            }
            return builder.GET().build();
        }
    }

    /** Samples the server's used heap from its Prometheus endpoint every second. */
    private static final class HeapSampler implements Runnable {
        final HttpClient http;
        final String url;
        volatile double peakBytes;
        /** The old generation after the latest collection: what the pending logins really keep. */
        volatile double liveBytes;
        double cpuNanos;
        String load;

        HeapSampler(HttpClient http, String url) {
            this.http = http;
            this.url = url;
        }

        @Override
        public void run() {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    String metrics = http.send(HttpRequest.newBuilder(URI.create(url + "/actuator/prometheus"))
                                    .timeout(Duration.ofSeconds(10)).build(),
                            HttpResponse.BodyHandlers.ofString()).body();
                    Matcher m = HEAP.matcher(metrics);
                    double used = 0;
                    while (m.find()) {
                        used += Double.parseDouble(m.group(1));
                    }
                    peakBytes = Math.max(peakBytes, used);
                    Matcher live = LIVE.matcher(metrics);
                    if (live.find()) {
                        liveBytes = Math.max(liveBytes, Double.parseDouble(live.group(1)));
                    }
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    // a missed sample; the next one counts
                }
            }
        }
    }

    private static String report(Map<String, String> settings, Run run, BankIdStub stub, HeapSampler heap,
                                 Duration measured) {
        long[] sorted = sorted(run.latencies);
        double seconds = measured.toMillis() / 1000.0;
        int[] perOrder = stub.collects().values().stream().mapToInt(AtomicInteger::get).toArray();
        double maxRate = Arrays.stream(perOrder).max().orElse(0) / seconds;
        double meanRate = Arrays.stream(perOrder).average().orElse(0) / seconds;
        long totalCollects = Arrays.stream(perOrder).asLongStream().sum();
        StringBuilder out = new StringBuilder();
        line(out, "BankID polling benchmark, %s", Instant.now().truncatedTo(ChronoUnit.SECONDS));
        line(out, "Machine          %d cores, %s %s", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"), System.getProperty("java.version"));
        line(out, "Pending logins   %d of %d started (%d failed to start), polled over %d keep-alive connections",
                run.started.get(), run.logins, run.startFailures.get(), run.poolSize);
        line(out, "First start fail %s", run.firstStartFailure.get());
        line(out, "Measured         %.0f s after %s s warm-up", seconds, settings.get("warmup"));
        line(out, "Polls            %d (%.0f/s), %d errors, %d polls late for their second", sorted.length,
                sorted.length / seconds, run.pollErrors.get(), run.late.get());
        line(out, "Poll latency     %s  (target p99 < 50 ms)", percentiles(sorted));
        if (run.qr) {
            long[] qr = sorted(run.qrLatencies);
            line(out, "QR images        %d (%.0f/s), %d errors; latency %s", qr.length, qr.length / seconds,
                    run.qrErrors.get(), percentiles(qr));
        }
        line(out, "Collects         %d to BankID (%.0f/s): per order mean %.2f/s, max %.2f/s  (target <= 0.5/s)",
                totalCollects, totalCollects / seconds, meanRate, maxRate);
        line(out, "Server heap      peak %.0f MiB used  (target < 512 MiB); live after GC at most %.0f MiB, %.1f KiB "
                        + "per pending login", heap.peakBytes / (1024 * 1024), heap.liveBytes / (1024 * 1024),
                heap.liveBytes / 1024 / Math.max(1, run.started.get()));
        line(out, "Server CPU       %.2f ms per poll (%.2f cores busy), load average %s",
                sorted.length == 0 ? Double.NaN : heap.cpuNanos / 1_000_000.0 / sorted.length,
                heap.cpuNanos / 1e9 / seconds, heap.load);
        return out.toString();
    }

    private static double serverCpuNanos(HttpClient http, String url) {
        try {
            Matcher m = CPU.matcher(http.send(HttpRequest.newBuilder(URI.create(url + "/actuator/prometheus"))
                            .timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
        } catch (Exception e) {
            return Double.NaN;
        }
    }

    /** The machine's 1-minute load average: other work on a shared machine shows here. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "?";
        }
    }

    private static long[] sorted(Collection<long[]> latencies) {
        return latencies.stream().mapToLong(l -> l[0]).sorted().toArray();
    }

    /** "p50 …, p90 …, p99 …, max … ms" of sorted latencies in nanoseconds. */
    private static String percentiles(long[] sorted) {
        return String.format(Locale.ROOT, "p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms", percentile(sorted, 50),
                percentile(sorted, 90), percentile(sorted, 99), percentile(sorted, 100));
    }

    private static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1_000_000.0;
    }

    private static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    private static void sleepUntil(long nanoTime) {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(Duration.ofNanos(wait));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
