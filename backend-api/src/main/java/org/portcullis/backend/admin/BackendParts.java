package org.portcullis.backend.admin;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.portcullis.backend.crl.CrlUrlStatus;
import org.portcullis.backend.crl.CrlUrlTable;
import org.portcullis.backend.event.EventScriptSettings;
import org.portcullis.backend.event.IgnoreRule;
import org.portcullis.backend.event.IgnoreRuleTable;
import org.portcullis.backend.token.TokenRecord;
import org.portcullis.backend.token.TokenTable;

/**
 * What the backend keeps beyond the relay document: CRL URLs, token hashes, ignore rules, the event script.
 *
 * @param crlUrls the CRL distribution points
 * @param tokens the tokens (hashes only)
 * @param ignoreRules the log-ignore rules
 * @param eventScript the event script, or null
 */
public record BackendParts(List<String> crlUrls, List<TokenRecord> tokens, List<IgnoreRule> ignoreRules,
                           EventScriptSettings eventScript) {
    public BackendParts {
        crlUrls = List.copyOf(crlUrls);
        tokens = List.copyOf(tokens);
        ignoreRules = List.copyOf(ignoreRules);
    }

    /** Reads them. */
    public static BackendParts read(Connection connection) throws SQLException {
        return new BackendParts(CrlUrlTable.list(connection).stream().map(CrlUrlStatus::url).toList(),
                TokenTable.list(connection), IgnoreRuleTable.list(connection),
                EventScriptSettings.read(connection).orElse(null));
    }

    /** Replaces the stored ones with these. */
    public void replace(Connection connection) throws SQLException {
        CrlUrlTable.deleteAll(connection);
        TokenTable.deleteAll(connection);
        IgnoreRuleTable.deleteAll(connection);
        EventScriptSettings.clear(connection);
        Instant now = Instant.now();
        for (String url : crlUrls) {
            CrlUrlTable.add(connection, url, now);
        }
        for (TokenRecord token : tokens) {
            TokenTable.insert(connection, token);
        }
        for (IgnoreRule rule : ignoreRules) {
            IgnoreRuleTable.insert(connection, rule);
        }
        if (eventScript != null) {
            eventScript.write(connection);
        }
    }
}
