package io.probehost.sim.probe.stlink;

import java.util.List;

/**
 * The SWD/JTAG clock settings: the V2 divisor tables of SWD_SET_FREQ and JTAG_SET_FREQ, and the V3
 * frequency lists GET_COM_FREQ reports (kHz, fastest first, high-performance core clock).
 */
final class ClockTables {
    static final int V2_SWD_DEFAULT_KHZ = 1800;
    static final int V2_JTAG_DEFAULT_KHZ = 1125;
    static final List<Integer> V3_SWD_KHZ = List.of(24000, 8000, 3300, 1000, 200, 50, 5);
    static final List<Integer> V3_JTAG_KHZ = List.of(21333, 16000, 12000, 8000, 3000, 1000, 200, 50, 5);

    private static final int[][] V2_SWD = {{0, 4000}, {1, 1800}, {2, 1200}, {3, 950}, {5, 650}, {7, 480}, {9, 400},
        {10, 360}, {15, 240}, {25, 150}, {31, 125}, {40, 100}, {79, 50}, {158, 25}, {265, 15}, {798, 5}};
    private static final int[][] V2_JTAG = {{2, 18000}, {4, 9000}, {8, 4500}, {16, 2250}, {32, 1125}, {64, 562},
        {128, 281}, {256, 140}};

    private ClockTables() {
    }

    /** The SWD clock of a V2 divisor: the table's value, or about 3.6 MHz / (divisor + 1) between its entries. */
    static int v2SwdKhz(int divisor) {
        for (int[] e : V2_SWD) {
            if (e[0] == divisor) {
                return e[1];
            }
        }
        return Math.max(1, 3600 / (divisor + 1));
    }

    /** The JTAG clock of a V2 divisor, or -1 when the table has no such divisor. */
    static int v2JtagKhz(int divisor) {
        for (int[] e : V2_JTAG) {
            if (e[0] == divisor) {
                return e[1];
            }
        }
        return -1;
    }

    /** The highest listed frequency at or below the request, else the lowest one. */
    static int v3Pick(List<Integer> list, int requestedKhz) {
        for (int khz : list) {
            if (khz <= requestedKhz) {
                return khz;
            }
        }
        return list.get(list.size() - 1);
    }
}
