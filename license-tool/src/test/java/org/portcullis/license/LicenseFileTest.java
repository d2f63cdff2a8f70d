package org.portcullis.license;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LicenseFileTest {
    private static final License LICENSE = new TestLicenses(Path.of(".")).validLicense();

    private final TestLicenses licenses = new TestLicenses(Path.of("."));
    private final LicenseVerifier verifier = new LicenseVerifier(List.of(licenses.trustedKey()), TestLicenses.CLOCK);

    private byte[] signed(License license) {
        return LicenseFile.sign(license, licenses.keys().getPrivate()).text().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theFileIsTheFieldsInTheirOrderThenTheSignature() {
        String text = new String(signed(LICENSE), StandardCharsets.UTF_8);
        String fields = """
                format: portcullis-license-1
                licensee: ACME Logistics GmbH
                proxy-id: PCX-4CF4-EAC3-7F87-CF69
                issued: 2024-12-15
                not-before: 2024-12-15
                expires: 2025-12-15
                max-sessions: 5
                """;
        assertTrue(text.startsWith(fields + "signature: "), text);
        assertTrue(text.endsWith("==\n"), text);
        assertEquals(fields.length() + "signature: ".length() + 88 + 1, text.length());
    }

    @Test
    void aSignedLicenseVerifiesAndReadsBackTheSame() throws Exception {
        assertEquals(LICENSE, verifier.verify(signed(LICENSE), TestLicenses.HERE).license());
        assertEquals(LICENSE, LicenseFile.parse(signed(LICENSE)).license());
    }

    @Test
    void unlimitedSessionsAndOtherFieldsAreSignedAndReadBack() throws Exception {
        License license = License.of("Ærøskøbing Fragt ApS", TestLicenses.HERE, TestLicenses.TODAY,
                TestLicenses.TODAY).withOtherField("max-partners", "20").withOtherField("edition", "standard");
        String text = new String(signed(license), StandardCharsets.UTF_8);
        assertTrue(text.contains("max-sessions: unlimited\nedition: standard\nmax-partners: 20\nsignature: "), text);
        assertEquals(license, verifier.verify(signed(license), TestLicenses.HERE).license());
    }

    @Test
    void windowsLineEndsAndAMissingLastNewlineAreRead() throws Exception {
        String text = new String(signed(LICENSE), StandardCharsets.UTF_8);
        byte[] crlf = text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        assertEquals(LICENSE, verifier.verify(crlf, TestLicenses.HERE).license());
        byte[] noLastNewline = text.strip().getBytes(StandardCharsets.UTF_8);
        assertEquals(LICENSE, verifier.verify(noLastNewline, TestLicenses.HERE).license());
    }

    static IntStream everyBytePosition() {
        return IntStream.range(0, LicenseFile.sign(LICENSE, LicenseKeys.generate().getPrivate()).text()
                .getBytes(StandardCharsets.UTF_8).length);
    }

    /** Each byte of a license changed three ways: lowest bit, case bit, top bit. Every change is refused. */
    @ParameterizedTest
    @MethodSource("everyBytePosition")
    void oneChangedByteAnywhereIsRefused(int position) {
        byte[] good = signed(LICENSE);
        for (int flip : new int[] {0x01, 0x20, 0x80}) {
            byte[] bad = good.clone();
            bad[position] ^= (byte) flip;
            LicenseException e = assertThrows(LicenseException.class, () -> verifier.verify(bad, TestLicenses.HERE),
                    () -> "byte " + position + " xor " + flip);
            assertTrue(e.problem() == LicenseProblem.TAMPERED || e.problem() == LicenseProblem.MALFORMED,
                    e::getMessage);
        }
    }

    @Test
    void aChangedFieldIsTamperedNotMalformed() {
        String text = new String(signed(LICENSE), StandardCharsets.UTF_8)
                .replace("max-sessions: 5", "max-sessions: 50");
        LicenseException e = assertThrows(LicenseException.class,
                () -> verifier.verify(text.getBytes(StandardCharsets.UTF_8), TestLicenses.HERE));
        assertEquals(LicenseProblem.TAMPERED, e.problem());
        assertEquals("tampered: the signature does not verify with any trusted key (test key ("
                + licenses.trustedKey().fingerprint() + ")): changed after signing, or signed by a key not trusted"
                + " here", e.getMessage());
    }

    @Test
    void anotherKeysSignatureIsTampered() {
        byte[] foreign = LicenseFile.sign(LICENSE, LicenseKeys.generate().getPrivate()).text()
                .getBytes(StandardCharsets.UTF_8);
        assertEquals(LicenseProblem.TAMPERED, assertThrows(LicenseException.class,
                () -> verifier.verify(foreign, TestLicenses.HERE)).problem());
    }

    @Test
    void addedOrRemovedLinesAreRefused() {
        String text = new String(signed(LICENSE), StandardCharsets.UTF_8);
        for (String bad : List.of(text + "\n", text + "extra: line\n", "# comment\n" + text,
                text.replace("max-sessions: 5\n", ""), text.replace("licensee:", "licensee: "),
                text.substring(0, text.indexOf("signature: ")))) {
            LicenseException e = assertThrows(LicenseException.class,
                    () -> verifier.verify(bad.getBytes(StandardCharsets.UTF_8), TestLicenses.HERE), bad);
            assertTrue(e.problem() == LicenseProblem.TAMPERED || e.problem() == LicenseProblem.MALFORMED, bad);
        }
    }

    @Test
    void aSignedTextThatIsNotCanonicalIsMalformed() {
        // Signed with the trusted key, so only the field check can refuse it.
        PrivateKey key = licenses.keys().getPrivate();
        String body = new String(LicenseFields.canonical(LICENSE), StandardCharsets.UTF_8)
                .replace("PCX-4CF4-EAC3-7F87-CF69", "pcx-4cf4-eac3-7f87-cf69");
        assertMalformed(signedBody(body, key), "malformed: '" + "pcx-4cf4-eac3-7f87-cf69"
                + "' is not a Proxy ID (expected PCX-XXXX-XXXX-XXXX-XXXX, each X a hex digit)");
        String leadingZero = new String(LicenseFields.canonical(LICENSE), StandardCharsets.UTF_8)
                .replace("max-sessions: 5", "max-sessions: 05");
        assertMalformed(signedBody(leadingZero, key),
                "malformed: the fields are not written in the one canonical form");
        String swapped = new String(LicenseFields.canonical(LICENSE), StandardCharsets.UTF_8)
                .replace("issued: 2024-12-15\nnot-before: 2024-12-15", "not-before: 2024-12-15\nissued: 2024-12-15");
        assertMalformed(signedBody(swapped, key), "malformed: line 4: expected 'issued: ...'");
        assertMalformed(signedBody(body.replace("portcullis-license-1", "portcullis-license-2"), key),
                "malformed: line 1: format 'portcullis-license-2' is not portcullis-license-1");
    }

    private static byte[] signedBody(String body, PrivateKey key) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String signature = Base64.getEncoder().encodeToString(LicenseKeys.sign(key, bytes));
        return (body + "signature: " + signature + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private void assertMalformed(byte[] file, String message) {
        LicenseException e = assertThrows(LicenseException.class, () -> verifier.verify(file, TestLicenses.HERE));
        assertEquals(LicenseProblem.MALFORMED, e.problem(), e::getMessage);
        assertEquals(message, e.getMessage());
    }

    @Test
    void emptyHugeAndUnsignedFilesAreMalformed() {
        assertMalformed(new byte[0], "malformed: the file is empty");
        byte[] huge = new byte[LicenseFile.MAX_BYTES + 1];
        Arrays.fill(huge, (byte) 'a');
        assertMalformed(huge, "malformed: larger than any license file (65536 bytes)");
        assertMalformed(LicenseFields.canonical(LICENSE), "malformed: the last line is not 'signature: ...'");
        assertMalformed("just one line".getBytes(StandardCharsets.UTF_8),
                "malformed: no signature line after the fields");
    }

    @Test
    void theSignatureMustBeExactlyOneBase64Encoding() {
        String text = new String(signed(LICENSE), StandardCharsets.UTF_8);
        assertMalformed(text.replace("==\n", "=\n").getBytes(StandardCharsets.UTF_8),
                "malformed: the signature is not Base64");
        // 64 bytes end in a character whose low 4 bits are unused: the decoder ignores them, this check does not.
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        int last = text.length() - "==\n".length() - 1;
        char alias = alphabet.charAt(alphabet.indexOf(text.charAt(last)) ^ 0x01);
        String aliased = text.substring(0, last) + alias + text.substring(last + 1);
        assertArrayEquals(Base64.getDecoder().decode(text.substring(text.indexOf("signature: ") + 11).strip()),
                Base64.getDecoder().decode(aliased.substring(aliased.indexOf("signature: ") + 11).strip()));
        assertMalformed(aliased.getBytes(StandardCharsets.UTF_8),
                "malformed: the signature is not the Base64 of 64 bytes");
        String shorter = text.substring(0, text.indexOf("signature: ")) + "signature: AAAA\n";
        assertMalformed(shorter.getBytes(StandardCharsets.UTF_8),
                "malformed: the signature is not the Base64 of 64 bytes");
    }

    @Test
    void isSignedByTellsTheSigningKeyFromAnother() throws Exception {
        LicenseFile file = LicenseFile.parse(signed(LICENSE));
        assertTrue(file.isSignedBy(licenses.keys().getPublic()));
        assertFalse(file.isSignedBy(LicenseKeys.generate().getPublic()));
        assertArrayEquals(signed(LICENSE), file.text().getBytes(StandardCharsets.UTF_8));
    }
}
