package nl.werkdesk.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a service spent its CPU, from a JFR recording (bench/run.sh --jfr): the methods most often on top of the
 * sampled stacks (self), and the methods most often anywhere on them (total), optionally only those whose class
 * starts with a prefix. Usage: java -cp ... nl.werkdesk.bench.JfrSummary FILE.jfr [TOP] [PREFIX]
 */
public final class JfrSummary {

    private JfrSummary() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        String prefix = args.length > 2 ? args[2] : "";
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> total = new HashMap<>();
        Map<String, Integer> threads = new HashMap<>();
        Map<String, Integer> packages = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                continue;
            }
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            samples++;
            var thread = event.getThread("sampledThread");
            threads.merge(thread == null ? "?" : thread.getJavaName().replaceAll("[0-9]+", "N"), 1, Integer::sum);
            List<RecordedFrame> frames = stack.getFrames();
            self.merge(name(frames.get(0)), 1, Integer::sum);
            Set<String> seenPackages = new HashSet<>();
            for (RecordedFrame frame : frames) {
                String[] parts = frame.getMethod().getType().getName().split("\\.");
                String pkg = String.join(".", java.util.Arrays.copyOf(parts, Math.min(3, parts.length - 1)));
                if (seenPackages.add(pkg)) {
                    packages.merge(pkg, 1, Integer::sum);
                }
            }
            Set<String> seen = new HashSet<>();
            for (RecordedFrame frame : frames) {
                String name = name(frame);
                if (name.startsWith(prefix) && seen.add(name)) {
                    total.merge(name, 1, Integer::sum);
                }
            }
        }
        System.out.println(file + ": " + samples + " execution samples");
        print("threads", threads, top, samples);
        print("packages anywhere on the stack", packages, top, samples);
        print("self (top of stack)", self, top, samples);
        print("total (anywhere on the stack" + (prefix.isEmpty() ? "" : ", " + prefix + "*") + ")", total, top, samples);
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static void print(String title, Map<String, Integer> counts, int top, int samples) {
        System.out.println("-- " + title);
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(e -> System.out.printf("%6d %5.1f%%  %s%n", e.getValue(), 100.0 * e.getValue() / samples, e.getKey()));
    }
}
