package org.portcullis.daemon.pid;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The command line of a running process, to tell whether a PID still belongs to the program that wrote it. */
final class ProcessCommandLine {
    private static final Path PROC = Path.of("/proc");

    private ProcessCommandLine() {
    }

    /**
     * The arguments of process {@code pid} (the program first), empty when no such process runs. Reads
     * {@code /proc/PID/cmdline}, which is readable for every user's processes; elsewhere asks ProcessHandle.
     */
    static Optional<List<String>> of(long pid) {
        if (Files.isDirectory(PROC)) {
            try {
                return Optional.of(split(Files.readAllBytes(PROC.resolve(Long.toString(pid)).resolve("cmdline"))));
            } catch (NoSuchFileException gone) {
                return Optional.empty();
            } catch (IOException unreadable) {
                // Hidden by hidepid, say: the process runs, what it is cannot be told.
                return Optional.of(List.of());
            }
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(process -> {
            List<String> line = new ArrayList<>();
            process.info().command().ifPresent(line::add);
            process.info().arguments().ifPresent(arguments -> line.addAll(Arrays.asList(arguments)));
            return line;
        });
    }

    /** NUL-separated arguments, as the kernel keeps them. */
    static List<String> split(byte[] cmdline) {
        List<String> arguments = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= cmdline.length; i++) {
            if (i == cmdline.length || cmdline[i] == 0) {
                if (i > start) {
                    arguments.add(new String(cmdline, start, i - start, StandardCharsets.UTF_8));
                }
                start = i + 1;
            }
        }
        return arguments;
    }
}
