package org.portcullis.benchmarks.relay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The memory of another process on this machine: resident set from {@code /proc/PID/status}, and for a
 * JVM the heap in use after a full collection, asked with {@code jcmd} (GC.run, then GC.heap_info).
 */
final class ProcessMemory {
    private static final Pattern VM_RSS = Pattern.compile("VmRSS:\\s+(\\d+) kB");
    /**
     * A heap's or a generation's line: G1 prints one ("garbage-first heap total NNNK, used NNNK"), Serial and
     * Parallel one per generation (young, then old), whose sum is the heap in use. Their sub-spaces (eden, from,
     * to) and Metaspace print no "total".
     */
    private static final Pattern HEAP_USED = Pattern.compile("total \\d+K, used (\\d+)K");
    private static final long JCMD_TIMEOUT_SECONDS = 120;

    private ProcessMemory() {
    }

    /** Resident set size in KiB. */
    static long residentKib(long pid) throws IOException {
        String status = Files.readString(Path.of("/proc", Long.toString(pid), "status"));
        Matcher matcher = VM_RSS.matcher(status);
        if (!matcher.find()) {
            throw new IOException("no VmRSS in /proc/" + pid + "/status");
        }
        return Long.parseLong(matcher.group(1));
    }

    /** Collects the JVM's garbage, then returns the heap in use in KiB. */
    static long heapUsedAfterGcKib(long pid) throws IOException, InterruptedException {
        jcmd(pid, "GC.run");
        return heapUsedKib(pid, jcmd(pid, "GC.heap_info"));
    }

    /** The heap in use in KiB, from what {@code jcmd PID GC.heap_info} printed. */
    static long heapUsedKib(long pid, String heapInfo) throws IOException {
        Matcher matcher = HEAP_USED.matcher(heapInfo);
        long usedKib = 0;
        boolean found = false;
        while (matcher.find()) {
            usedKib += Long.parseLong(matcher.group(1));
            found = true;
        }
        if (!found) {
            throw new IOException("jcmd " + pid + " GC.heap_info printed no \"total NNNK, used NNNK\"");
        }
        return usedKib;
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("jcmd", Long.toString(pid), command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(JCMD_TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroy();
            throw new IOException("jcmd " + pid + " " + command + " failed: " + new String(output, StandardCharsets.UTF_8));
        }
        return new String(output, StandardCharsets.UTF_8);
    }
}
