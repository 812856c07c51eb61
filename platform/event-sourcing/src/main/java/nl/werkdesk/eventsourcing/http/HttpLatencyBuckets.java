package nl.werkdesk.eventsourcing.http;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Latency buckets for {@code http_server_requests_seconds}, so that dashboards and alerts can compute percentiles
 * ({@code histogram_quantile}) over all replicas. A few fixed buckets, not Micrometer's full histogram: one series per
 * bucket, method, route and status is what each bucket costs.
 */
public class HttpLatencyBuckets {

    @Produces
    @Singleton
    MeterFilter httpServerRequestBuckets(@ConfigProperty(name = "werkdesk.metrics.http-latency-buckets") List<Duration> buckets) {
        double[] nanos = buckets.stream().mapToDouble(Duration::toNanos).sorted().toArray();
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals("http.server.requests")) {
                    return config;
                }
                return DistributionStatisticConfig.builder().serviceLevelObjectives(nanos).build().merge(config);
            }
        };
    }
}
