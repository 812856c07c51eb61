package nl.werkdesk.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The load generator: Java's HTTP client (HTTP/1.1, keep-alive) on loopback, latencies in an HdrHistogram. Closed
 * loop (N callers, each sends its next request when the last one answered) or open loop (a fixed rate, whatever the
 * answers take). Always bounded: by time and by count.
 */
final class HttpLoad {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** Highest latency the histograms hold, and their precision (3 significant digits). */
    private static final long MAX_LATENCY_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** What a run measured: answers with 2xx, others, wall time, latency of the 2xx answers. */
    record Result(long ok, long failed, double seconds, Histogram latency, String firstFailure) {

        double perSecond() {
            return ok / seconds;
        }

        double millis(double percentile) {
            return latency.getTotalCount() == 0 ? Double.NaN : latency.getValueAtPercentile(percentile) / 1e6;
        }
    }

    /**
     * {@code concurrency} callers send requests made by {@code request} (given a running number) until {@code duration}
     * passed or {@code maxCount} were sent.
     */
    Result closedLoop(int concurrency, Duration duration, long maxCount, LongFunction<HttpRequest> request) {
        Recorder recorder = new Recorder(MAX_LATENCY_NANOS, 3);
        AtomicLong issued = new AtomicLong();
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        long started = System.nanoTime();
        long deadline = started + duration.toNanos();
        List<Thread> callers = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            Thread caller = new Thread(() -> {
                long n;
                while (System.nanoTime() < deadline && (n = issued.getAndIncrement()) < maxCount) {
                    send(request.apply(n), recorder, ok, failed, firstFailure, null);
                }
            }, "load-" + i);
            caller.start();
            callers.add(caller);
        }
        join(callers, duration.plus(REQUEST_TIMEOUT).plusSeconds(5));
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Result(ok.get(), failed.get(), seconds, recorder.getIntervalHistogram(), firstFailure.get());
    }

    /**
     * Requests at a fixed rate (an open loop: a slow answer does not delay the next request), until {@code duration}
     * passed or {@code maxCount} were sent; {@code onSuccess} gets the time (System.nanoTime) of each 2xx answer.
     */
    Result openLoop(double perSecond, Duration duration, long maxCount, LongFunction<HttpRequest> request, LongConsumer onSuccess) {
        Recorder recorder = new Recorder(MAX_LATENCY_NANOS, 3);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        ExecutorService senders = Executors.newFixedThreadPool(64);
        long started = System.nanoTime();
        long interval = (long) (1e9 / perSecond);
        long count = Math.min(maxCount, (long) (duration.toNanos() / (double) interval));
        try {
            for (long n = 0; n < count; n++) {
                long due = started + n * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                long number = n;
                senders.execute(() -> send(request.apply(number), recorder, ok, failed, firstFailure, onSuccess));
            }
            senders.shutdown();
            senders.awaitTermination(REQUEST_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            senders.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Result(ok.get(), failed.get(), seconds, recorder.getIntervalHistogram(), firstFailure.get());
    }

    /** One request, timed; the body of a failure is kept once for the report. */
    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private void send(HttpRequest request, Recorder recorder, AtomicLong ok, AtomicLong failed, AtomicReference<String> firstFailure,
            LongConsumer onSuccess) {
        long sent = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            long answered = System.nanoTime();
            if (response.statusCode() / 100 == 2) {
                recorder.recordValue(Math.min(answered - sent, MAX_LATENCY_NANOS));
                ok.incrementAndGet();
                if (onSuccess != null) {
                    onSuccess.accept(answered);
                }
            } else {
                failed.incrementAndGet();
                firstFailure.compareAndSet(null, response.statusCode() + " " + abbreviate(response.body()));
            }
        } catch (IOException e) {
            failed.incrementAndGet();
            firstFailure.compareAndSet(null, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    private static void join(List<Thread> threads, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        for (Thread thread : threads) {
            try {
                thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
