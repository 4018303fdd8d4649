package se.susam.inloggning.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import se.susam.inloggning.demo.BenchPopulation;

/**
 * One load phase: {@code concurrency} virtual users, each logging in again as soon as its last login
 * ended, first for the warm-up and then for the measured duration. A login counts when it ends
 * inside the measured window; its latency is the time from the first request to the SUS page. The
 * phase ends when every virtual user has finished the login it had begun, so the server is idle
 * afterwards.
 */
final class LoadRun {

    /** What the measured window saw. */
    record Result(Duration window, Latencies logins, Map<SmsLoginScript.Step, Latencies> steps,
                  Map<String, Integer> errors, int warmupLogins, int warmupErrors, CpuMeter.Use cpu) {

        double loginsPerSecond() {
            return logins.count() / (window.toNanos() / 1e9);
        }

        int errorCount() {
            return errors.values().stream().mapToInt(Integer::intValue).sum();
        }

        /** Several phases' windows as one, as long as all of them together. */
        static Result combined(List<Result> phases) {
            Tally tally = new Tally();
            Duration window = Duration.ZERO;
            for (Result phase : phases) {
                window = window.plus(phase.window);
                tally.add(phase.logins, phase.steps, phase.errors, phase.warmupLogins, phase.warmupErrors);
            }
            return tally.result(window, CpuMeter.Use.combined(phases.stream().map(Result::cpu).toList()));
        }
    }

    /** Logins, their requests' latencies, errors and warm-up counts, gathered from several sources. */
    private static final class Tally {

        private final Latencies logins = new Latencies();
        private final Map<SmsLoginScript.Step, Latencies> steps = new EnumMap<>(SmsLoginScript.Step.class);
        private final Map<String, Integer> errors = new TreeMap<>();
        private int warmupLogins;
        private int warmupErrors;

        void add(Latencies moreLogins, Map<SmsLoginScript.Step, Latencies> moreSteps,
                 Map<String, Integer> moreErrors, int moreWarmupLogins, int moreWarmupErrors) {
            logins.addAll(moreLogins);
            moreSteps.forEach((step, l) -> steps.computeIfAbsent(step, s -> new Latencies()).addAll(l));
            moreErrors.forEach((what, n) -> errors.merge(what, n, Integer::sum));
            warmupLogins += moreWarmupLogins;
            warmupErrors += moreWarmupErrors;
        }

        Result result(Duration window, CpuMeter.Use cpu) {
            return new Result(window, logins, steps, errors, warmupLogins, warmupErrors, cpu);
        }
    }

    private LoadRun() {
    }

    /** A phase of {@code warmup} and then {@code settings.duration()} measured. */
    static Result run(BenchSettings settings, Duration warmup, CpuMeter meter) throws InterruptedException {
        long measureFrom = System.nanoTime() + warmup.toNanos();
        long measureUntil = measureFrom + settings.duration().toNanos();
        CpuMeter.Sample[] window = new CpuMeter.Sample[2];
        Thread cpu = Thread.ofVirtual().name("cpu-meter").start(() -> {
            try {
                Thread.sleep(Duration.ofNanos(measureFrom - System.nanoTime()));
                window[0] = meter.sample();
                Thread.sleep(Duration.ofNanos(measureUntil - System.nanoTime()));
                window[1] = meter.sample();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        List<VirtualUser> users = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int v = 0; v < settings.concurrency(); v++) {
            VirtualUser user = new VirtualUser(v, settings, new SmsLoginScript(settings.server()),
                    measureFrom, measureUntil);
            users.add(user);
            // A platform thread per virtual user (a few dozen): its blocking read waits in the kernel
            // and wakes once per response. On a virtual thread the JDK's poller thread woke first and
            // then a carrier, two wake-ups per response on the cores the server needs.
            threads.add(Thread.ofPlatform().name("virtual-user-" + v).daemon().start(user));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        cpu.join();
        Tally tally = new Tally();
        for (VirtualUser user : users) {
            tally.add(user.logins, user.steps, user.errors, user.warmupLogins, user.warmupErrors);
        }
        return tally.result(settings.duration(), CpuMeter.between(window[0], window[1]));
    }

    /** One simulated person at a time: virtual user v logs in as persons v, v + C, v + 2C, … in turn. */
    private static final class VirtualUser implements Runnable {

        private final int number;
        private final BenchSettings settings;
        private final SmsLoginScript script;
        private final long measureFrom;
        private final long measureUntil;
        final Latencies logins = new Latencies();
        final Map<SmsLoginScript.Step, Latencies> steps = new EnumMap<>(SmsLoginScript.Step.class);
        final Map<String, Integer> errors = new TreeMap<>();
        int warmupLogins;
        int warmupErrors;

        VirtualUser(int number, BenchSettings settings, SmsLoginScript script, long measureFrom, long measureUntil) {
            this.number = number;
            this.settings = settings;
            this.script = script;
            this.measureFrom = measureFrom;
            this.measureUntil = measureUntil;
            for (SmsLoginScript.Step step : SmsLoginScript.Step.values()) {
                steps.put(step, new Latencies());
            }
        }

        @Override
        public void run() {
            int owned = (settings.users() - number + settings.concurrency() - 1) / settings.concurrency();
            long[] stepNanos = new long[SmsLoginScript.Step.values().length];
            for (int k = 0; System.nanoTime() < measureUntil; k++) {
                BenchPopulation.BenchUser person = BenchPopulation.user(number + (k % owned) * settings.concurrency());
                long start = System.nanoTime();
                try {
                    script.login(person, stepNanos);
                } catch (SmsLoginScript.StepFailed e) {
                    long end = System.nanoTime();
                    if (end < measureFrom) {
                        warmupErrors++;
                    } else if (end <= measureUntil) {
                        errors.merge(e.getMessage(), 1, Integer::sum);
                    }
                    continue;
                }
                long end = System.nanoTime();
                if (end < measureFrom) {
                    warmupLogins++;
                } else if (end <= measureUntil) {
                    logins.record(end - start);
                    for (SmsLoginScript.Step step : SmsLoginScript.Step.values()) {
                        steps.get(step).record(stepNanos[step.ordinal()]);
                    }
                }
            }
            script.close();
        }
    }
}
