package io.probehost.flash.format;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds the debug-information test program (src/test/c/debug/calls.c) with the Arm and RISC-V GNU compilers. */
final class DebugBuilds {

    static final Path SOURCES = Toolchain.SOURCES.resolve("debug");

    /** One build: its name, the tool prefix of its binutils, and the compiler flags that differ. */
    record Build(String name, String toolPrefix, List<String> flags) {
        String tool(String name) {
            return toolPrefix + name;
        }

        boolean arm() {
            return toolPrefix.startsWith("arm");
        }

        Path compile(Path folder) {
            Path output = folder.resolve(name + ".elf");
            List<String> command = new ArrayList<>(List.of(tool("gcc"), "-g", "-ffreestanding", "-nostdlib", "-nostartfiles",
                    "-o", output.toString()));
            command.addAll(flags);
            command.add(SOURCES.resolve("calls.c").toString());
            Toolchain.run(command.toArray(String[]::new));
            return output;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static final Build M0_O0 = arm("m0-O0", "cortex-m0", "-O0");
    static final Build M0_O2 = arm("m0-O2", "cortex-m0", "-O2");
    static final Build M3_O0 = arm("m3-O0", "cortex-m3", "-O0");
    static final Build M3_O2_PSP = arm("m3-O2-psp", "cortex-m3", "-O2", "-DUSE_PSP");
    static final Build M0_O2_HARDFAULT = arm("m0-O2-hardfault", "cortex-m0", "-O2", "-DRAISE_HARDFAULT");
    /** Arm EHABI unwind tables besides .debug_frame; the unwinder test also unwinds it with .debug_frame removed. */
    static final Build M3_O2_EXIDX = armLinkedBy("calls-exidx.ld", "m3-O2-exidx", "cortex-m3", "-O2", "-funwind-tables");
    static final Build RV32_O0 = riscv("rv32-O0", "-O0");
    static final Build RV32_O2 = riscv("rv32-O2", "-O2");
    static final Build RV32_O2_TRAP = riscv("rv32-O2-trap", "-O2", "-DRAISE_TRAP", "-march=rv32imac_zicsr");

    static final List<Build> ALL = List.of(M0_O0, M0_O2, M3_O0, M3_O2_PSP, M0_O2_HARDFAULT, M3_O2_EXIDX, RV32_O0, RV32_O2,
            RV32_O2_TRAP);

    /** Older DWARF, for the readers alone: .debug_info v4 with line v3 (Arm), v2 with line v3 and v4 with line v4 (RV32). */
    static final List<Build> OLDER_DWARF = List.of(arm("m3-O2-dwarf4", "cortex-m3", "-O2", "-gdwarf-4"),
            riscv("rv32-O2-dwarf2", "-O2", "-gdwarf-2"), riscv("rv32-O0-dwarf4", "-O0", "-gdwarf-4"));

    private DebugBuilds() {
    }

    /** The builds, for parameterized tests. */
    static List<Build> all() {
        return ALL;
    }

    /** The builds and the older-DWARF ones, for the tests of the readers. */
    static List<Build> withOlderDwarf() {
        List<Build> builds = new ArrayList<>(ALL);
        builds.addAll(OLDER_DWARF);
        return builds;
    }

    /** Every build, the older-DWARF ones included, compiled into {@code folder}. */
    static Map<Build, Path> compileAll(Path folder) {
        Map<Build, Path> elves = new HashMap<>();
        for (Build build : withOlderDwarf()) {
            elves.put(build, build.compile(folder));
        }
        return elves;
    }

    private static Build arm(String name, String cpu, String optimisation, String... extra) {
        return armLinkedBy("calls.ld", name, cpu, optimisation, extra);
    }

    private static Build armLinkedBy(String script, String name, String cpu, String optimisation, String... extra) {
        List<String> flags = new ArrayList<>(List.of("-mcpu=" + cpu, "-mthumb", optimisation, "-T",
                SOURCES.resolve(script).toString()));
        flags.addAll(List.of(extra));
        return new Build(name, "arm-none-eabi-", flags);
    }

    private static Build riscv(String name, String optimisation, String... extra) {
        List<String> flags = new ArrayList<>(List.of("-march=rv32imac", "-mabi=ilp32", optimisation, "-T",
                SOURCES.resolve("calls-riscv.ld").toString(), "-Wl,--no-warn-rwx-segments"));
        flags.addAll(List.of(extra));
        return new Build(name, "riscv64-unknown-elf-", flags);
    }
}
