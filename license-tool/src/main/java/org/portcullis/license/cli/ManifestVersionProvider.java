package org.portcullis.license.cli;

import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The license-tool version for {@code --version}: Implementation-Version from the jar manifest. */
final class ManifestVersionProvider implements IVersionProvider {
    @Spec
    private CommandSpec spec;

    @Override
    public String[] getVersion() {
        // Classes run from target/classes (tests, IDE) have no manifest.
        String version = ManifestVersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {spec.qualifiedName() + " " + (version == null ? "(development build)" : version)};
    }
}
