package io.probehost.flash.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.probehost.flash.format.DebugBuilds.Build;
import io.probehost.flash.format.debug.DebugInfo;
import io.probehost.flash.format.debug.RegisterRule;
import io.probehost.flash.format.debug.UnwindRow;

/**
 * Every CFI row of calls.c built every way, at each row's first address and at the last halfword
 * before the next row, against the table {@code readelf --debug-dump=frames-interp} prints.
 */
class CallFrameInfoJudgedByReadelfTest extends CallsProgramTestBase {

    private static final String[] RISCV_NAMES = {"zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1", "a0", "a1",
        "a2", "a3", "a4", "a5", "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6"};

    @ParameterizedTest
    @MethodSource("io.probehost.flash.format.DebugBuilds#withOlderDwarf")
    void computesTheRowsReadelfPrints(Build build) {
        DebugInfo info = DebugInfo.read(elves.get(build));
        String table = Toolchain.run(build.tool("readelf"), "--debug-dump=frames-interp", elves.get(build).toString());

        List<String> expected = new ArrayList<>();
        List<String> ours = new ArrayList<>();
        String[] columns = null;
        long fdeEnd = 0;
        List<String[]> rows = new ArrayList<>();
        for (String line : (table + "\nend\n").split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (line.contains(" FDE ") || line.contains(" CIE ") || line.equals("end")) {
                compare(info, build, columns, rows, fdeEnd, expected, ours);
                rows.clear();
                columns = null;
                fdeEnd = -1;
                if (line.contains(" FDE ")) {
                    fdeEnd = Long.parseLong(line.substring(line.indexOf("..") + 2).trim(), 16);
                }
            } else if (f[0].equals("LOC") && fdeEnd >= 0) {
                columns = f;
            } else if (columns != null && f.length == columns.length && f[0].matches("[0-9a-f]{8}")) {
                rows.add(f);
            }
        }
        assertTrue(expected.size() > 10, "readelf printed only " + expected.size() + " rows");
        assertEquals(String.join("\n", expected), String.join("\n", ours));
    }

    private void compare(DebugInfo info, Build build, String[] columns, List<String[]> rows, long fdeEnd,
            List<String> expected, List<String> ours) {
        for (int i = 0; i < rows.size(); i++) {
            String[] row = rows.get(i);
            long start = Long.parseLong(row[0], 16);
            long last = (i + 1 < rows.size() ? Long.parseLong(rows.get(i + 1)[0], 16) : fdeEnd) - 2;
            for (long at : new long[] {start, last}) {
                expected.add(String.join(" ", row).replaceFirst("^[0-9a-f]{8}", String.format("%08x", at)));
                UnwindRow our = info.callFrames().rowAt(at).orElseThrow(() -> new AssertionError("no row at " + at));
                StringBuilder text = new StringBuilder(String.format("%08x %s+%d", at, name(build, our.cfaRegister()),
                        our.cfaOffset()));
                for (int c = 2; c < columns.length; c++) {
                    int register = columns[c].equals("ra") ? our.returnAddressRegister() : number(build, columns[c]);
                    text.append(' ').append(render(our.rules().get(register)));
                }
                ours.add(text.toString());
            }
        }
    }

    private static String render(RegisterRule rule) {
        if (rule == null) {
            return "u";
        }
        return switch (rule.kind()) {
            case UNDEFINED -> "u";
            case SAME_VALUE -> "s";
            case OFFSET -> "c" + (rule.value() >= 0 ? "+" : "") + rule.value();
            case VAL_OFFSET -> "v" + (rule.value() >= 0 ? "+" : "") + rule.value();
            case REGISTER -> "r" + rule.value();
            default -> "exp";
        };
    }

    private static String name(Build build, int register) {
        return build.arm() || register >= RISCV_NAMES.length ? "r" + register : RISCV_NAMES[register];
    }

    private static int number(Build build, String name) {
        if (build.arm() || name.matches("r\\d+")) {
            return Integer.parseInt(name.substring(1));
        }
        return List.of(RISCV_NAMES).indexOf(name);
    }
}
