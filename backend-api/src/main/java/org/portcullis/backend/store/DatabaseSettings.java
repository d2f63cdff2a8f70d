package org.portcullis.backend.store;

import java.util.Objects;

/**
 * How to reach the database.
 *
 * @param url the JDBC URL, e.g. "jdbc:h2:file:/var/lib/portcullis/backend/backend;AUTO_SERVER=TRUE" or
 *            "jdbc:postgresql://db.example/portcullis"
 * @param user the database user, or null to use what the URL says
 * @param password the database password, or null; never logged
 */
public record DatabaseSettings(String url, String user, String password) {
    public DatabaseSettings {
        Objects.requireNonNull(url, "url");
        if (!url.startsWith("jdbc:")) {
            throw new IllegalArgumentException("\"" + url + "\" is not a JDBC URL (jdbc:...)");
        }
    }

    /** The URL without its query or parameters, which may carry credentials. */
    public String displayUrl() {
        int cut = url.length();
        for (char separator : new char[] {'?', ';'}) {
            int at = url.indexOf(separator);
            if (at >= 0 && at < cut) {
                cut = at;
            }
        }
        return url.substring(0, cut);
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "DatabaseSettings[url=" + displayUrl() + ", user=" + user + "]";
    }
}
