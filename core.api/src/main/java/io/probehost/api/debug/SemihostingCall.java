package io.probehost.api.debug;

import java.util.Optional;

/**
 * A semihosting call a halted core makes.
 *
 * @param operation   the operation number (R0, a0), such as {@code 0x03} for SYS_WRITEC
 * @param parameter   the parameter register (R1, a1): a value or the address of a parameter block
 * @param trapAddress where the core halted: the {@code BKPT} on Arm, the {@code ebreak} on RISC-V
 * @param wordBytes   the size of a parameter block field: 4 on 32-bit cores, 8 on 64-bit ones
 */
public record SemihostingCall(int operation, long parameter, long trapAddress, int wordBytes) {

    public SemihostingCall {
        if (wordBytes != 4 && wordBytes != 8) {
            throw new IllegalArgumentException("a semihosting word is 4 or 8 bytes, not " + wordBytes);
        }
    }

    /**
     * The first {@code count} fields of the parameter block at {@link #parameter()}, each
     * {@link #wordBytes()} long, little-endian, as unsigned values.
     */
    public long[] readParameterBlock(MemoryInterface memory, int count) {
        byte[] block = memory.read(parameter, count * wordBytes);
        long[] fields = new long[count];
        for (int i = 0; i < block.length; i++) {
            fields[i / wordBytes] |= (block[i] & 0xFFL) << (8 * (i % wordBytes));
        }
        return fields;
    }

    /** The operation by name, or empty for one this list does not know. */
    public Optional<SemihostingOperation> knownOperation() {
        return SemihostingOperation.fromCode(operation);
    }
}
