package org.portcullis.benchmarks.relay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.portcullis.oftp2.peer.OftpPeer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Workload 2, session set-up rate: sessions that each send one small file (RFC 5024 §4.2 to §4.5),
 * {@code --concurrency} at a time, each over a new TLS connection with a client certificate and a TLS
 * context of its own, so that no TLS session is resumed. Reports sessions per second after a warm-up.
 */
@Command(name = "setup", mixinStandardHelpOptions = true,
        description = "New sessions each sending one small file; measures sessions/s.")
final class SetupCommand implements Callable<Integer> {
    private static final long SESSION_TIMEOUT_SECONDS = 600;

    @Spec
    CommandSpec spec;

    @Mixin
    Target target;

    @Mixin
    Sink sink;

    @Option(names = "--sessions", defaultValue = "2000", description = "Sessions timed.")
    int sessions;

    @Option(names = "--warmup", defaultValue = "300", description = "Sessions run first, not timed.")
    int warmup;

    @Option(names = "--concurrency", defaultValue = "32", description = "Sessions at once.")
    int concurrency;

    @Option(names = "--size", defaultValue = "1024", description = "Octets of each session's file.")
    int size;

    @Option(names = "--work", required = true, paramLabel = "DIR", description = "Folder for the send folders.")
    Path work;

    @Option(names = "--name", defaultValue = "SETUP", description = "Prefix of the dataset names (A-Z 0-9 -).")
    String name;

    private final Map<String, String> sent = new ConcurrentHashMap<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();

    @Override
    public Integer call() throws Exception {
        double seconds;
        try (OftpPeer peer = OftpPeer.create(2, concurrency)) {
            run(peer, name + "W", warmup);
            long started = System.nanoTime();
            run(peer, name, sessions);
            seconds = (System.nanoTime() - started) / 1e9;
        }
        problems.addAll(sink.check(sent));
        Cleanup.delete(work.resolve(name));
        spec.commandLine().getOut().printf("RESULT workload=setup sessions=%d concurrency=%d seconds=%.2f rate=%.1f%n",
                sessions, concurrency, seconds, sessions / seconds);
        problems.stream().limit(20).forEach(spec.commandLine().getErr()::println);
        return problems.isEmpty() ? 0 : 1;
    }

    /** Runs {@code count} sessions on {@code concurrency} threads, each waiting for its session in turn. */
    private void run(OftpPeer peer, String prefix, int count) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        SplittableRandom random = new SplittableRandom();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            SplittableRandom own = random.split();
            Thread worker = new Thread(() -> work(peer, prefix, next, count, own), "setup-" + w);
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
    }

    /**
     * Each session has a send folder of its own, removed after it: a file whose receipt (EERP) comes in
     * another session stays in its folder, and a later session from that folder would send it again.
     */
    private void work(OftpPeer peer, String prefix, AtomicInteger next, int count, SplittableRandom random) {
        for (int i = next.getAndIncrement(); i < count && problems.isEmpty(); i = next.getAndIncrement()) {
            String dataset = prefix + "-" + i;
            Path dir = work.resolve(name).resolve(dataset);
            try {
                Files.createDirectories(dir);
                sent.put(dataset, Payload.write(dir.resolve(dataset), size, random));
                String problem = Delivery.problem(peer.client(target.peerConfig(dir)).connect(target.address)
                        .get(SESSION_TIMEOUT_SECONDS, TimeUnit.SECONDS), dataset);
                if (problem != null) {
                    problems.add(problem);
                }
                Cleanup.delete(dir);
            } catch (IOException | ExecutionException | TimeoutException e) {
                problems.add(dataset + ": " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                problems.add(dataset + ": interrupted");
            }
        }
    }
}
