package org.portcullis.backend.crl;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Which CRL distribution points the backend fetches: http and https URLs with a host, no user info. */
public final class CrlUrls {
    /** The longest URL accepted. */
    public static final int MAX_LENGTH = 2048;

    private CrlUrls() {
    }

    /** Null if the backend can fetch the URL, otherwise why not. */
    public static String check(String url) {
        if (url == null || url.isEmpty() || url.length() > MAX_LENGTH) {
            return "a CRL URL must be 1-" + MAX_LENGTH + " characters";
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return "only http and https CRL URLs are fetched, not \"" + scheme + "\"";
            }
            if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
                return "a CRL URL needs a host and no user info or fragment";
            }
            return null;
        } catch (URISyntaxException e) {
            return "not a URL: " + e.getReason();
        }
    }
}
