package org.portcullis.oftp2.command;

/** The first octet of each OFTP 2.0 command (RFC 5024 §5.3). */
public enum CommandCode {
    SSRM('I'), SSID('X'), SECD('J'), AUCH('A'), AURP('S'), SFID('H'), SFPA('2'), SFNA('3'), DATA('D'),
    CDT('C'), EFID('T'), EFPA('4'), EFNA('5'), ESID('F'), CD('R'), EERP('E'), NERP('N'), RTR('P');

    private static final CommandCode[] BY_OCTET = new CommandCode[128];

    static {
        for (CommandCode code : values()) {
            BY_OCTET[code.octet] = code;
        }
    }

    private final byte octet;

    CommandCode(char octet) {
        this.octet = (byte) octet;
    }

    /** The command octet as it appears at offset 0 of the exchange buffer. */
    public byte octet() {
        return octet;
    }

    /** The command for a first octet, or {@code null} when no OFTP 2.0 command starts with it. */
    public static CommandCode ofOctet(int octet) {
        return octet >= 0 && octet < BY_OCTET.length ? BY_OCTET[octet] : null;
    }
}
