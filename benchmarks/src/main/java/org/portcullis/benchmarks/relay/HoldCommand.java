package org.portcullis.benchmarks.relay;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Workload 3, concurrency: opens many sessions, holds each after the SSID exchange (RFC 5024 §4.2) and
 * reports the memory the watched processes gained per session held: resident set, and for JVMs the heap
 * in use after a full collection.
 */
@Command(name = "hold", mixinStandardHelpOptions = true,
        description = "Holds many sessions open after SSID and reports memory per session.")
final class HoldCommand implements Callable<Integer> {
    private static final long OPEN_TIMEOUT_SECONDS = 900;

    @Spec
    CommandSpec spec;

    @Mixin
    Target target;

    @Option(names = "--sessions", defaultValue = "10000", description = "Sessions held at once.")
    int sessions;

    @Option(names = "--in-flight", defaultValue = "32", description = "Sessions being opened at once.")
    int inFlight;

    @Option(names = "--watch", paramLabel = "NAME=PID", description = "A process whose resident set is read.")
    Map<String, Long> watched = new LinkedHashMap<>();

    @Option(names = "--jvm", paramLabel = "NAME=PID", description = "A JVM whose resident set and heap are read.")
    Map<String, Long> jvms = new LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        List<Channel> channels = new ArrayList<>(sessions);
        try {
            Map<String, long[]> before = measure();
            long started = System.nanoTime();
            CompletableFuture<Void> all = open(new ProbeClient(target, group), channels);
            all.get(OPEN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            double seconds = (System.nanoTime() - started) / 1e9;
            Map<String, long[]> after = measure();
            StringBuilder line = new StringBuilder("RESULT workload=hold sessions=" + sessions)
                    .append(String.format(" openSeconds=%.1f", seconds));
            after.forEach((name, values) -> {
                long[] base = before.get(name);
                line.append(String.format(" %s.rssKiB=%d %s.rssPerSessionKiB=%.2f", name, values[0], name,
                        (values[0] - base[0]) / (double) sessions));
                if (values.length > 1) {
                    line.append(String.format(" %s.heapKiB=%d %s.heapPerSessionKiB=%.2f", name, values[1], name,
                            (values[1] - base[1]) / (double) sessions));
                }
            });
            spec.commandLine().getOut().println(line);
            return 0;
        } finally {
            channels.forEach(Channel::close);
            group.shutdownGracefully(50, 5_000, TimeUnit.MILLISECONDS).syncUninterruptibly();
        }
    }

    /** Opens the sessions, at most {@code inFlight} at a time; completes when every one is held. */
    private CompletableFuture<Void> open(ProbeClient client, List<Channel> channels) throws InterruptedException {
        Semaphore permits = new Semaphore(inFlight);
        List<CompletableFuture<Void>> starts = new ArrayList<>(sessions);
        for (int i = 0; i < sessions; i++) {
            permits.acquire();
            ProbeSession probe = ProbeSession.holding();
            probe.started().whenComplete((ignored, failure) -> permits.release());
            channels.add(client.open(probe));
            starts.add(probe.started());
            if (probe.started().isCompletedExceptionally()) {
                break;
            }
        }
        return CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new));
    }

    /** Per process: {resident KiB} or, for a JVM, {resident KiB, heap used KiB}. */
    private Map<String, long[]> measure() throws IOException, InterruptedException {
        Map<String, long[]> values = new LinkedHashMap<>();
        for (Map.Entry<String, Long> jvm : jvms.entrySet()) {
            long heap = ProcessMemory.heapUsedAfterGcKib(jvm.getValue());
            values.put(jvm.getKey(), new long[] {ProcessMemory.residentKib(jvm.getValue()), heap});
        }
        for (Map.Entry<String, Long> process : watched.entrySet()) {
            values.put(process.getKey(), new long[] {ProcessMemory.residentKib(process.getValue())});
        }
        return values;
    }
}
