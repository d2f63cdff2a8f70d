package org.portcullis.benchmarks.relay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The inside daemon's receive folder, as this machine sees it: each file a workload sent is compared
 * (SHA-256) with what arrived there, then removed so that the folder does not fill up.
 */
final class Sink {
    @Option(names = "--sink-dir", required = true, paramLabel = "DIR",
            description = "The inside daemon's receive folder, where every file sent is checked.")
    Path dir;

    /** Compares every file named in {@code sent} (name → SHA-256); returns the differences in words. */
    List<String> check(Map<String, String> sent) throws IOException {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> file : sent.entrySet()) {
            Path received = dir.resolve(file.getKey());
            if (!Files.isRegularFile(received)) {
                problems.add(file.getKey() + " did not arrive");
            } else if (!Payload.sha256(received).equals(file.getValue())) {
                problems.add(file.getKey() + " arrived with a different SHA-256");
            }
            Files.deleteIfExists(received);
        }
        return problems;
    }
}
