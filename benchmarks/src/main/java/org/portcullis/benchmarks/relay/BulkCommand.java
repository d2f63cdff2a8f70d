package org.portcullis.benchmarks.relay;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.portcullis.oftp2.peer.OftpPeer;
import org.portcullis.oftp2.peer.SessionResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Workload 1, bulk throughput: sends {@code --files} files of {@code --size} octets at once, one reference
 * peer session each (RFC 5024 §4.3), and reports the file octets per second of wall-clock time from the
 * first connection to the last session's end (MB/s, 10^6 octets). Every file is then compared at the sink.
 */
@Command(name = "bulk", mixinStandardHelpOptions = true, description = "Sends large files at once, measures MB/s.")
final class BulkCommand implements Callable<Integer> {
    private static final long SESSION_TIMEOUT_SECONDS = 1800;

    @Spec
    CommandSpec spec;

    @Mixin
    Target target;

    @Mixin
    Sink sink;

    @Option(names = "--files", defaultValue = "1", description = "Files (sessions) at once.")
    int files;

    @Option(names = "--size", defaultValue = "1073741824", description = "Octets per file.")
    long size;

    @Option(names = "--work", required = true, paramLabel = "DIR", description = "Folder for the send folders.")
    Path work;

    @Option(names = "--name", defaultValue = "BULK", description = "Prefix of the dataset names (A-Z 0-9 -).")
    String name;

    @Override
    public Integer call() throws Exception {
        Map<String, String> sent = new LinkedHashMap<>();
        List<Path> sendDirs = new ArrayList<>();
        SplittableRandom random = new SplittableRandom();
        for (int i = 0; i < files; i++) {
            Path dir = Files.createDirectories(work.resolve(name + "-" + i));
            String dataset = name + "-" + i;
            sent.put(dataset, Payload.write(dir.resolve(dataset), size, random));
            sendDirs.add(dir);
        }
        List<String> problems = new ArrayList<>();
        long started;
        long ended;
        try (OftpPeer peer = OftpPeer.create(2, files)) {
            List<CompletableFuture<SessionResult>> results = new ArrayList<>();
            started = System.nanoTime();
            for (Path dir : sendDirs) {
                results.add(peer.client(target.peerConfig(dir)).connect(target.address));
            }
            CompletableFuture.allOf(results.toArray(CompletableFuture[]::new))
                    .get(SESSION_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            ended = System.nanoTime();
            for (int i = 0; i < files; i++) {
                String problem = Delivery.problem(results.get(i).join(), name + "-" + i);
                if (problem != null) {
                    problems.add(problem);
                }
            }
        }
        problems.addAll(sink.check(sent));
        for (Path dir : sendDirs) {
            Cleanup.delete(dir);
        }
        double seconds = (ended - started) / 1e9;
        spec.commandLine().getOut().printf("RESULT workload=bulk files=%d octets=%d seconds=%.2f mbps=%.1f%n",
                files, files * size, seconds, files * size / 1e6 / seconds);
        problems.forEach(spec.commandLine().getErr()::println);
        return problems.isEmpty() ? 0 : 1;
    }
}
