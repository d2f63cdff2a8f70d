package org.portcullis.license.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.concurrent.Callable;
import org.portcullis.license.FileErrors;
import org.portcullis.license.LicenseKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code keygen}: makes an Ed25519 key pair for signing licenses, never overwriting a file. */
@Command(name = "keygen", mixinStandardHelpOptions = true,
        description = "Makes an Ed25519 key pair for signing licenses: the private key in a new file only its owner"
                + " can read (mode 600), the public key (for --license-trust) in another. Prints the key's"
                + " fingerprint.")
final class KeygenCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--key", paramLabel = "PEM", required = true,
            description = "The private key file to create; it must not exist.")
    private Path privateFile;

    @Option(names = "--public-key", paramLabel = "PEM", required = true,
            description = "The public key file to create; it must not exist.")
    private Path publicFile;

    @Override
    public Integer call() {
        KeyPair pair = LicenseKeys.generate();
        try {
            LicenseKeys.write(pair, privateFile, publicFile);
        } catch (IOException e) {
            return Failure.print(spec, "cannot write the key pair: " + FileErrors.reason(e));
        } catch (UnsupportedOperationException e) {
            return Failure.print(spec, "cannot make " + privateFile + " readable by its owner only on this file"
                    + " system");
        }
        spec.commandLine().getOut().printf("wrote %s (private, mode 600) and %s: %s%n", privateFile, publicFile,
                LicenseKeys.fingerprint(pair.getPublic()));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
