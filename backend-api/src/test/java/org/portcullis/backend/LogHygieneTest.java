package org.portcullis.backend;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.portcullis.backend.token.Tokens;

/** The log hygiene check finds a secret that was logged, and passes one that was not. */
class LogHygieneTest {
    private static final Logger LOG = LogManager.getLogger();

    @Test
    void secretWrittenToTheLogIsFound() throws IOException {
        LOG.info("log hygiene self-test: a clean check first");
        LogHygiene hygiene = new LogHygiene();
        String kept = hygiene.remember(Tokens.generate());
        hygiene.check("a clean test");

        String leaked = hygiene.remember(Tokens.generate());
        LOG.info("deliberately logged for this test: {}", leaked);

        assertThrows(AssertionFailedError.class, () -> hygiene.check("a leaking test"));
        LOG.debug("kept out of the log: {} characters", kept.length());
    }
}
