package org.portcullis.relay.server.license;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.portcullis.license.License;
import org.portcullis.license.LicenseCheck;
import org.portcullis.license.LicenseKeys;
import org.portcullis.license.LicenseStatus;
import org.portcullis.license.ProxyId;
import org.portcullis.license.TrustedKey;
import org.portcullis.license.VerifiedLicense;
import org.portcullis.relay.server.license.RunningLicense.SessionLimit;

/** How a running relay-server applies its license: the lower session limit, refusal after expiry, its log lines. */
class RunningLicenseTest {
    private static final Instant NOW = Instant.parse("2025-06-15T12:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 15);
    private static final ProxyId HERE = new ProxyId("PCX-4CF4-EAC3-7F87-CF69");

    private final SettableClock clock = new SettableClock(NOW);
    private final StringWriter logs = new StringWriter();
    private final Logger logger = (Logger) LogManager.getLogger(RunningLicense.class);
    private WriterAppender appender;

    @BeforeEach
    void captureLogs() {
        appender = WriterAppender.newBuilder().setName("test").setTarget(logs)
                .setLayout(PatternLayout.newBuilder().setPattern("%level %msg%n").build()).build();
        appender.start();
        logger.addAppender(appender);
    }

    @AfterEach
    void stopCapturing() {
        logger.removeAppender(appender);
        appender.stop();
    }

    private RunningLicense running(License license) {
        TrustedKey key = new TrustedKey("test key", LicenseKeys.generate().getPublic());
        return RunningLicense.of(LicenseStatus.valid(Path.of("license.txt"), new VerifiedLicense(license, key), NOW),
                clock);
    }

    private static License lastDay(LocalDate expires) {
        return License.of("ACME Logistics GmbH", HERE, TODAY.minusYears(1), expires);
    }

    @Test
    void theLowerOfTheLicensesAndTheConfigurationsLimitWins() {
        RunningLicense license = running(lastDay(TODAY.plusYears(1)).withMaxSessions(3));
        assertEquals(new SessionLimit(3, "license"), license.sessionLimit(10));
        assertEquals(new SessionLimit(2, "configuration"), license.sessionLimit(2));
        assertEquals(new SessionLimit(3, "configuration"), license.sessionLimit(3));
        assertEquals("the license's limit of 3 concurrent sessions is reached", license.sessionLimit(10).reached());
        assertEquals(new SessionLimit(500, "configuration"), running(lastDay(TODAY.plusYears(1))).sessionLimit(500));
        assertEquals(new SessionLimit(500, "configuration"), RunningLicense.unlimited().sessionLimit(500));
    }

    @Test
    void newSessionsAreAdmittedThroughTheLastDayAndRefusedFromTheNextWithAnErrorLine() {
        RunningLicense license = running(lastDay(TODAY));
        assertEquals(Optional.empty(), license.refuseNewSession("[s1]"));
        clock.set(Instant.parse("2025-06-15T23:59:59.999Z"));
        assertEquals(Optional.empty(), license.refuseNewSession("[s2]"));
        assertEquals("", logs.toString());
        clock.set(Instant.parse("2025-06-16T00:00:00Z"));
        Optional<String> refusal = license.refuseNewSession("[s3]");
        assertEquals(Optional.of("license license.txt: expired: its last valid day was 2025-06-15 (UTC)"), refusal);
        assertEquals("ERROR [s3] new session refused (ESID 08): " + refusal.get() + System.lineSeparator(),
                logs.toString());
    }

    @Test
    void theDailyLineIsInfoThenWarnFromThirtyDaysBeforeTheLastDayThenError() {
        RunningLicense license = running(lastDay(TODAY.plusDays(31)));
        license.log();
        assertTrue(logs.toString().startsWith("INFO license license.txt: valid for ACME Logistics GmbH through"
                + " 2025-07-16 (31 days left)"), logs::toString);
        clock.set(NOW.plusSeconds(86_400));
        license.log();
        assertTrue(logs.toString().contains("WARN license license.txt expires soon: its last valid day is 2025-07-16"
                + " (30 days left)"), logs::toString);
        clock.set(Instant.parse("2025-07-17T00:00:00Z"));
        license.log();
        assertTrue(logs.toString().contains("ERROR license license.txt: expired: its last valid day was 2025-07-16"
                + " (UTC); new sessions are refused (ESID 08), running ones go on"), logs::toString);
    }

    @Test
    void aRefusedLicenseCannotRun() {
        LicenseStatus missing = LicenseCheck.atStartup(Path.of("/nonexistent/license.txt"),
                List.of(TrustedKey.builtIn()), HERE, clock);
        assertThrows(IllegalArgumentException.class, () -> RunningLicense.of(missing, clock));
    }
}
