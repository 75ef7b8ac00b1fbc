package org.acceso.bench;

import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * The load generator: plain JDK {@link HttpClient} (HTTP/1.1, keep-alive) with latencies in HdrHistogram. A closed
 * loop ({@link #closed}: {@code c} workers, each sends its next call when the previous one answered: throughput at a
 * concurrency) and an open loop ({@link #open}: calls at a fixed rate whatever the answers: latency under a steady
 * load, as in the drills). A kept library for the arithmetic, no load tool to install: the harness drives the stack
 * through the launcher in the same JVM, fetches real tokens and checks e-mails and clocks per filing.
 */
final class Load {

    static final Duration TIMEOUT = Duration.ofSeconds(15);

    /** One level of a closed loop. */
    record Level(String target, int concurrency, double seconds, long ok, double throughput, Summary latency,
                 Map<String, Long> errors) {

        long errorCount() {
            return errors.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private Load() {
    }

    static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(4, daemon("bench-http"))).build();
    }

    /** Sends one call; never throws (a failed connection is a sample with status -1). */
    static Sample send(long n, HttpClient client, HttpRequest request) {
        long sentEpoch = System.currentTimeMillis();
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Sample(n, sentEpoch, start, System.nanoTime() - start, response.statusCode(), null, response.body());
        } catch (IOException e) {
            return new Sample(n, sentEpoch, start, System.nanoTime() - start, -1, e.getClass().getSimpleName(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Sample(n, sentEpoch, start, System.nanoTime() - start, -1, "interrupted", null);
        }
    }

    /**
     * {@code concurrency} workers call {@code call} (given a running number) for {@code warmup + measure}; only the
     * calls sent during {@code measure} count in the figures, every call goes to {@code onSample}.
     */
    static Level closed(String target, HttpClient client, LongFunction<HttpRequest> call, int concurrency,
                        Duration warmup, Duration measure, Consumer<Sample> onSample) {
        Histogram histogram = Summary.micros();
        Map<String, Long> errors = new TreeMap<>();
        AtomicLong ok = new AtomicLong();
        AtomicLong counter = new AtomicLong();
        long begin = System.nanoTime();
        long measureFrom = begin + warmup.toNanos();
        long end = measureFrom + measure.toNanos();
        ExecutorService workers = Executors.newFixedThreadPool(concurrency, daemon("bench-worker"));
        for (int w = 0; w < concurrency; w++) {
            workers.submit(() -> {
                while (System.nanoTime() < end) {
                    long n = counter.getAndIncrement();
                    Sample sample = send(n, client, call.apply(n));
                    onSample.accept(sample);
                    if (sample.sentNanos() < measureFrom || sample.sentNanos() >= end) {
                        continue;
                    }
                    synchronized (histogram) {
                        if (sample.answered() && sample.status() < 400) {
                            ok.incrementAndGet();
                            histogram.recordValue(Math.max(1, sample.latencyNanos() / 1000));
                        } else {
                            errors.merge(sample.outcome(), 1L, Long::sum);
                        }
                    }
                }
                return null;
            });
        }
        shutdown(workers, measure.plus(warmup).plus(TIMEOUT).plusSeconds(10));
        double seconds = measure.toMillis() / 1000.0;
        return new Level(target, concurrency, seconds, ok.get(), ok.get() / seconds, Summary.ofMicros(histogram),
                errors);
    }

    /** The outcome of an open loop: every sample, and the calls not sent because every worker was busy. */
    record Open(List<Sample> samples, long skipped) {
    }

    /** Calls at {@code perSecond} for {@code duration}, at most {@code maxInFlight} at once (beyond: skipped, counted). */
    static Open open(HttpClient client, LongFunction<HttpRequest> call, double perSecond, Duration duration,
                     int maxInFlight, Consumer<Sample> onSample) {
        long end = System.nanoTime() + duration.toNanos();
        return open(client, call, perSecond, () -> System.nanoTime() < end, maxInFlight, onSample);
    }

    /** Calls at {@code perSecond} while {@code keepGoing} says so (a drill: until told to stop). */
    static Open open(HttpClient client, LongFunction<HttpRequest> call, double perSecond,
                     java.util.function.BooleanSupplier keepGoing, int maxInFlight, Consumer<Sample> onSample) {
        List<Sample> samples = new ArrayList<>();
        AtomicInteger inFlight = new AtomicInteger();
        long skipped = 0;
        ExecutorService workers = Executors.newFixedThreadPool(maxInFlight, daemon("bench-open"));
        long interval = (long) (1_000_000_000L / perSecond);
        long begin = System.nanoTime();
        for (long i = 0; ; i++) {
            long due = begin + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                sleepNanos(wait);
            }
            if (!keepGoing.getAsBoolean()) {
                break;
            }
            if (inFlight.get() >= maxInFlight) {
                skipped++;
                continue;
            }
            inFlight.incrementAndGet();
            long n = i;
            workers.submit(() -> {
                try {
                    Sample sample = send(n, client, call.apply(n));
                    synchronized (samples) {
                        samples.add(sample);
                    }
                    onSample.accept(sample);
                } finally {
                    inFlight.decrementAndGet();
                }
            });
        }
        shutdown(workers, TIMEOUT.plusSeconds(10));
        synchronized (samples) {
            return new Open(List.copyOf(samples), skipped);
        }
    }

    static void shutdown(ExecutorService pool, Duration wait) {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    static void sleepNanos(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, name + "-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
