package org.portcullis.backend.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.backend.token.TokenRecord;
import org.portcullis.backend.token.TokenTable;
import org.portcullis.backend.token.Tokens;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code token create|revoke|list}: the relay clients' tokens. A token is shown once, when it is created. */
@Command(name = "token", mixinStandardHelpOptions = true, description = "Creates, revokes and lists relay tokens.")
public final class TokenCommands {
    private static final Logger LOG = LogManager.getLogger();

    @Spec
    private CommandSpec spec;

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Creates a token for a relay client and prints it once; only its hash is stored.")
    int create(@Mixin StoreOptions store, @Parameters(paramLabel = "NAME", description = "the relay client's name")
            String name) {
        return Admin.run(spec, store, (session, out) -> create(session, out, name));
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revokes a token: requests with it get 401 from now on.")
    int revoke(@Mixin StoreOptions store, @Parameters(paramLabel = "NAME") String name) {
        return Admin.run(spec, store, (session, out) -> {
            checkName(name);
            if (!session.database().write(c -> TokenTable.revoke(c, name, Instant.now()))) {
                throw AdminException.failed("no valid token named \"" + name + "\"");
            }
            LOG.info("token \"{}\" revoked", name);
            out.println("token \"" + name + "\" revoked");
            return Admin.OK;
        });
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the tokens (names and dates only).")
    int list(@Mixin StoreOptions store) {
        return Admin.run(spec, store, (session, out) -> {
            List<TokenRecord> tokens = session.database().read(TokenTable::list);
            out.printf("%-30s %-25s %s%n", "NAME", "CREATED", "REVOKED");
            for (TokenRecord token : tokens) {
                out.printf("%-30s %-25s %s%n", token.name(), token.created(),
                        token.revoked() == null ? "-" : token.revoked());
            }
            return Admin.OK;
        });
    }

    private static void checkName(String name) {
        String problem = Tokens.checkName(name);
        if (problem != null) {
            throw AdminException.badInput(problem);
        }
    }

    private static int create(AdminSession session, PrintWriter out, String name) {
        checkName(name);
        String token = Tokens.generate();
        boolean created = session.database().write(c -> {
            if (TokenTable.get(c, name).isPresent()) {
                return false;
            }
            TokenTable.insert(c, new TokenRecord(name, Tokens.hash(token), Instant.now(), null));
            return true;
        });
        if (!created) {
            throw AdminException.failed("a token named \"" + name + "\" exists (revoked or not); pick another name");
        }
        LOG.info("token \"{}\" created", name);
        out.println(token);
        return Admin.OK;
    }
}
