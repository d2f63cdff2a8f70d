package org.portcullis.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class DiscoveryStepTest {

    @Test
    void parsesAnOrder() {
        assertEquals(DiscoveryStep.DEFAULT_ORDER, DiscoveryStep.parseOrder("db,os,flags,direct"));
        assertEquals(List.of(DiscoveryStep.FLAGS, DiscoveryStep.DB), DiscoveryStep.parseOrder(" FLAGS , db "));
    }

    @Test
    void refusesUnknownRepeatedOrEmptySteps() {
        assertEquals("unknown proxy discovery step 'pac' (db, os, flags, direct)",
                assertThrows(IllegalArgumentException.class, () -> DiscoveryStep.parseOrder("db,pac")).getMessage());
        assertEquals("proxy discovery step os given twice",
                assertThrows(IllegalArgumentException.class, () -> DiscoveryStep.parseOrder("os,flags,os")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> DiscoveryStep.parseOrder(""));
    }
}
