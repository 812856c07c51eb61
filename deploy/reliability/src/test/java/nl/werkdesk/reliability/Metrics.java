package nl.werkdesk.reliability;

/** One value from a service's Prometheus endpoint (/q/metrics): the sum over all series of a metric name. */
final class Metrics {

    private Metrics() {
    }

    static double value(ReliabilityStack stack, String module, String metric) {
        Http.Reply reply = Http.send("GET", stack.uri(module, "/q/metrics"), null, null, null, java.util.Map.of("Accept", "text/plain"));
        if (reply.status() != 200) {
            throw new IllegalStateException(module + " /q/metrics: " + reply);
        }
        double sum = 0;
        boolean found = false;
        for (String line : reply.body().split("\n")) {
            if (line.startsWith(metric + " ") || line.startsWith(metric + "{")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                found = true;
            }
        }
        if (!found) {
            throw new IllegalStateException(module + " has no metric " + metric);
        }
        return sum;
    }
}
