package io.probehost.flash.format.debug.internal;

import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.probehost.flash.format.debug.CallFrameInfo;
import io.probehost.flash.format.debug.RegisterRule;
import io.probehost.flash.format.debug.UnwindRow;

/**
 * The Arm EHABI unwind tables ({@code .ARM.exidx}, with {@code .ARM.extab}) as call frame
 * information, for files that carry no {@code .debug_frame} ({@code -funwind-tables}, C++). An index
 * entry is a pair of words: a prel31 offset to the function's start, then {@code EXIDX_CANTUNWIND}
 * (1), the unwind instructions inline (bit 31 set, personality routine 0), or a prel31 offset to
 * the entry in {@code .ARM.extab} (compact model, personality routines 0, 1 and 2). The instructions
 * describe the function's body, after its prologue, as the epilogue that undoes it; they are turned
 * into the one CFI row that holds there (the frame's CFA and where each popped register sits). A
 * generic-model entry (a language's own personality routine) and a function that cannot be unwound
 * give no row, so the architecture's own fallback applies.
 */
public final class ExidxTable implements CallFrameInfo {

    private static final int ENTRY = 8;
    private static final long CANT_UNWIND = 1;
    private static final int SP = 13;
    private static final int LR = 14;
    private static final int PC = 15;
    private static final long COMPACT = 0x8000_0000L;

    private final long indexAddress;
    private final byte[] index;
    private final long tableAddress;
    private final byte[] table;

    /** The index at {@code indexAddress} and the table at {@code tableAddress} (empty when the file has none). */
    public ExidxTable(long indexAddress, byte[] index, long tableAddress, byte[] table) {
        this.indexAddress = indexAddress;
        this.index = index.clone();
        this.tableAddress = tableAddress;
        this.table = table.clone();
    }

