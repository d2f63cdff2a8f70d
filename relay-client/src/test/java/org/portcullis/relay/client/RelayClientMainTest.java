package org.portcullis.relay.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.portcullis.relay.client.cli.TokenArguments;
import org.portcullis.testkit.PemFiles;
import org.portcullis.testkit.TestPki;
import picocli.CommandLine;

class RelayClientMainTest {
    @RegisterExtension
    static final TestPki PKI = TestPki.create();
    /** A token with what picocli's argument-file tokenizer would cut or change: a comment sign and quotes. */
    private static final String AWKWARD_TOKEN = "tok#en'with\"quotes";

    @TempDir
    Path folder;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final RelayClientMain main = new RelayClientMain();

    /** As {@link RelayClientMain#main} runs it. */
    private int run(String... args) {
        return new CommandLine(main).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(TokenArguments.protect(args));
    }

    /** Parses only, as {@link RelayClientMain#main} would, without running the daemon. */
    private void parse(String... args) {
        new CommandLine(main).parseArgs(TokenArguments.protect(args));
    }

    @Test
    void helpShowsUsageAndExitsZero() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString().startsWith("Usage: relay-client "), out::toString);
        assertTrue(out.toString().contains("--config-file"), out::toString);
        assertTrue(out.toString().contains("--token=@FILE"), out::toString);
    }

    @Test
    void versionNamesTheCommand() {
        assertEquals(0, run("--version"));
        assertTrue(out.toString().startsWith("relay-client "), out::toString);
    }

    @Test
    void withoutConfigFileTheBackendUrlAndTokenAreRequired() {
        assertEquals(CommandLine.ExitCode.USAGE, run("-S", "relay.example"));
        assertTrue(err.toString().contains("Missing required option(s): -U, -T (or give --config-file)"),
                err::toString);
    }

    @Test
    void aBackendUrlThatIsNotHttpsIsAUsageError() {
        assertEquals(CommandLine.ExitCode.USAGE, run(withLink("-U", "http://backend.example:8443", "-T", "secret")));
        assertTrue(err.toString().contains("Invalid value for option '-U': the backend URL must be https://"),
                err::toString);
    }

    @Test
    void aProxyOptionErrorIsAUsageErrorThatNeverShowsThePassword() {
        assertEquals(CommandLine.ExitCode.USAGE, run(withLink("-U", "https://backend.example", "-T", "secret",
                "--proxy", "socks5://relay:hunter2@proxy.example:1080")));
        assertTrue(err.toString().contains("Invalid value for option '--proxy'"), err::toString);
        assertFalse(err.toString().contains("hunter2"), err::toString);
        assertFalse(err.toString().contains("secret"), err::toString);
    }

    @Test
    void anUnreadableBackendCaFileStopsTheStart() {
        Path missing = folder.resolve("no-such-ca.pem");
        assertEquals(RelayClientMain.CANNOT_START, run(withLink("-U", "https://backend.example", "-T", "secret",
                "--backend-ca", missing.toString())));
        assertTrue(err.toString().startsWith("relay-client: cannot read the backend's CA file"), err::toString);
    }

    @Test
    void helpListsThePullAndProxyOptionsWithTheirDefaults() {
        assertEquals(0, run("--help"));
        for (String option : new String[] {"--poll-interval", "--long-poll", "--connection-ttl", "--backend-ca",
            "--proxy-discovery", "--proxy-discovery-order", "--proxy", "--state-file"}) {
            assertTrue(out.toString().contains(option), option);
        }
        assertTrue(out.toString().contains("db,os,flags,direct)"), out::toString);
        assertTrue(out.toString().contains("is %2C"), out::toString);
    }

    /** The arguments with valid link options of a relay-client before them. */
    private String[] withLink(String... args) {
        PemFiles link = PKI.write(PKI.client("relay-client"), "link-client");
        List<String> all = new ArrayList<>(List.of("-S", "127.0.0.1", "--link-cert",
                link.certificateChain().toString(), "--link-key", link.privateKey().toString(), "--link-ca",
                link.caCertificate().toString()));
        all.addAll(List.of(args));
        return all.toArray(String[]::new);
    }

    @Test
    void withConfigFileTheLinkOptionsAreRequired() throws IOException {
        Path config = Files.writeString(folder.resolve("config.json"), "{}");
        assertEquals(CommandLine.ExitCode.USAGE, run("--config-file", config.toString()));
        assertTrue(err.toString().contains("Missing required option(s): -S, --link-cert, --link-key, --link-ca"),
                err::toString);
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertEquals(CommandLine.ExitCode.USAGE, run("--no-such-option"));
        assertTrue(err.toString().contains("--no-such-option"), err::toString);
    }

    @Test
    void takesTheTokenItself() {
        parse("-T", "s3cr3t-token", "-S", "relay.example");
        assertEquals("s3cr3t-token", main.token().value());
        assertEquals("Token[hidden]", main.token().toString());
    }

    @Test
    void readsTheTokenFileOfDashTVerbatim() throws IOException {
        Path tokenFile = Files.writeString(folder.resolve("token"), AWKWARD_TOKEN + "\n", StandardCharsets.UTF_8);
        parse("-T", "@" + tokenFile, "-S", "relay.example");
        assertEquals(AWKWARD_TOKEN, main.token().value());
    }

    @Test
    void readsTheTokenFileOfTheAttachedForms() throws IOException {
        Path tokenFile = Files.writeString(folder.resolve("token"), AWKWARD_TOKEN, StandardCharsets.UTF_8);
        parse("--token=@" + tokenFile);
        assertEquals(AWKWARD_TOKEN, main.token().value());
        parse("-T@" + tokenFile);
        assertEquals(AWKWARD_TOKEN, main.token().value());
        parse("--token", "@" + tokenFile);
        assertEquals(AWKWARD_TOKEN, main.token().value());
    }

    @Test
    void takesEveryOptionFromAnArgumentFileWithTheTokenFileInIt() throws IOException {
        Path tokenFile = Files.writeString(folder.resolve("token"), AWKWARD_TOKEN + "\n", StandardCharsets.UTF_8);
        Path arguments = Files.writeString(folder.resolve("client.args"), String.join("\n",
                "# relay-client options",
                "-S [::1]:2900",
                "--token=@" + tokenFile,
                "-U https://backend.example/config"), StandardCharsets.UTF_8);
        parse("@" + arguments);
        assertEquals(new InetSocketAddress(InetAddress.getByName("::1"), 2900), main.server());
        assertEquals(AWKWARD_TOKEN, main.token().value());
    }

    @Test
    void aPlainTokenFileAlsoWorksAsDashTInsideAnArgumentFile() throws IOException {
        Path tokenFile = Files.writeString(folder.resolve("token"), "plain-token\n", StandardCharsets.UTF_8);
        Path arguments = Files.writeString(folder.resolve("client.args"), "-S relay.example\n-T @" + tokenFile + "\n");
        parse("@" + arguments);
        assertEquals("plain-token", main.token().value());
    }

    @Test
    void aMissingTokenFileIsAUsageErrorThatNamesTheFile() {
        Path missing = folder.resolve("no-such-token");
        assertEquals(CommandLine.ExitCode.USAGE, run("-T", "@" + missing, "-U", "https://backend.example/"));
        assertTrue(err.toString().contains("cannot read the token file " + missing), err::toString);
    }

    @Test
    void aBadTokenIsRefusedWithoutShowingIt() {
        assertEquals(CommandLine.ExitCode.USAGE, run("-T", "two words", "-U", "https://backend.example/"));
        assertTrue(err.toString().contains("white space"), err::toString);
        assertFalse(err.toString().contains("two words"), err::toString);
    }

    @Test
    void theServerPortDefaultsTo2878AndIpv6GoesInBrackets() {
        parse("-S", "relay.example");
        assertEquals(InetSocketAddress.createUnresolved("relay.example", 2878), main.server());
        parse("-S", "[2001:db8::7]:2900");
        assertEquals(2900, main.server().getPort());
        assertEquals("2001:db8:0:0:0:0:0:7", main.server().getAddress().getHostAddress());
        assertEquals(CommandLine.ExitCode.USAGE, run("-S", "2001:db8::7:2900:x"));
    }

    @Test
    void mountsTheConfigurationCommands() {
        assertEquals(0, run("verify-config", "--help"));
        assertTrue(out.toString().startsWith("Usage: relay-client verify-config"), out::toString);
        assertEquals(0, run("hash-password", "--help"));
        assertTrue(out.toString().contains("Usage: relay-client hash-password"), out::toString);
    }

    @Test
    void verifyConfigAcceptsAValidDocumentAndListsEveryErrorOfAnInvalidOne() {
        Path valid = folder.resolve("valid.json");
        ClientConfigs.write(valid, new ClientConfigs(PKI).document("7", 3305, List.of()));
        assertEquals(0, run("verify-config", valid.toString()));
        assertTrue(out.toString().contains("configuration valid (revision 7"), out::toString);

        Path invalid = folder.resolve("invalid.json");
        ClientConfigs.write(invalid, ClientConfigs.text("{\"schemaVersion\": 1, \"revision\": \"8\"}"));
        assertEquals(1, run("verify-config", invalid.toString()));
        assertTrue(err.toString().contains("listeners: is required"), err::toString);
        assertTrue(err.toString().contains("inside: is required"), err::toString);
    }

    @Test
    void refusesToStartWithAnInvalidConfigurationFile() {
        Path invalid = folder.resolve("invalid.json");
        ClientConfigs.write(invalid, ClientConfigs.text("{\"schemaVersion\": 1, \"revision\": \"8\"}"));
        assertEquals(RelayClientMain.INVALID_CONFIG, run("--config-file", invalid.toString(), "-S", "127.0.0.1",
                "--link-cert", "cert.pem", "--link-key", "key.pem", "--link-ca", "ca.pem"));
        assertTrue(err.toString().contains("serverIdentity: is required"), err::toString);
    }

    @Test
    void refusesAMalformedServerPin() {
        Path config = folder.resolve("config.json");
        ClientConfigs.write(config, new ClientConfigs(PKI).document("1", 3305, List.of()));
        assertEquals(CommandLine.ExitCode.USAGE, run("--config-file", config.toString(), "-S", "127.0.0.1",
                "--link-cert", "cert.pem", "--link-key", "key.pem", "--link-ca", "ca.pem", "--server-pin", "md5:00"));
        assertTrue(err.toString().contains("sha256:<64 hex digits>"), err::toString);
    }
}
