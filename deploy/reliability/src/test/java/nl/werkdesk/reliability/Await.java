package nl.werkdesk.reliability;

import java.time.Duration;
import java.util.function.Supplier;

/** Waiting for a condition, bounded: polls with a growing pause and fails with what it saw last. */
final class Await {

    private static final Duration FIRST_PAUSE = Duration.ofMillis(100);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(1);

    private Await() {
    }

    /** The first non-null value of the probe; fails after the timeout, naming what it waited for. */
    static <T> T until(String what, Duration timeout, Supplier<T> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Duration pause = FIRST_PAUSE;
        RuntimeException last = null;
        while (true) {
            try {
                T value = probe.get();
                if (value != null) {
                    return value;
                }
            } catch (RuntimeException e) {
                last = e;
            }
            if (System.nanoTime() > deadline) {
                AssertionError failure = new AssertionError("waited " + timeout.toSeconds() + " s for " + what
                        + (last == null ? "" : "; last failure: " + last));
                if (last != null) {
                    failure.initCause(last);
                }
                throw failure;
            }
            sleep(pause);
            pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
