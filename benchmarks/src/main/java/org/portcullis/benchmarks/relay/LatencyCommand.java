package org.portcullis.benchmarks.relay;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Workload 4, latency: in one session, times SFID → SFPA round trips of empty files (RFC 5024 §4.3.3), one
 * after the other, after a warm-up session of the same kind; reports p50 and p99 in microseconds.
 */
@Command(name = "latency", mixinStandardHelpOptions = true,
        description = "Times SFID -> SFPA round trips and reports p50 and p99.")
final class LatencyCommand implements Callable<Integer> {
    private static final long SESSION_TIMEOUT_SECONDS = 600;

    @Spec
    CommandSpec spec;

    @Mixin
    Target target;

    @Option(names = "--exchanges", defaultValue = "5000", description = "Round trips timed.")
    int exchanges;

    @Option(names = "--warmup", defaultValue = "2000", description = "Round trips of the warm-up session.")
    int warmup;

    @Override
    public Integer call() throws Exception {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            ProbeClient client = new ProbeClient(target, group);
            if (warmup > 0) {
                // A timing session of no exchanges would wait for a first one that never comes.
                run(client, warmup);
            }
            long[] roundTrips = run(client, exchanges);
            Arrays.sort(roundTrips);
            spec.commandLine().getOut().printf("RESULT workload=latency exchanges=%d p50us=%.1f p99us=%.1f%n",
                    exchanges, percentile(roundTrips, 0.50) / 1e3, percentile(roundTrips, 0.99) / 1e3);
            return 0;
        } finally {
            group.shutdownGracefully(50, 5_000, TimeUnit.MILLISECONDS).syncUninterruptibly();
        }
    }

    private static long[] run(ProbeClient client, int count) throws Exception {
        ProbeSession probe = ProbeSession.timing(count);
        client.open(probe);
        return probe.finished().get(SESSION_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /** The nearest-rank percentile of sorted values. */
    private static long percentile(long[] sorted, double fraction) {
        int rank = (int) Math.ceil(fraction * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
