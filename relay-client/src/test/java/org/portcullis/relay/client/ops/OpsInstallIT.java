package org.portcullis.relay.client.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ops/install} into a staging folder: the install layout, launchers that run the installed jars, the site's
 * files under /etc never overwritten, older jars replaced, units that systemd-analyze accepts.
 */
@Timeout(180)
class OpsInstallIT {
    private static final String MODULES = "relay-server,relay-client";

    @TempDir
    Path destdir;

    @Test
    void installsTheLayoutWhoseLaunchersRunTheInstalledJars() throws Exception {
        Scripts.Result install = Scripts.run(Scripts.ops("install", "--destdir", destdir.toString(), "--only", MODULES));

        assertEquals(0, install.exitCode(), install.output());
        Path opt = destdir.resolve("opt/portcullis");
        for (String daemon : List.of("relay-server", "relay-client")) {
            assertEquals("rwxr-xr-x", mode(opt.resolve("bin").resolve(daemon)), daemon);
            assertEquals(1, files(opt.resolve("lib"), daemon + "-*-all.jar").size(), daemon);
            assertTrue(Files.exists(destdir.resolve("usr/local/lib/systemd/system/portcullis-" + daemon + ".service")));
            assertTrue(Files.readString(destdir.resolve("etc/portcullis/" + daemon + ".args")).contains("--link-cert"));
            Path secret = destdir.resolve("etc/portcullis/" + daemon + ".secret");
            assertEquals("rw-------", mode(secret), "the control secret is the owner's only");
            assertTrue(Files.readString(secret).strip().length() >= 16, "a control secret of 16 characters or more");
        }
        assertTrue(Files.exists(opt.resolve("bin/.launch")));
        assertEquals("rwxr-xr-x", mode(opt.resolve("ops/status")));
        assertEquals("rwxr-xr-x", mode(opt.resolve("ops/refusals")));
        assertTrue(Files.exists(opt.resolve("docs/relay-server.md")));
        assertEquals("rwxr-x---", mode(destdir.resolve("var/log/portcullis")));
        assertEquals("rwxr-x---", mode(destdir.resolve("var/lib/portcullis")));
        assertFalse(Files.exists(destdir.resolve("usr/local/lib/systemd/system/portcullis-backend-api.service")),
                "only the modules asked for");

        Scripts.Result version = Scripts.run(opt.resolve("bin/relay-client").toString(), "--version");
        assertEquals(0, version.exitCode(), version.output());
        assertTrue(version.output().startsWith("relay-client "), version.output());
        Scripts.Result refusals = Scripts.run(opt.resolve("ops/refusals").toString(), "--dir",
                destdir.resolve("var/log/portcullis").toString());
        assertEquals(0, refusals.exitCode(), refusals.output());
        assertTrue(refusals.output().contains("Refused partners: none"), refusals.output());
    }

    @Test
    void aSecondInstallKeepsTheSitesFilesAndReplacesOlderJars() throws Exception {
        assertEquals(0, Scripts.run(Scripts.ops("install", "--destdir", destdir.toString(), "--only", MODULES))
                .exitCode());
        Path args = Files.writeString(destdir.resolve("etc/portcullis/relay-server.args"), "-i 0.0.0.0:3878\n");
        Path secret = destdir.resolve("etc/portcullis/relay-server.secret");
        String firstSecret = Files.readString(secret);
        Path older = Files.writeString(destdir.resolve("opt/portcullis/lib/relay-server-0.0.1-all.jar"), "old");

        Scripts.Result again = Scripts.run(Scripts.ops("install", "--destdir", destdir.toString(), "--only", MODULES));

        assertEquals(0, again.exitCode(), again.output());
        assertEquals("-i 0.0.0.0:3878\n", Files.readString(args), "the site's options are kept");
        assertEquals(firstSecret, Files.readString(secret), "the secret is kept");
        assertTrue(again.output().contains("kept /etc/portcullis/relay-server.args"), again.output());
        assertFalse(Files.exists(older), "one jar per module, so the launcher finds it");
        assertEquals(1, files(destdir.resolve("opt/portcullis/lib"), "relay-server-*-all.jar").size());
    }

    @Test
    void refusesAnUnknownModule() throws Exception {
        Scripts.Result install = Scripts.run(Scripts.ops("install", "--destdir", destdir.toString(), "--only",
                "relay-serve"));

        assertEquals(1, install.exitCode(), install.output());
        assertTrue(install.output().contains("unknown module relay-serve"), install.output());
    }

    /**
     * Every module (they are all built before relay-client), then systemd-analyze verify on each unit, its
     * ExecStart pointed at the staged launcher (skipped where systemd-analyze is not installed).
     */
    @Test
    void installsEveryModuleWithUnitsThatVerify() throws Exception {
        Scripts.Result install = Scripts.run(Scripts.ops("install", "--destdir", destdir.toString()));
        assertEquals(0, install.exitCode(), install.output());
        for (String launcher : List.of("relay-server", "relay-client", "backend-api", "license-tool", "oftp2-peer")) {
            assertTrue(Files.isExecutable(destdir.resolve("opt/portcullis/bin").resolve(launcher)), launcher);
        }
        assertEquals(3, files(destdir.resolve("usr/local/lib/systemd/system"), "portcullis-*.service").size());
        assertTrue(Files.exists(destdir.resolve("etc/portcullis/backend-api.args")));
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/systemd-analyze")),
                "systemd-analyze is not installed here: the units are not verified");
        Path units = Files.createDirectories(destdir.resolve("verify"));
        for (Path unit : files(destdir.resolve("usr/local/lib/systemd/system"), "*.service")) {
            Path staged = units.resolve(unit.getFileName());
            Files.writeString(staged, Files.readString(unit).replace("/opt/portcullis/",
                    destdir.resolve("opt/portcullis") + "/"));
            Scripts.Result verify = Scripts.run("systemd-analyze", "verify", "--man=no", staged.toString());
            assertEquals(0, verify.exitCode(), verify.output());
            assertEquals("", verify.output(), "no warning for " + unit.getFileName());
        }
    }

    private static String mode(Path file) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    private static List<Path> files(Path dir, String glob) throws IOException {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> listing = Files.list(dir)) {
            listing.filter(path -> path.getFileSystem().getPathMatcher("glob:" + glob).matches(path.getFileName()))
                    .forEach(found::add);
        }
        return found;
    }
}
