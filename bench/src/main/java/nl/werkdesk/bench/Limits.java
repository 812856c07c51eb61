package nl.werkdesk.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.HdrHistogram.Histogram;

/**
 * The physical limits the figures stand beside, measured by the servers' own tools on the same servers in the same
 * run: pgbench for PostgreSQL, Kafka's ProducerPerformance and ConsumerPerformance for the broker (in a JVM of their
 * own, as a service would be).
 */
final class Limits {

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final Pattern PRODUCED = Pattern.compile("(\\d+) records sent, ([0-9.]+) records/sec .*?([0-9.]+) ms avg latency");
    private static final Duration TOOL_TIMEOUT = Duration.ofMinutes(20);

    private Limits() {
    }

    record PgBench(double tps, Histogram latency, long transactions) {

        double millis(double percentile) {
            return latency.getTotalCount() == 0 ? Double.NaN : latency.getValueAtPercentile(percentile) / 1e3;
        }
    }

    /** pgbench with one script, {@code clients} connections, for {@code duration}; latencies from its per-transaction log. */
    static PgBench pgbench(int port, String database, Path script, int clients, Duration duration, Path work) {
        Path logs = work.resolve("pgbench-c" + clients);
        try {
            Files.createDirectories(logs);
            List<String> command = List.of("pgbench", "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", "postgres", "-n",
                    "-M", "prepared", "-c", String.valueOf(clients), "-j", String.valueOf(Math.min(clients, 2)),
                    "-T", String.valueOf(Math.max(1, duration.toSeconds())), "-l", "--log-prefix=" + logs.resolve("tx"),
                    "-f", script.toString(), database);
            String out = run(command, Map.of("PGPASSWORD", "postgres"), work.resolve("pgbench-c" + clients + ".out"));
            Matcher tps = TPS.matcher(out);
            if (!tps.find()) {
                throw new IllegalStateException("pgbench printed no tps:\n" + out);
            }
            Histogram latency = new Histogram(60_000_000L, 3);
            long transactions = 0;
            try (Stream<Path> files = Files.list(logs)) {
                for (Path file : files.toList()) {
                    for (String line : Files.readAllLines(file)) {
                        String[] fields = line.split(" ");
                        if (fields.length >= 3) {
                            latency.recordValue(Math.min(Long.parseLong(fields[2]), 60_000_000L));
                            transactions++;
                        }
                    }
                }
            }
            return new PgBench(Double.parseDouble(tps.group(1)), latency, transactions);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Produced(long records, double perSecond, double avgLatencyMs, String line) {
    }

    /** ProducerPerformance: acks=all, idempotent and transactional like the relay, as fast as it can. */
    static Produced producerPerformance(String bootstrap, String topic, long records, int recordSize, long transactionMillis,
            Path work) {
        List<String> command = kafkaTool("org.apache.kafka.tools.ProducerPerformance");
        command.addAll(List.of("--topic", topic, "--num-records", String.valueOf(records), "--record-size", String.valueOf(recordSize),
                "--throughput", "-1", "--transactional-id", "werkdesk-bench-perf-" + System.nanoTime(),
                "--transaction-duration-ms", String.valueOf(transactionMillis), "--producer-props", "bootstrap.servers=" + bootstrap,
                "acks=all", "enable.idempotence=true", "linger.ms=5", "max.in.flight.requests.per.connection=5"));
        String out = run(command, Map.of(), work.resolve("producer-performance.out"));
        Matcher last = null;
        Matcher m = PRODUCED.matcher(out);
        while (m.find()) {
            last = PRODUCED.matcher(m.group());
            last.find();
        }
        if (last == null) {
            throw new IllegalStateException("ProducerPerformance printed no result:\n" + out);
        }
        return new Produced(Long.parseLong(last.group(1)), Double.parseDouble(last.group(2)), Double.parseDouble(last.group(3)),
                last.group());
    }

    record Consumed(long records, double seconds) {
    }

    /** ConsumerPerformance over one topic from its beginning, read committed; fetch time (without the group join). */
    static Consumed consumerPerformance(String bootstrap, String topic, long records, Path work) {
        try {
            Path config = work.resolve("consumer.properties");
            Files.writeString(config, "isolation.level=read_committed\nauto.offset.reset=earliest\n");
            List<String> command = kafkaTool("org.apache.kafka.tools.ConsumerPerformance");
            command.addAll(List.of("--bootstrap-server", bootstrap, "--topic", topic, "--messages", String.valueOf(records),
                    "--group", "werkdesk-bench-" + System.nanoTime(), "--consumer.config", config.toString(), "--timeout", "60000"));
            String out = run(command, Map.of(), work.resolve("consumer-performance-" + topic + ".out"));
            // start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms,
            // fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec
            for (String line : out.split("\n")) {
                String[] fields = line.split(",\\s*");
                if (fields.length >= 10 && fields[4].trim().matches("\\d+")) {
                    return new Consumed(Long.parseLong(fields[4].trim()), Double.parseDouble(fields[7].trim()) / 1e3);
                }
            }
            throw new IllegalStateException("ConsumerPerformance printed no result:\n" + out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> kafkaTool(String mainClass) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        return command;
    }

    /** Runs a tool to its end (bounded), its output kept in a file; returns the output. */
    static String run(List<String> command, Map<String, String> environment, Path output) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(TOOL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " did not finish within " + TOOL_TIMEOUT);
            }
            String out = Files.readString(output);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command.subList(0, Math.min(4, command.size()))) + " failed (exit "
                        + process.exitValue() + "):\n" + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