    @Override
    public Optional<UnwindRow> rowAt(long pc) {
        int count = index.length / ENTRY;
        int low = 0;
        int high = count - 1;
        int found = -1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (functionStart(middle) <= pc) {
                found = middle;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        if (found < 0) {
            return Optional.empty();
        }
        long start = functionStart(found);
        long at = indexAddress + (long) found * ENTRY + 4;
        long word = word(index, found * ENTRY + 4);
        if (word == CANT_UNWIND) {
            return Optional.empty();
        }
        Optional<byte[]> instructions = (word & COMPACT) != 0 ? compact(word) : tableEntry(prel31(word, at));
        return instructions.flatMap(bytes -> EhabiInstructions.row(start, bytes));
    }

    private long functionStart(int entry) {
        long at = indexAddress + (long) entry * ENTRY;
        return prel31(word(index, entry * ENTRY), at) & ~1L;
    }

    /** The instructions of an inline entry or of a table entry's first word: personality 0 keeps three bytes. */
    private static Optional<byte[]> compact(long word) {
        if (((word >> 24) & 0xF) != 0) {
            return Optional.empty();
        }
        return Optional.of(new byte[] {(byte) (word >> 16), (byte) (word >> 8), (byte) word});
    }

    /** A {@code .ARM.extab} entry of the compact model: personality 0 (three bytes), 1 or 2 (two bytes and N more words). */
    private Optional<byte[]> tableEntry(long address) {
        long offset = address - tableAddress;
        if (offset < 0 || offset + 4 > table.length) {
            return Optional.empty();
        }
        long first = word(table, (int) offset);
        if ((first & COMPACT) == 0) {
            return Optional.empty();
        }
        int personality = (int) ((first >> 24) & 0xF);
        if (personality == 0) {
            return compact(first);
        }
        if (personality > 2) {
            return Optional.empty();
        }
        int more = (int) ((first >> 16) & 0xFF);
        if (offset + 4 + 4L * more > table.length) {
            return Optional.empty();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write((int) (first >> 8));
        bytes.write((int) first);
        for (int i = 1; i <= more; i++) {
            long next = word(table, (int) offset + 4 * i);
            for (int shift = 24; shift >= 0; shift -= 8) {
                bytes.write((int) (next >> shift));
            }
        }
        return Optional.of(bytes.toByteArray());
    }

    /** A 31-bit place-relative offset (bit 31 ignored) added to {@code place}. */
    private static long prel31(long word, long place) {
        long offset = (word << 33) >> 33;
        return (place + offset) & 0xFFFF_FFFFL;
    }

    private static long word(byte[] data, int at) {
        return (data[at] & 0xFFL) | (data[at + 1] & 0xFFL) << 8 | (data[at + 2] & 0xFFL) << 16
                | (data[at + 3] & 0xFFL) << 24;
    }

    /** The EHABI unwind instructions (EHABI §10.3), run on a virtual stack pointer to give one CFI row. */
    static final class EhabiInstructions {
        private int base = SP;
        private long vsp;
        private final Map<Integer, Long> savedAt = new HashMap<>();

        private EhabiInstructions() {
        }

        /** The row the instructions describe, or empty when they refuse to unwind or use what a row cannot say. */
        static Optional<UnwindRow> row(long functionStart, byte[] bytes) {
            EhabiInstructions machine = new EhabiInstructions();
            if (!machine.run(bytes)) {
                return Optional.empty();
            }
            Map<Integer, RegisterRule> rules = new HashMap<>();
            machine.savedAt.forEach((register, at) -> rules.put(register,
                    RegisterRule.of(RegisterRule.Kind.OFFSET, at - machine.vsp)));
            int returnAddress = machine.savedAt.containsKey(PC) ? PC : LR;
            return Optional.of(new UnwindRow(functionStart, machine.base, machine.vsp, false, rules, returnAddress));
        }

        private boolean run(byte[] bytes) {
            int at = 0;
            while (at < bytes.length) {
                int op = bytes[at++] & 0xFF;
                if ((op & 0xC0) == 0x00) {
                    vsp += ((op & 0x3F) << 2) + 4;
                } else if ((op & 0xC0) == 0x40) {
                    vsp -= ((op & 0x3F) << 2) + 4;
                } else if ((op & 0xF0) == 0x80) {
                    if (at >= bytes.length) {
                        return false;
                    }
                    int mask = (op & 0x0F) << 8 | (bytes[at++] & 0xFF);
                    if (mask == 0) {
                        return false;
                    }
                    pop(mask << 4);
                } else if ((op & 0xF0) == 0x90) {
                    int register = op & 0x0F;
                    if (register == SP || register == PC || !savedAt.isEmpty()) {
                        return false;
                    }
                    base = register;
                    vsp = 0;
                } else if ((op & 0xF8) == 0xA0 || (op & 0xF8) == 0xA8) {
                    int registers = ((1 << ((op & 7) + 1)) - 1) << 4;
                    pop((op & 0x08) != 0 ? registers | 1 << LR : registers);
                } else if (op == 0xB0) {
                    return true;
                } else if (op == 0xB1) {
                    if (at >= bytes.length || (bytes[at] & 0xF0) != 0 || bytes[at] == 0) {
                        return false;
                    }
                    pop(bytes[at++] & 0x0F);
                } else if (op == 0xB2) {
                    long value = 0;
                    int shift = 0;
                    int b;
                    do {
                        if (at >= bytes.length) {
                            return false;
                        }
                        b = bytes[at++] & 0xFF;
                        value |= (long) (b & 0x7F) << shift;
                        shift += 7;
                    } while ((b & 0x80) != 0);
                    vsp += 0x204 + (value << 2);
                } else if (op == 0xB3 || op == 0xC8 || op == 0xC9) {
                    if (at >= bytes.length) {
                        return false;
                    }
                    int count = (bytes[at++] & 0x0F) + 1;
                    vsp += 8L * count + (op == 0xB3 ? 4 : 0);
                } else if ((op & 0xF8) == 0xB8 || (op & 0xF8) == 0xD0) {
                    vsp += 8L * ((op & 7) + 1) + ((op & 0xF8) == 0xB8 ? 4 : 0);
                } else {
                    return false;
                }
            }
            return true;
        }

        /** Pops the registers of {@code mask} (bit n for rn), lowest first, from the virtual stack. */
        private void pop(int mask) {
            for (int register = 0; register < 16; register++) {
                if ((mask & (1 << register)) != 0) {
                    savedAt.putIfAbsent(register, vsp);
                    vsp += 4;
                }
            }
        }
    }
}
