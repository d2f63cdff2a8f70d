package org.portcullis.proxy.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** NO_PROXY as curl reads it (everything.curl.dev, CURLOPT_NOPROXY), plus ports. */
class NoProxyRulesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // curl's own examples: a name matches itself and what lies under it on a dot boundary
        "ample.com | www.ample.com | true",
        "ample.com | ample.com | true",
        "ample.com | www.example.com | false",
        "example.com | badexample.com | false",
        "example.com | example.com.evil.example | false",
        // a leading dot (or *.) is ignored, so the apex matches too
        ".example.com | example.com | true",
        ".example.com | a.b.example.com | true",
        "*.example.com | www.example.com | true",
        // case and one trailing dot do not matter
        "EXAMPLE.com | www.Example.COM. | true",
        "example.com. | www.example.com | true",
        // lists, blanks between entries
        "foo.test, example.com ,bar.test | api.example.com | true",
        "foo.test,,bar.test | example.com | false",
        // * alone means everything
        "* | anything.example | true",
        "foo.test,* | 10.0.0.1 | true",
        // addresses match addresses only, never through DNS
        "127.0.0.1 | 127.0.0.1 | true",
        "127.0.0.1 | localhost | false",
        "localhost | 127.0.0.1 | false",
        "10.0.0.0/8 | 10.200.3.4 | true",
        "10.0.0.0/8 | 11.0.0.1 | false",
        "192.168.1.0/24 | 192.168.1.77 | true",
        "192.168.1.0/24 | 192.168.2.1 | false",
        "10.1.2.3/8 | 10.9.9.9 | true",
        "::1 | ::1 | true",
        "::1 | [::1] | true",
        "fd00::/8 | fd12:3456::1 | true",
        "fd00::/8 | fe80::1 | false",
        "10.0.0.0/8 | ::ffff:10.0.0.1 | true",
        // a strict address only: 127.1 is a name here
        "127.0.0.1 | 127.1 | false",
        // a partial wildcard is not a wildcard
        "*example.com | www.example.com | false",
        "ex*.com | example.com | false",
    })
    void followsCurl(String noProxy, String host, boolean bypass) {
        assertEquals(bypass, NoProxyRules.parse(noProxy).bypasses(host, 443), noProxy + " vs " + host);
    }

    @Test
    void anEntryWithAPortAppliesToThatPortOnly() {
        NoProxyRules rules = NoProxyRules.parse("example.com:8443,10.0.0.1:443,[::1]:9000");

        assertTrue(rules.bypasses("api.example.com", 8443));
        assertFalse(rules.bypasses("api.example.com", 443));
        assertTrue(rules.bypasses("10.0.0.1", 443));
        assertFalse(rules.bypasses("10.0.0.1", 444));
        assertTrue(rules.bypasses("::1", 9000));
        assertFalse(rules.bypasses("::1", 9001));
    }

    @Test
    void emptyOrMissingMeansNoExceptions() {
        assertFalse(NoProxyRules.parse(null).bypasses("localhost", 443));
        assertFalse(NoProxyRules.parse("  ").bypasses("localhost", 443));
        assertFalse(NoProxyRules.none().bypasses("127.0.0.1", 443));
    }

    @Test
    void entriesThatMatchNothingAreListed() {
        NoProxyRules rules = NoProxyRules.parse("10.0.0.0/99,ok.example,ex*.com,http://x.example/");

        assertEquals(List.of("10.0.0.0/99", "ex*.com", "http://x.example/"), rules.ignored());
        assertTrue(rules.bypasses("ok.example", 443));
    }
}
