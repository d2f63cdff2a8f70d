package org.portcullis.relay.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RelayServerMainTest {
    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    private int run(String... args) {
        return run(new RelayServerMain(), args);
    }

    private int run(RelayServerMain main, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return new CommandLine(main).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    }

    @Test
    void helpShowsUsageOptionsAndTheVerifyConfigCommand() {
        assertEquals(0, run("--help"));
        String usage = out.toString();
        assertTrue(usage.startsWith("Usage: relay-server "), usage);
        for (String expected : new String[] {"--link-cert", "--link-key", "--link-ca", "--link-pin", "-i",
                "0.0.0.0:2878", "-v", "--log-level", "verify-config", "-l, --license=FILE",
            "-L, --proxy-id", "-V, --license-status", "--license-trust", "--version"}) {
            assertTrue(usage.contains(expected), () -> expected + " missing from " + usage);
        }
    }

    @Test
    void versionNamesTheCommand() {
        assertEquals(0, run("--version"));
        assertTrue(out.toString().startsWith("relay-server "), out::toString);
    }

    @Test
    void withoutLinkCredentialsIsAUsageError() {
        assertEquals(CommandLine.ExitCode.USAGE, run());
        assertTrue(err.toString().contains("--link-cert"), err::toString);
    }

    @Test
    void listenAddressMustBeAnIpLiteral() {
        assertEquals(CommandLine.ExitCode.USAGE, run("-i", "relay.example:2878", "--link-cert", "c", "--link-key",
                "k", "--link-ca", "a"));
        assertTrue(err.toString().contains("must be an IP literal"), err::toString);
    }

    @Test
    void linkListenAddressTakesAPortAnAddressOrBoth() {
        ListenAddressConverter converter = new ListenAddressConverter();
        assertEquals(new InetSocketAddress("0.0.0.0", 2879), converter.convert("2879"));
        assertEquals(new InetSocketAddress("127.0.0.1", 0), converter.convert("127.0.0.1:0"));
        assertEquals(new InetSocketAddress("::", 2878), converter.convert("[::]:2878"));
        assertEquals(new InetSocketAddress("::1", 2878), converter.convert("[::1]"));
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertEquals(CommandLine.ExitCode.USAGE, run("--no-such-option"));
        assertTrue(err.toString().contains("--no-such-option"), err::toString);
    }

    @Test
    void verifyConfigListsTheErrorsAndExitsOne(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("relay.json"), "{\"schemaVersion\": 1}");
        assertEquals(1, run("verify-config", file.toString()));
        assertTrue(err.toString().contains("listeners"), err::toString);
    }
}
