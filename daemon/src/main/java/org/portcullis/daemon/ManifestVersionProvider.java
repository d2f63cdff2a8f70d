package org.portcullis.daemon;

import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code --version} of a command: its name and the Implementation-Version of the jar its class came from (the
 * runnable jar's manifest), or "(development build)" for classes run from target/classes.
 */
public final class ManifestVersionProvider implements IVersionProvider {
    @Spec
    private CommandSpec spec;

    @Override
    public String[] getVersion() {
        return new String[] {spec.qualifiedName() + " " + version(spec.userObject().getClass())};
    }

    /** The Implementation-Version of the jar {@code type} came from, or "(development build)". */
    public static String version(Class<?> type) {
        String version = type.getPackage().getImplementationVersion();
        return version == null ? "(development build)" : version;
    }
}
