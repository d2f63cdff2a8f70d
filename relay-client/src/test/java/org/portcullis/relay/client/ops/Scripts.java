package org.portcullis.relay.client.ops;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the scripts of {@code ops/} and the launchers of {@code bin/} as an administrator would. */
final class Scripts {
    /** The source tree: the module's folder is its working directory under Maven. */
    static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** What a script printed (stdout and stderr together) and its exit status. */
    record Result(int exitCode, String output) {
    }

    private Scripts() {
    }

    /** Runs a program to its end, with JAVA set to this JVM's java and no PORTCULLIS_HOME. */
    static Result run(Map<String, String> environment, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("PORTCULLIS_HOME");
        builder.environment().put("JAVA", java());
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS), () -> String.join(" ", command)
                + " did not end: " + output);
        return new Result(process.exitValue(), output);
    }

    static Result run(String... command) throws IOException, InterruptedException {
        return run(Map.of(), command);
    }

    /** {@code ops/NAME} of the source tree, with arguments. */
    static String[] ops(String name, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(REPO.resolve("ops").resolve(name).toString());
        command.addAll(List.of(arguments));
        return command.toArray(String[]::new);
    }

    static String java() {
        return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** A file's text, empty while it does not exist. */
    static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
