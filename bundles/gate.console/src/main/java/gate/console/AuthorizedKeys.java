package gate.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.logging.Logger;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.server.auth.pubkey.PublickeyAuthenticator;
import org.apache.sshd.server.session.ServerSession;

/**
 * Lets in the holders of the keys listed in an OpenSSH {@code authorized_keys} file. The file is
 * read at every login, so edits apply at once; a missing or unreadable file lets nobody in. The
 * user name does not matter: a listed key is the only credential.
 */
final class AuthorizedKeys implements PublickeyAuthenticator {

    private static final Logger LOG = Logger.getLogger("gate.console");

    private final Path file;

    AuthorizedKeys(Path file) {
        this.file = file;
    }

    @Override
    public boolean authenticate(String username, PublicKey key, ServerSession session) {
        if (!Files.isRegularFile(file)) {
            LOG.warning(file + ": no such file; SSH login refused");
            return false;
        }
        try {
            for (AuthorizedKeyEntry entry : AuthorizedKeyEntry.readAuthorizedKeys(file)) {
                // Key types this JVM cannot decode are skipped, not fatal to the other lines.
                PublicKey allowed = entry.resolvePublicKey(session, PublicKeyEntryResolver.IGNORING);
                if (allowed != null && KeyUtils.compareKeys(allowed, key)) {
                    return true;
                }
            }
            return false;
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            LOG.warning(file + ": cannot read authorized keys (" + e.getMessage() + "); SSH login refused");
            return false;
        }
    }
}
