package io.probehost.firmware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MemorySnapshotTest {

    private static ResultBlock block(int... values) {
        int[] words = new int[ResultBlock.WORDS];
        words[0] = ResultBlock.STATUS_DONE;
        words[2] = values.length;
        System.arraycopy(values, 0, words, ResultBlock.HEADER_WORDS, values.length);
        return new ResultBlock(words);
    }

    @Test
    void differencesFromIsEmptyWhenSnapshotsAreEqual() {
        MemorySnapshot a = new MemorySnapshot(block(1, 2, 3), Map.of(0x2000_0000, new int[] {7, 8}));
        MemorySnapshot b = new MemorySnapshot(block(1, 2, 3), Map.of(0x2000_0000, new int[] {7, 8}));
        assertTrue(b.differencesFrom(a, "QEMU", "lab").isEmpty());
    }

    @Test
    void differencesFromNamesEachDifferingWordWhenSnapshotsDiffer() {
        MemorySnapshot qemu = new MemorySnapshot(block(1, 2, 3), Map.of(0x2000_0000, new int[] {7, 8}));
        MemorySnapshot lab = new MemorySnapshot(block(1, 5, 3), Map.of(0x2000_0000, new int[] {7, 9}));
        List<String> differences = lab.differencesFrom(qemu, "QEMU", "lab");
        assertEquals(List.of("0x20003F14 (value 1): QEMU 0x00000002, lab 0x00000005",
                "0x20000004: QEMU 0x00000008, lab 0x00000009"), differences);
    }

    @Test
    void regionsOfLeaveOutTheStackWhenProgramTakesTimedInterrupts() {
        assertTrue(MemorySnapshot.regionsOf(Program.EXCEPTIONS).isEmpty());
        assertEquals(Map.of(0x2000_0000, (ResultBlock.BASE - 0x2000_0000) / 4), MemorySnapshot.regionsOf(Program.TORTURE));
    }
}
