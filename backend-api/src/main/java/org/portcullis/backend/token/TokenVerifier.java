package org.portcullis.backend.token;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.portcullis.backend.store.Database;

/** Checks a presented token against the stored hashes, on an executor (a database lookup, never on an event loop). */
public final class TokenVerifier {
    private final Database database;
    private final Executor executor;

    public TokenVerifier(Database database, Executor executor) {
        this.database = database;
        this.executor = executor;
    }

    /**
     * The stored record of the token (revoked or not), or empty if no token has this text. A malformed text
     * completes empty at once.
     */
    public CompletableFuture<Optional<TokenRecord>> verify(String token) {
        if (!Tokens.wellFormed(token)) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        String hash = Tokens.hash(token);
        return CompletableFuture.supplyAsync(() -> database.read(c -> TokenTable.findByHash(c, hash)), executor);
    }
}
