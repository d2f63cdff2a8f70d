package org.portcullis.config;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hash-password}: reads a partner's SSID password and prints its {@link PasswordHash}. */
@Command(name = "hash-password", mixinStandardHelpOptions = true,
        description = "Reads a partner's SSID password from standard input or a file and prints its salted hash.")
public final class HashPasswordCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--password-file", paramLabel = "FILE", description = "read the password from this file")
    private Path passwordFile;

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("being written");
    }
}
