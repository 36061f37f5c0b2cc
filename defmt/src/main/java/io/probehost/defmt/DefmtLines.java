package io.probehost.defmt;

/**
 * Renders decoded records as text lines, the way probe-rs prints defmt: the timestamp (when the firmware
 * has one), the level padded to five characters, the message, and on the next line where the statement
 * is written:
 * <pre>
 * 0.100000 INFO  temperature = 21 C
 * └─ main @ defmt-log.c:42
 * </pre>
 * The compact form puts the location at the end of the line instead: {@code ... (main @ defmt-log.c:42)}.
 * A skipped frame is one line: {@code (defmt: garbled frame skipped, 7 bytes)}.
 */
public final class DefmtLines {
    private final boolean compact;

    /** @param compact one line per frame, the location in parentheses at its end */
    public DefmtLines(boolean compact) {
        this.compact = compact;
    }

    /** The record's lines, each ending in a newline. */
    public String format(DefmtRecord record) {
        if (record instanceof DefmtGarbled garbled) {
            return "(defmt: garbled frame skipped, " + garbled.bytes() + " bytes)\n";
        }
        DefmtFrame frame = (DefmtFrame) record;
        StringBuilder line = new StringBuilder();
        frame.timestamp().ifPresent(t -> line.append(t).append(' '));
        frame.level().ifPresent(l -> line.append(String.format("%-5s ", l.name())));
        line.append(frame.text());
        frame.location().ifPresent(at -> line.append(compact ? " (" + at + ")" : "\n└─ " + at));
        return line.append('\n').toString();
    }
}
