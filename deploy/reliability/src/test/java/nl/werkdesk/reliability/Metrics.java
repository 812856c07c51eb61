package nl.werkdesk.reliability;

/**
 * One value from a service's Prometheus endpoints (/q/metrics): the sum over all series of a metric name and over all
 * replicas of the service (the relay's figures come from the one replica that runs it, the others show 0), as a
 * dashboard sums them.
 */
final class Metrics {

    private Metrics() {
    }

    static double value(ReliabilityStack stack, String module, String metric) {
        double sum = 0;
        for (int replica = 0; replica < stack.service(module).replicas(); replica++) {
            sum += value(stack, module, replica, metric);
        }
        return sum;
    }

    private static double value(ReliabilityStack stack, String module, int replica, String metric) {
        Http.Reply reply = Http.send("GET", stack.uri(module, replica, "/q/metrics"), null, null, null, java.util.Map.of("Accept", "text/plain"));
        if (reply.status() != 200) {
            throw new IllegalStateException(module + " replica " + replica + " /q/metrics: " + reply);
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
