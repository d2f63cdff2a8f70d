package org.portcullis.license.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.portcullis.license.License;
import org.portcullis.license.LicenseException;
import org.portcullis.license.LicenseFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code show}: prints a license file's fields without checking its signature. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Prints a license file's fields, one per line. Does not check the signature: verify does.")
final class ShowCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The license file.")
    private Path file;

    @Override
    public Integer call() {
        License license;
        try {
            license = LicenseFile.read(file).license();
        } catch (LicenseException e) {
            return Failure.print(spec, e.getMessage(), e.problem().exitCode());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("licensee: " + license.licensee());
        out.println("proxy-id: " + license.proxyId());
        out.println("issued: " + license.issued());
        out.println("not-before: " + license.notBefore());
        out.println("expires: " + license.expires());
        out.println("max-sessions: " + (license.maxSessions().isPresent() ? license.maxSessions().getAsInt()
                : "unlimited"));
        license.otherFields().forEach((name, value) -> out.println(name + ": " + value));
        out.println("signature: not checked (license-tool verify checks it)");
        out.flush();
        return 0;
    }
}
