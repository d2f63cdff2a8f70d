package org.portcullis.backend;

import java.time.Duration;
import java.util.Objects;
import org.portcullis.backend.crl.CrlSettings;
import org.portcullis.backend.http.ApiSettings;
import org.portcullis.backend.store.StoreSettings;
import org.portcullis.backend.token.ThrottleSettings;

/**
 * Everything {@code backend-api serve} runs with.
 *
 * @param store where the state is
 * @param api the HTTPS listener
 * @param crl how CRLs are fetched
 * @param throttle how failed token checks are slowed down
 * @param refreshInterval how often the document is rebuilt even without a change signal, default 60 s (picks up
 *                        changes made where the signal file cannot be seen, e.g. a CLI on another host against the
 *                        same PostgreSQL)
 * @param eventQueue events waiting for the script at most, default {@value #DEFAULT_EVENT_QUEUE}
 */
public record ServiceSettings(StoreSettings store, ApiSettings api, CrlSettings crl, ThrottleSettings throttle,
                              Duration refreshInterval, int eventQueue) {
    /** The default periodic refresh. */
    public static final Duration DEFAULT_REFRESH_INTERVAL = Duration.ofSeconds(60);
    /** The default event queue. */
    public static final int DEFAULT_EVENT_QUEUE = 1000;

    public ServiceSettings {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(api, "api");
        Objects.requireNonNull(crl, "crl");
        Objects.requireNonNull(throttle, "throttle");
        if (refreshInterval.isNegative() || refreshInterval.isZero() || eventQueue < 1) {
            throw new IllegalArgumentException("refreshInterval must be positive and eventQueue at least 1");
        }
    }

    /** Settings with the documented defaults around a store and a listener. */
    public static ServiceSettings of(StoreSettings store, ApiSettings api) {
        return new ServiceSettings(store, api, CrlSettings.defaults(), ThrottleSettings.defaults(),
                DEFAULT_REFRESH_INTERVAL, DEFAULT_EVENT_QUEUE);
    }

    /** These settings with other CRL settings. */
    public ServiceSettings withCrl(CrlSettings newCrl) {
        return new ServiceSettings(store, api, newCrl, throttle, refreshInterval, eventQueue);
    }

    /** These settings with another throttle. */
    public ServiceSettings withThrottle(ThrottleSettings newThrottle) {
        return new ServiceSettings(store, api, crl, newThrottle, refreshInterval, eventQueue);
    }
}
