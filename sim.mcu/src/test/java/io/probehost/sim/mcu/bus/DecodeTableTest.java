package io.probehost.sim.mcu.bus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which entries a change of bytes zeroes: every instruction (up to four bytes) that overlaps them. */
class DecodeTableTest {

    /** The entries zeroed by {@code changed(offset, length)} on a table of {@code bytes} bytes whose entries were all set. */
    private static int[] zeroedBy(int bytes, int offset, int length) {
        DecodeTable table = new DecodeTable(bytes);
        MarkedEntries marks = MarkedEntries.of(table);
        table.changed(offset, length);
        return marks.zeroed();
    }

    private static int[] indices(String list) {
        return list.isEmpty() ? new int[0] : Arrays.stream(list.split(" ")).mapToInt(Integer::parseInt).toArray();
    }

    @ParameterizedTest(name = "{0} bytes at {1}: entries {2}")
    @CsvSource({
        "1, 0, '0'", "1, 1, '0'", "1, 2, '0 1'", "1, 3, '0 1'", "1, 4, '1 2'",
        "2, 0, '0'", "2, 1, '0 1'", "2, 2, '0 1'", "2, 3, '0 1 2'",
        "4, 0, '0 1'", "4, 1, '0 1 2'", "4, 2, '0 1 2'", "4, 3, '0 1 2 3'", "4, 4, '1 2 3'",
        "0, 4, ''",
    })
    void changeZeroesEveryInstructionOverlappingIt(int length, int offset, String zeroed) {
        assertArrayEquals(indices(zeroed), zeroedBy(16, offset, length));
    }

    @ParameterizedTest(name = "{1} bytes at {0} of {2}: entries {3}")
    @CsvSource({
        "12, 4, 16, '5 6 7'", "15, 1, 16, '6 7'", "14, 8, 16, '6 7'", "14, 1, 15, '6 7'", "0, 15, 15, '0 1 2 3 4 5 6 7'",
    })
    void changeAtTheEndIsClippedToTheTable(int offset, int length, int bytes, String zeroed) {
        assertArrayEquals(indices(zeroed), zeroedBy(bytes, offset, length));
    }

    @Test
    void tableHasOneEntryPerHalfwordAndKeepsItsIdentityWhenClearedWhole() {
        DecodeTable table = new DecodeTable(15);
        long[] entries = table.entries();
        assertEquals(8, entries.length);
        Arrays.fill(entries, 3L);
        table.changedAll();
        assertSame(entries, table.entries());
        assertArrayEquals(new long[8], entries);
    }

    @Test
    void changesBeforeTheFirstEntriesCallAreNoOps() {
        DecodeTable table = new DecodeTable(16);
        table.changed(0, 16);
        table.changed(14, 100);
        table.changedAll();
        assertArrayEquals(new long[8], table.entries());
    }

    @Test
    void onlyAChangeToDecodedCodeCountsAndTellsTheListener() {
        DecodeTable table = new DecodeTable(16);
        int[] told = new int[1];
        table.onCodeChange(() -> told[0]++);
        table.entries()[4] = 1; // an instruction decoded at byte 8
        table.changed(0, 4); // bytes no instruction decoded overlaps
        table.changed(12, 4);
        assertEquals(0, table.codeChanges());
        assertEquals(0, told[0]);
        table.changed(10, 1); // a four-byte instruction at 8 overlaps byte 10
        assertEquals(1, table.codeChanges());
        assertEquals(1, told[0]);
        table.changed(8, 2); // zeroed already: nothing decoded is left to change
        assertEquals(1, table.codeChanges());
        table.changedAll();
        assertEquals(2, table.codeChanges());
        assertEquals(2, told[0]);
    }
}
