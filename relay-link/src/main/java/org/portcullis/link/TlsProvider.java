package org.portcullis.link;

import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslProvider;
import java.util.Locale;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The TLS implementation of a daemon's connections (the link, and relay-server's partners): BoringSSL through
 * netty-tcnative where its native library loads on this host, the JDK's otherwise. Both offer the same protocols,
 * suites, client-certificate checks (the same trust managers, CRLs and pins) and refuse renegotiation; BoringSSL
 * encrypts several times faster, which is most of the relay's work in a bulk transfer.
 */
public enum TlsProvider {
    /** BoringSSL (netty-tcnative-boringssl-static). */
    OPENSSL(SslProvider.OPENSSL),
    /** The JDK's SSLEngine. */
    JDK(SslProvider.JDK);

    private static final Logger LOG = LogManager.getLogger();

    private final SslProvider netty;

    TlsProvider(SslProvider netty) {
        this.netty = netty;
    }

    /** Netty's name for it. */
    public SslProvider netty() {
        return netty;
    }

    /** OPENSSL when its native library loads here, else JDK. */
    public static TlsProvider preferred() {
        return OpenSsl.isAvailable() ? OPENSSL : JDK;
    }

    /**
     * The provider an option names: {@code auto} ({@link #preferred()}), {@code openssl} or {@code jdk}
     * (any case). {@code openssl} where the native library cannot load falls back to JDK, logged as a warning.
     *
     * @throws IllegalArgumentException for another name
     */
    public static TlsProvider parse(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        switch (lower) {
            case "auto":
                return preferred();
            case "jdk":
                return JDK;
            case "openssl":
                if (OpenSsl.isAvailable()) {
                    return OPENSSL;
                }
                LOG.warn("TLS provider openssl asked for, but its native library does not load here ({}); using jdk",
                        String.valueOf(OpenSsl.unavailabilityCause()));
                return JDK;
            default:
                throw new IllegalArgumentException("TLS provider must be auto, openssl or jdk, not " + name);
        }
    }

    /** A line for the start-up log: which provider and, for OPENSSL, which library version. */
    public String describe() {
        return this == OPENSSL ? "openssl (" + OpenSsl.versionString() + ")" : "jdk";
    }
}
