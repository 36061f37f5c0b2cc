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

    /** Regions besides the block worth comparing: for rtt, the control block and the up ring. */
    static Map<Integer, Integer> regionsOf(Program program, ResultBlock block) {
        Map<Integer, Integer> regions = new LinkedHashMap<>();
        if (program == Program.RTT && block.status() == ResultBlock.STATUS_DONE) {
            regions.put(block.value(0), RttControlBlock.WORDS);
            regions.put(block.value(1), block.value(2) / 4);
        }
        return regions;
    }

    static MemorySnapshot take(Program program, ResultBlock block, WordReader reader) throws Exception {
        Map<Integer, int[]> regions = new LinkedHashMap<>();
        for (Map.Entry<Integer, Integer> region : regionsOf(program, block).entrySet()) {
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
