package org.portcullis.license;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProxyIdTest {
    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void derivationIsPinnedSoIssuedLicensesKeepMatching() throws Exception {
        // SHA-256("portcullis proxy-id v1\n" + machine ID), first 8 bytes, computed outside Java.
        assertEquals(TestLicenses.HERE, HostIdentity.of(file("machine-id", TestLicenses.MACHINE_ID + "\n")).proxyId());
    }

    @Test
    void sameMachineIdGivesTheSameProxyIdEveryTime() throws Exception {
        Path machineId = file("machine-id", "3d1219c7c4c5404aaa1f6d2a48adfda4\n");
        // A new HostIdentity each time, as a restarted relay-server makes one.
        ProxyId first = HostIdentity.of(machineId).proxyId();
        for (int restart = 0; restart < 5; restart++) {
            assertEquals(first, HostIdentity.of(machineId).proxyId());
        }
        assertEquals("PCX-C9B8-E0DF-6582-216D", first.value());
    }

    @Test
    void twoMachineIdsGiveTwoProxyIds() throws Exception {
        ProxyId one = HostIdentity.of(file("one", "0123456789abcdef0123456789abcdef\n")).proxyId();
        ProxyId two = HostIdentity.of(file("two", "0123456789abcdef0123456789abcdee\n")).proxyId();
        assertNotEquals(one, two);
    }

    @Test
    void upperCaseAndMissingNewlineReadAsTheSameMachineId() throws Exception {
        ProxyId written = HostIdentity.of(file("a", TestLicenses.MACHINE_ID.toUpperCase())).proxyId();
        assertEquals(TestLicenses.HERE, written);
    }

    @Test
    void fallsBackToTheSecondFileWhenTheFirstIsMissingOrEmpty() throws Exception {
        Path second = file("dbus-machine-id", TestLicenses.MACHINE_ID + "\n");
        assertEquals(TestLicenses.HERE, HostIdentity.of(dir.resolve("absent"), second).proxyId());
        assertEquals(TestLicenses.HERE, HostIdentity.of(file("empty", ""), second).proxyId());
        assertEquals(TestLicenses.HERE, HostIdentity.of(file("uninit", "uninitialized\n"), second).proxyId());
    }

    @Test
    void withoutAMachineIdSaysWhatEachFileHeld() throws Exception {
        LicenseException e = assertThrows(LicenseException.class,
                () -> HostIdentity.of(dir.resolve("absent"), file("empty", "\n")).proxyId());
        assertEquals(LicenseProblem.NO_PROXY_ID, e.problem());
        assertTrue(e.getMessage().startsWith("cannot determine this host's Proxy ID: " + dir.resolve("absent")
                + ": no such file, " + dir.resolve("empty") + ": no machine ID in it"), e::getMessage);
    }

    @Test
    void parseAcceptsWhatAPersonTypes() {
        assertEquals(TestLicenses.HERE, ProxyId.parse(" pcx-4cf4-eac3-7f87-cf69 "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "PCX-4CF4-EAC3-7F87", "PCX-4CF4-EAC3-7F87-CF6G", "ABC-4CF4-EAC3-7F87-CF69",
        "PCX4CF4EAC37F87CF69", "PCX-4CF4-EAC3-7F87-CF69-0000"})
    void parseRefusesWhatIsNotAProxyId(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProxyId.parse(text));
        assertEquals("'" + text + "' is not a Proxy ID (expected PCX-XXXX-XXXX-XXXX-XXXX, each X a hex digit)",
                e.getMessage());
    }

    @Test
    void theCanonicalFormIsUpperCase() {
        assertThrows(IllegalArgumentException.class, () -> new ProxyId("pcx-4cf4-eac3-7f87-cf69"));
    }
}
