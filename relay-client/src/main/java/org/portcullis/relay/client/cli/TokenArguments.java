package org.portcullis.relay.client.cli;

import java.util.Set;

/**
 * Keeps picocli's argument-file expansion away from the token file of {@code -T @FILE}.
 *
 * <p>picocli expands every argument that starts with {@code @} as an argument file (that is how
 * {@code relay-client @/etc/portcullis/client.args} works), so {@code -T @/run/token} would otherwise be split into
 * words by picocli's tokenizer, which drops what follows a {@code #} and removes quotes. {@link #protect} turns the
 * separate value of {@code -T}/{@code --token} into {@code @@FILE}, picocli's escape for a literal {@code @FILE},
 * and {@link Token} reads the file verbatim. The attached forms {@code --token=@FILE} and {@code -T@FILE} start with
 * {@code -}, so picocli never expands them: they are the forms to use inside an argument file, where this class
 * does not reach.
 */
public final class TokenArguments {
    private static final Set<String> TOKEN_OPTIONS = Set.of("-T", "--token");

    private TokenArguments() {
    }

    /** A copy of {@code args} with the separate {@code @FILE} value of a token option escaped for picocli. */
    public static String[] protect(String... args) {
        String[] protectedArgs = args.clone();
        for (int i = 0; i + 1 < protectedArgs.length; i++) {
            if ("--".equals(protectedArgs[i])) {
                break;
            }
            String value = protectedArgs[i + 1];
            if (TOKEN_OPTIONS.contains(protectedArgs[i]) && value.startsWith("@") && !value.startsWith("@@")) {
                protectedArgs[i + 1] = "@" + value;
                i++;
            }
        }
        return protectedArgs;
    }
}
