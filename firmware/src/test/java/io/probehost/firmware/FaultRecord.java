package io.probehost.firmware;

import java.util.ArrayList;
import java.util.List;

/**
 * One handler entry recorded by the faults program ({@code struct record} in faults.c): the case,
 * IPSR and EXC_RETURN seen in the handler, the stacked frame, the faulting instruction's address
 * ({@code site}) and where it hands over to ({@code after}), PRIMASK in the handler, the frame
 * address mod 8 and the entry's sequence number.
 */
record FaultRecord(int caseId, int ipsr, int excReturn, int[] frame, int site, int after, int primask,
                   int frameLowBits, int sequence) {
    static final int WORDS = 16;
    static final int R12 = 4;
    static final int LR = 5;
    static final int PC = 6;
    static final int XPSR = 7;
    /** Result values: where the records are, how many, and the words per record. */
    static final int VALUE_RECORDS = 0;
    static final int VALUE_RECORD_COUNT = 1;
    static final int VALUE_RECORD_WORDS = 2;

    static List<FaultRecord> readAll(MemorySnapshot memory) {
        ResultBlock block = memory.block();
        if (block.value(VALUE_RECORD_WORDS) != WORDS) {
            throw new IllegalStateException("faults.c records hold " + block.value(VALUE_RECORD_WORDS) + " words, expected " + WORDS);
        }
        List<FaultRecord> records = new ArrayList<>();
        for (int i = 0; i < block.value(VALUE_RECORD_COUNT); i++) {
            int base = block.value(VALUE_RECORDS) + 4 * WORDS * i;
            int[] w = new int[WORDS];
            for (int j = 0; j < WORDS; j++) {
                w[j] = memory.ramWord(base + 4 * j);
            }
            int[] frame = java.util.Arrays.copyOfRange(w, 3, 11);
            records.add(new FaultRecord(w[0], w[1], w[2], frame, w[11], w[12], w[13], w[14], w[15]));
        }
        return records;
    }

    @Override
    public int[] frame() {
        return frame.clone();
    }

    @Override
    public String toString() {
        return String.format("case %d seq %d: IPSR %d, EXC_RETURN 0x%08X, frame r0 0x%08X r1 0x%08X r2 0x%08X r3 0x%08X"
                + " r12 0x%08X lr 0x%08X pc 0x%08X xpsr 0x%08X, site 0x%08X after 0x%08X, PRIMASK %d, frame mod 8 %d",
                caseId, sequence, ipsr, excReturn, frame[0], frame[1], frame[2], frame[3], frame[4], frame[5], frame[6],
                frame[7], site, after, primask, frameLowBits);
    }
}
