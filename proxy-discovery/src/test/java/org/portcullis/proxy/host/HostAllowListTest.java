package org.portcullis.proxy.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HostAllowListTest {
    private static final HostAllowList MICROSOFT = HostAllowList.parse(List.of("microsoft.com", "*.microsoft.com"));

    /** The table of PROXIES.md §4, where unanchored tinyproxy rules let the rogue names through. */
    @ParameterizedTest
    @CsvSource({
        "microsoft.com, true",
        "www.microsoft.com, true",
        "a.b.microsoft.com, true",
        "MICROSOFT.COM, true",
        "microsoft.com., true",
        "roguedomain-microsoft.com, false",
        "microsoft.com.evil.example, false",
        "evilmicrosoft.com, false",
        "microsoft.co, false",
    })
    void matchesOnLabelBoundariesOnly(String host, boolean allowed) {
        assertEquals(allowed, MICROSOFT.allows(host), host);
    }

    @Test
    void wildcardLeavesTheApexOut() {
        HostAllowList subdomains = HostAllowList.parse(List.of("*.partner.example"));

        assertTrue(subdomains.allows("oftp.partner.example"));
        assertFalse(subdomains.allows("partner.example"));
    }

    @Test
    void internationalNamesMatchTheirALabels() {
        HostAllowList unicode = HostAllowList.parse(List.of("bücher.example"));
        HostAllowList ascii = HostAllowList.parse(List.of("*.xn--bcher-kva.example"));

        assertTrue(unicode.allows("xn--bcher-kva.example"));
        assertTrue(unicode.allows("BÜCHER.example."));
        assertTrue(ascii.allows("crl.bücher.example"));
    }

    @Test
    void addressesAndRanges() {
        HostAllowList list = HostAllowList.parse(List.of("192.0.2.10", "10.1.0.0/16", "2001:db8::/32", "[::1]"));

        assertTrue(list.allows("192.0.2.10"));
        assertFalse(list.allows("192.0.2.11"));
        assertTrue(list.allows("10.1.200.3"));
        assertFalse(list.allows("10.2.0.1"));
        assertTrue(list.allows("[2001:db8::7]"));
        assertTrue(list.allows("::1"));
        assertFalse(list.allows("2001:db9::1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.1", "0x7f.0.0.1", "2130706433", "010.0.0.1"})
    void addressesInDisguiseMatchNothing(String host) {
        HostAllowList list = HostAllowList.parse(List.of("127.0.0.1", "10.0.0.1", "*.example.com"));

        assertFalse(list.allows(host), host);
    }

    @Test
    void namesDoNotMatchAddressEntriesNorTheOtherWayRound() {
        HostAllowList list = HostAllowList.parse(List.of("127.0.0.1", "localhost"));

        assertFalse(list.allows("127.0.0.2"));
        assertTrue(list.allows("localhost"));
        assertFalse(list.allows("localhost.evil.example"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "*.com", "*.co.uk", "*.github.io", "*foo.com", "foo.*.com", "a*.example.com",
        "https://example.com", "example.com:443", "example.com/path", "", "  ", "exa mple.com", "-bad.example",
        "bad..example", "127.1", "2130706433", "10.0.0.0/33", "example.com/8", "under_score.example", "*.*.example.com",
        "a%2eexample.com"})
    void refusesMalformedEntries(String entry) {
        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> HostAllowList.parse(List.of("ok.example", entry)));

        assertTrue(refused.getMessage().startsWith("allow-list entry '" + entry + "'"), refused.getMessage());
    }

    @Test
    void listsEveryMalformedEntry() {
        List<String> problems = HostAllowList.problems(List.of("*.com", "fine.example", "a:1", "*x.example"));

        assertEquals(3, problems.size(), problems::toString);
    }

    @Test
    void emptyListAllowsNothing() {
        assertFalse(HostAllowList.parse(List.of()).allows("example.com"));
    }

    @Test
    void malformedCandidatesAreRefused() {
        HostAllowList list = HostAllowList.parse(List.of("*.example.com"));

        assertFalse(list.allows("a..example.com"));
        assertFalse(list.allows("a b.example.com"));
        assertFalse(list.allows("a%2e.example.com"));
        assertFalse(list.allows(""));
    }
}
