package nl.werkdesk.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a run measures and how big. The defaults are the full sizes; --quick makes every size tiny, to prove
 * the harness in a few minutes. Any size can be set on its own (--relay-events 50000 ...).
 */
final class Options {

    boolean quick;
    Duration appendDuration = Duration.ofSeconds(20);
    long appendMaxRequests = 200_000;
    /** Long enough for C1 to compile the command's and the consumers' paths on 2 cores (a 10 s warm-up left a minute of it). */
    Duration warmup = Duration.ofSeconds(60);
    long relayEvents = 200_000;
    long rebuildEvents = 1_000_000;
    int volumeParticipants = 100_000;
    Duration endToEndDuration = Duration.ofSeconds(30);
    double endToEndRate = 100;
    int metricsRequests = 500;
    int readParticipants = 100_000;
    int readRequests = 280;
    /** Requests per endpoint before its measured ones, reported apart: the first reads after a start. */
    int readWarmupRequests = 200;
    int readCallers = 4;
    Duration readDuration = Duration.ofSeconds(60);
    int playParallelism = 8;
    String serviceJavaOptions;
    boolean jfr;
    /** Keep the stack this long after it started, measuring nothing (for profiling by hand); 0: off. */
    long holdSeconds;
    String date;
    /** Where the report goes instead of bench/results/DATE.md (a CI smoke run keeps it out of the results). */
    String reportFile;
    List<String> skip = new ArrayList<>();

    static Options parse(String[] args) {
        Options options = new Options();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : (i + 1 < args.length ? args[i + 1] : null);
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            boolean consumed = !arg.contains("=");
            switch (name) {
                case "--quick" -> {
                    options.quick();
                    consumed = false;
                }
                case "--help", "-h" -> {
                    System.out.println(USAGE);
                    System.exit(0);
                }
                case "--jfr" -> {
                    options.jfr = true;
                    consumed = false;
                }
                case "--append-seconds" -> options.appendDuration = Duration.ofSeconds(Long.parseLong(value));
                case "--warmup-seconds" -> options.warmup = Duration.ofSeconds(Long.parseLong(value));
                case "--relay-events" -> options.relayEvents = Long.parseLong(value);
                case "--rebuild-events" -> options.rebuildEvents = Long.parseLong(value);
                case "--participants" -> options.volumeParticipants = Integer.parseInt(value);
                case "--e2e-seconds" -> options.endToEndDuration = Duration.ofSeconds(Long.parseLong(value));
                case "--metrics-requests" -> options.metricsRequests = Integer.parseInt(value);
                case "--read-participants" -> options.readParticipants = Integer.parseInt(value);
                case "--read-requests" -> options.readRequests = Integer.parseInt(value);
                case "--read-warmup-requests" -> options.readWarmupRequests = Integer.parseInt(value);
                case "--read-seconds" -> options.readDuration = Duration.ofSeconds(Long.parseLong(value));
                case "--service-java-opts" -> options.serviceJavaOptions = value;
                case "--date" -> options.date = value;
                case "--report" -> options.reportFile = value;
                case "--hold" -> options.holdSeconds = Long.parseLong(value);
                case "--skip" -> options.skip = List.of(value.split(","));
                default -> throw new IllegalArgumentException("Unknown option " + arg + "\n" + USAGE);
            }
            if (consumed) {
                i++;
            }
        }
        return options;
    }

    private void quick() {
        quick = true;
        appendDuration = Duration.ofSeconds(3);
        warmup = Duration.ofSeconds(3);
        relayEvents = 2_000;
        rebuildEvents = 20_000;
        volumeParticipants = 30;
        endToEndDuration = Duration.ofSeconds(5);
        metricsRequests = 50;
        readParticipants = 300;
        readRequests = 56;
        readWarmupRequests = 8;
        readDuration = Duration.ofSeconds(10);
    }

    boolean runs(String section) {
        return !skip.contains(section);
    }

    static final String USAGE = String.join("\n",
            "Usage: bench/run.sh [--quick] [--append-seconds N] [--warmup-seconds N] [--relay-events N] [--rebuild-events N]",
            "                    [--participants N] [--e2e-seconds N] [--metrics-requests N] [--service-java-opts \"...\"] [--jfr]",
            "                    [--read-participants N] [--read-requests N] [--read-warmup-requests N] [--read-seconds N]",
            "                    [--skip append,e2e,relay,volume,rebuild,reads] [--date YYYY-MM-DD] [--report FILE]",
            "Defaults are the issue's sizes (200k relay backlog, 1M events rebuild, 100,000 participants).");
}
