package io.probehost.firmware;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The result block and the other RAM regions a program's result points to, as read after DONE. */
record MemorySnapshot(ResultBlock block, Map<Integer, int[]> regions) {

    interface WordReader {
        int[] read(int address, int count) throws Exception;
    }

    static final int RAM_BASE = 0x2000_0000;

    /**
     * RAM besides the block that must match: everything below the block (data, bss, stack) for
     * programs without interrupts; nothing for exceptions, whose stack holds frames stacked at
     * SysTick times that differ between emulators.
     */
    static Map<Integer, Integer> regionsOf(Program program) {
        Map<Integer, Integer> regions = new LinkedHashMap<>();
        if (program != Program.EXCEPTIONS) {
            regions.put(RAM_BASE, (ResultBlock.BASE - RAM_BASE) / 4);
        }
        return regions;
    }

    /** A word of RAM below the result block, from the whole-RAM region. */
    int ramWord(int address) {
        int[] ram = regions.get(RAM_BASE);
        if (ram == null || address < RAM_BASE || address >= ResultBlock.BASE) {
            throw new IllegalArgumentException(String.format("0x%08X is not in this snapshot", address));
        }
        return ram[(address - RAM_BASE) / 4];
    }

    static MemorySnapshot take(Program program, ResultBlock block, WordReader reader) throws Exception {
        Map<Integer, int[]> regions = new LinkedHashMap<>();
        for (Map.Entry<Integer, Integer> region : regionsOf(program).entrySet()) {
            regions.put(region.getKey(), reader.read(region.getKey(), region.getValue()));
        }
        return new MemorySnapshot(block, regions);
    }

    /** Every word that differs, as "address: expected vs actual" lines; empty when equal. */
    List<String> differencesFrom(MemorySnapshot expected, String expectedName, String actualName) {
        List<String> differences = new ArrayList<>();
        compare(ResultBlock.BASE, expected.block.words(), block.words(), expectedName, actualName, differences);
        for (Map.Entry<Integer, int[]> region : expected.regions.entrySet()) {
            int[] mine = regions.get(region.getKey());
            if (mine == null) {
                differences.add(String.format("region 0x%08X missing in %s", region.getKey(), actualName));
            } else {
                compare(region.getKey(), region.getValue(), mine, expectedName, actualName, differences);
            }
        }
        return differences;
    }

    private static void compare(int base, int[] expected, int[] actual, String expectedName, String actualName,
                                List<String> differences) {
        for (int i = 0; i < expected.length; i++) {
            if (expected[i] != actual[i]) {
                String what = base == ResultBlock.BASE && i >= ResultBlock.HEADER_WORDS
                        ? " (value " + (i - ResultBlock.HEADER_WORDS) + ")" : "";
                differences.add(String.format("0x%08X%s: %s 0x%08X, %s 0x%08X", base + 4 * i, what,
                        expectedName, expected[i], actualName, actual[i]));
            }
        }
    }
}
