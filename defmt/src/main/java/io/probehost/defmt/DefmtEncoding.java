package io.probehost.defmt;

/** How frames follow each other in the stream, from the ELF's {@code _defmt_encoding_} marker symbol. */
public enum DefmtEncoding {
    /** Reverse zero-compressing COBS, frames separated by 0x00: a damaged frame is skipped. */
    RZCOBS("rzcobs"),
    /** Frames back to back with no framing: a damaged frame leaves no way to find the next. */
    RAW("raw");

    private final String symbolValue;

    DefmtEncoding(String symbolValue) {
        this.symbolValue = symbolValue;
    }

    /** The value in {@code _defmt_encoding_ = <value>}. */
    public String symbolValue() {
        return symbolValue;
    }

    public static DefmtEncoding fromSymbolValue(String value) {
        for (DefmtEncoding encoding : values()) {
            if (encoding.symbolValue.equals(value)) {
                return encoding;
            }
        }
        throw new DefmtException("unknown defmt encoding '" + value + "' (rzcobs or raw)");
    }
}
