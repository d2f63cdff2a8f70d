package org.portcullis.daemon.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.portcullis.daemon.metrics.PrometheusText.Type;

class PrometheusTextTest {

    @Test
    void writesFamiliesThatParse() {
        PrometheusText out = new PrometheusText();
        out.family("portcullis_sessions_total", Type.COUNTER, "Sessions ended.\nBy verdict.")
                .sample(3, "verdict", "completed").sample(1, "verdict", "refused");
        out.single("portcullis_link_up", Type.GAUGE, "1 while the link is up.", 1);
        out.family("portcullis_odd", Type.GAUGE, "Escaping: \\ \" and newline.")
                .sample(0.25, "text", "a \"quoted\" \\ back\nslash");
        String text = out.toString();
        assertEquals("""
                # HELP portcullis_sessions_total Sessions ended.\\nBy verdict.
                # TYPE portcullis_sessions_total counter
                portcullis_sessions_total{verdict="completed"} 3
                portcullis_sessions_total{verdict="refused"} 1
                # HELP portcullis_link_up 1 while the link is up.
                # TYPE portcullis_link_up gauge
                portcullis_link_up 1
                # HELP portcullis_odd Escaping: \\\\ " and newline.
                # TYPE portcullis_odd gauge
                portcullis_odd{text="a \\"quoted\\" \\\\ back\\nslash"} 0.25
                """, text);
        List<PrometheusSyntax.Sample> samples = PrometheusSyntax.parse(text);
        assertEquals(4, samples.size());
        assertEquals(3, PrometheusSyntax.value(samples, "portcullis_sessions_total", "verdict", "completed"));
        assertEquals("a \\\"quoted\\\" \\\\ back\\nslash",
                samples.get(3).labels().get("text"), "the raw, escaped label value");
    }

    @Test
    void writesSpecialNumbers() {
        assertEquals("NaN", PrometheusText.number(Double.NaN));
        assertEquals("+Inf", PrometheusText.number(Double.POSITIVE_INFINITY));
        assertEquals("-3", PrometheusText.number(-3));
        assertEquals("1.5", PrometheusText.number(1.5));
        assertEquals("1.0E20", PrometheusText.number(1e20));
    }

    @Test
    void refusesWhatWouldNotParse() {
        PrometheusText out = new PrometheusText();
        assertThrows(IllegalArgumentException.class, () -> out.family("9lives", Type.GAUGE, "x"));
        assertThrows(IllegalArgumentException.class, () -> out.family("sessions", Type.COUNTER, "no _total"));
        out.family("a_total", Type.COUNTER, "x");
        assertThrows(IllegalArgumentException.class, () -> out.family("a_total", Type.COUNTER, "again"));
        PrometheusText.Family family = out.family("b", Type.GAUGE, "x");
        assertThrows(IllegalArgumentException.class, () -> family.sample(1, "bad-name", "v"));
        assertThrows(IllegalArgumentException.class, () -> family.sample(1, "__reserved", "v"));
        assertThrows(IllegalArgumentException.class, () -> family.sample(1, "odd"));
    }

    @Test
    void theSyntaxCheckCatchesBrokenText() {
        for (String broken : new String[] {"x 1", "# TYPE x gauge\nx{a=\"1} 2\n", "# TYPE x gauge\nx one\n",
            "# TYPE x gauge\ny 1\n", "# TYPE x gauge\n# TYPE x gauge\n", "# comment\n",
            "# TYPE x gauge\nx{a=\"1\",a=\"2\"} 1\n"}) {
            assertThrows(AssertionError.class, () -> PrometheusSyntax.parse(broken), broken);
        }
    }
}
