package org.portcullis.oftp2.peer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.portcullis.oftp2.command.AnswerReason;
import org.portcullis.oftp2.command.FileFormat;
import org.portcullis.oftp2.command.Sfid;
import org.portcullis.oftp2.command.Sfna;

/**
 * The receive folder (RFC 5024 §4.3.3, §5.3.3 to §5.3.5): which announced files it accepts, where their
 * octets go, and from which position a restarted file resumes.
 */
final class Inbox {
    private final Path dir;
    private final String ownId;

    Inbox(Path dir, String ownId) {
        this.dir = dir;
        this.ownId = ownId;
    }

    /** The SFNA for a file this peer does not take, or {@code null} when it takes it. */
    Sfna refusal(Sfid sfid) {
        String name = sfid.datasetName().trim();
        if (!isSafeName(name)) {
            return new Sfna(AnswerReason.INVALID_FILENAME, false, "dataset name not usable as a file name");
        }
        if (!sfid.destination().trim().equalsIgnoreCase(ownId)) {
            return new Sfna(AnswerReason.INVALID_DESTINATION, false, "not addressed to " + ownId);
        }
        if (sfid.format() != FileFormat.UNSTRUCTURED) {
            return new Sfna(AnswerReason.RECORD_FORMAT_NOT_SUPPORTED, false, "only format U is accepted");
        }
        if (sfid.compression() != 0) {
            return new Sfna(AnswerReason.COMPRESSION_NOT_ALLOWED, false, "file compression is not supported");
        }
        if (sfid.security() != 0 || sfid.envelope() != 0) {
            return new Sfna(AnswerReason.ENCRYPTED_FILE_NOT_ALLOWED, false, "file security is not supported");
        }
        return null;
    }

    /**
     * Opens the partial file. With restart agreed and a partial file of the same identity, it resumes at
     * min(SFIDREST, whole KiB received) (RFC 5024 §5.3.4 SFPAACNT); otherwise from 0.
     */
    IncomingFile open(Sfid sfid, boolean restartAgreed) throws IOException {
        String name = sfid.datasetName().trim();
        long blocks = 0;
        if (restartAgreed && sfid.restartPosition() > 0) {
            Path partial = dir.resolve("." + name + ".part");
            ReceiveIdentity saved = ReceiveIdentity.read(dir.resolve("." + name + ".part.id"));
            if (ReceiveIdentity.of(sfid).equals(saved) && Files.isRegularFile(partial)) {
                blocks = Math.min(sfid.restartPosition(), Files.size(partial) / 1024);
            }
        }
        return IncomingFile.open(sfid, dir, name, blocks);
    }

    /** Whether the name stays inside the folder and clear of this peer's hidden state files. */
    private boolean isSafeName(String name) {
        if (name.isEmpty() || name.startsWith(".") || name.contains("/") || name.contains("\\")
                || name.indexOf('\0') >= 0) {
            return false;
        }
        Path target = dir.resolve(name).normalize();
        return dir.normalize().equals(target.getParent());
    }
}
