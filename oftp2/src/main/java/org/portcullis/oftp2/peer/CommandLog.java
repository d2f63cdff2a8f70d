package org.portcullis.oftp2.peer;

import org.portcullis.oftp2.command.Data;
import org.portcullis.oftp2.command.Eerp;
import org.portcullis.oftp2.command.OftpCommand;
import org.portcullis.oftp2.command.Ssid;

/**
 * Describes a command for a DEBUG log line (RFC 5024 §5.3): never the SSID password, never the octets
 * of a DATA buffer.
 */
final class CommandLog {

    private CommandLog() {
    }

    static String describe(OftpCommand command) {
        if (command instanceof Ssid ssid) {
            return "SSID[level=" + ssid.level() + ", code=" + ssid.odetteId().trim() + ", sdeb=" + ssid.bufferSize()
                    + ", mode=" + ssid.mode().letter() + ", restart=" + ssid.restart() + ", credit=" + ssid.credit()
                    + ", auth=" + ssid.secureAuthentication() + "]";
        }
        if (command instanceof Data data) {
            return "DATA[" + data.content().readableBytes() + " octets of subrecords]";
        }
        if (command instanceof Eerp eerp) {
            return "EERP[" + eerp.datasetName() + ", " + eerp.date() + " " + eerp.time() + ", from "
                    + eerp.originator() + " to " + eerp.destination() + "]";
        }
        return command.toString();
    }
}
