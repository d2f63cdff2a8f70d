package org.portcullis.relay.client.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackendEndpointsTest {

    @Test
    void theBackendAloneMeansItsConfigurationPathAndTheOtherCallsSitBesideIt() {
        for (String url : new String[] {"https://backend.example:8443", "https://backend.example:8443/"}) {
            BackendEndpoints endpoints = BackendEndpoints.of(URI.create(url));
            assertEquals(URI.create("https://backend.example:8443/v1/config"), endpoints.config());
            assertEquals(URI.create("https://backend.example:8443/v1/crl-urls"), endpoints.crlUrls());
            assertEquals(URI.create("https://backend.example:8443/v1/events"), endpoints.events());
        }
    }

    @Test
    void aFullUrlIsKeptWithItsPrefix() {
        BackendEndpoints endpoints = BackendEndpoints.of(URI.create("https://gw.example/portcullis/v1/config"));
        assertEquals(URI.create("https://gw.example/portcullis/v1/config"), endpoints.config());
        assertEquals(URI.create("https://gw.example/portcullis/v1/events"), endpoints.events());
        assertEquals("https://gw.example/portcullis/v1/config", endpoints.display());
    }

    @Test
    void theLongPollAddsItsWaitToTheQuery() {
        assertEquals(URI.create("https://b.example/v1/config?wait=55s"),
                BackendEndpoints.of(URI.create("https://b.example")).configWaiting(Duration.ofSeconds(55)));
        assertEquals(URI.create("https://b.example/v1/config?site=7&wait=250ms"),
                BackendEndpoints.of(URI.create("https://b.example/v1/config?site=7"))
                        .configWaiting(Duration.ofMillis(250)));
    }

    @Test
    void onlyHttpsWithoutCredentialsIsABackendUrl() {
        IllegalArgumentException plain = assertThrows(IllegalArgumentException.class,
                () -> BackendEndpoints.of(URI.create("http://backend.example/v1/config")));
        assertTrue(plain.getMessage().contains("must be https"), plain.getMessage());
        IllegalArgumentException user = assertThrows(IllegalArgumentException.class,
                () -> BackendEndpoints.of(URI.create("https://admin:hunter2@backend.example/")));
        assertFalse(user.getMessage().contains("hunter2"), user.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BackendEndpoints.of(URI.create("backend.example")));
    }
}
