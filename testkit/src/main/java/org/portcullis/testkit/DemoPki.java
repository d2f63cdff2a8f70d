package org.portcullis.testkit;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Command line that writes a throwaway PKI for demos and scripts, so certificates for the TLS of RFC 5024
 * section 2.3 can be made with only Java installed.
 */
@Command(name = "portcullis-pki", mixinStandardHelpOptions = true, versionProvider = DemoPki.Version.class,
        description = "Makes throwaway certificates for demos and tests. Never use them in production.",
        subcommands = DemoPki.MakePki.class)
public final class DemoPki implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new DemoPki()).execute(args));
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    /** {@code make-pki}: a CA and one identity per name, all usable as TLS server and client. */
    @Command(name = "make-pki", mixinStandardHelpOptions = true, versionProvider = DemoPki.Version.class,
            description = "Writes ca.pem and, for each NAME, NAME.crt.pem and NAME.key.pem (PKCS#8) into DIR.")
    static final class MakePki implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Option(names = "--dir", required = true, paramLabel = "DIR", description = "Folder to write into (created).")
        private Path dir;

        @Option(names = "--name", paramLabel = "NAME=CN", mapFallbackValue = "",
                description = "An identity NAME with subject CN (e.g. an Odette ID); repeatable.")
        private Map<String, String> names = new LinkedHashMap<>();

        @Option(names = "--key-type", paramLabel = "TYPE", defaultValue = "EC_P256",
                description = "Key algorithm: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
        private KeyType keyType;

        @Override
        public Integer call() throws Exception {
            CertificateAuthority ca = CertificateAuthority.create("Portcullis Demo Root CA", keyType);
            Files.createDirectories(dir);
            PrintWriter out = spec.commandLine().getOut();
            Path caFile = dir.resolve("ca.pem");
            Files.writeString(caFile, Identity.certificatePem(ca.certificate()), StandardCharsets.US_ASCII);
            out.println("wrote " + caFile);
            for (Map.Entry<String, String> name : names.entrySet()) {
                String commonName = name.getValue().isEmpty() ? name.getKey() : name.getValue();
                // Loopback names on every identity: in the demo any of them may serve TLS.
                LeafSpec leaf = LeafSpec.client(commonName).withLoopbackNames().withKeyType(keyType);
                PemFiles files = ca.issue(leaf).writePem(dir, name.getKey());
                out.println("wrote " + files.certificateChain() + " and " + files.privateKey() + " (CN=" + commonName + ")");
            }
            out.flush();
            return 0;
        }
    }

    /** The version from the jar manifest, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = DemoPki.class.getPackage().getImplementationVersion();
            return new String[] {"portcullis-pki " + (version == null ? "development" : version)};
        }
    }
}
