package io.probehost.flash.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.probehost.flash.format.DebugBuilds.Build;
import io.probehost.flash.format.GdbOnQemu.GdbFrame;
import io.probehost.flash.format.debug.Backtrace;
import io.probehost.flash.format.debug.CortexMUnwinding;
import io.probehost.flash.format.debug.DebugInfo;
import io.probehost.flash.format.debug.FrameVariables;
import io.probehost.flash.format.debug.Function;
import io.probehost.flash.format.debug.Variable;
import io.probehost.flash.format.debug.RegisterValues;
import io.probehost.flash.format.debug.RiscvUnwinding;
import io.probehost.flash.format.debug.StackFrame;
import io.probehost.flash.format.debug.TargetMemory;
import io.probehost.flash.format.debug.Unwinder;

/**
 * Stops calls.c on QEMU in in_handler (inside the SVC or HardFault handler on Cortex-M, the trap handler of the
 * RV32 trap build), takes gdb's registers
 * and a dump of the memory, unwinds with them, and compares every frame up to main with gdb's
 * {@code bt}. When the thread runs on the PSP, gdb 13 on QEMU 7.2 stops at the exception frame
 * (QEMU gives it no PSP), so the frames past it are judged by a second gdb stop at the instruction
 * after the {@code svc}, which objdump finds. At -O0 the value of every parameter and local in every
 * frame, read through {@link FrameVariables}, must be what gdb's {@code info args} and
 * {@code info locals} print.
 */
class UnwinderJudgedByGdbTest extends CallsProgramTestBase {

    private static final long ARM_RAM = 0x2000_0000L;
    private static final long RISCV_RAM = 0x8000_0000L;
    private static final int RAM_SIZE = 0x2000;
    private static final int RISCV_RAM_SIZE = 0x4000;

    @ParameterizedTest
    @MethodSource("io.probehost.flash.format.DebugBuilds#all")
    void unwindsTheStackGdbUnwinds(Build build) throws IOException {
        Path elf = elves.get(build);
        DebugInfo info = DebugInfo.read(elf);
        long ram = build.arm() ? ARM_RAM : RISCV_RAM;
        int ramSize = build.arm() ? RAM_SIZE : RISCV_RAM_SIZE;
        Path ramDump = folder.resolve(build.name() + "-ram.bin");
        Path flashDump = folder.resolve(build.name() + "-flash.bin");
        List<String> commands = new ArrayList<>(List.of("break in_handler", "continue", "bt", "info registers",
                String.format("dump binary memory %s 0x%x 0x%x", ramDump, ram, ram + ramSize)));
        if (build.arm()) {
            commands.add(String.format("dump binary memory %s 0 0x400", flashDump));
        } else {
            commands.add("info registers mtvec mepc mcause");
        }
        boolean unoptimised = build.flags().contains("-O0");
        for (int frame = 0; unoptimised && frame <= 6; frame++) {
            commands.addAll(List.of("echo @frame " + frame + "\\n", "frame " + frame, "info args", "info locals"));
        }
        String stop = GdbOnQemu.run(build, elf, commands);

        List<GdbFrame> judged = new ArrayList<>(GdbOnQemu.frames(stop));
        if (trap(build)) {
            // gdb knows no RISC-V trap frame: it is judged up to the handler, and past it by a stop at the trapping unimp.
            int handler = judged.indexOf(judged.stream().filter(f -> f.function().equals("Trap_Handler")).findFirst()
                    .orElseThrow(() -> new AssertionError(stop)));
            judged = new ArrayList<>(judged.subList(0, handler + 1));
            judged.add(new GdbFrame(-1, "<signal handler called>", 0));
        }
        if (judged.get(judged.size() - 1).function().equals("<signal handler called>")) {
            String after = GdbOnQemu.run(build, elf, List.of(String.format("break *0x%x", resumeAddress(build, elf)), "continue",
                    "bt"));
            judged.addAll(GdbOnQemu.frames(after));
        }
        Map<String, Long> gdbRegisters = GdbOnQemu.registers(stop);
        Memory memory = new Memory(ram, Files.readAllBytes(ramDump), build.arm() ? Files.readAllBytes(flashDump) : new byte[0]);
        Backtrace trace = new Unwinder(info, info.architecture().orElseThrow())
                .unwind(build.arm() ? armRegisters(gdbRegisters, info, memory) : riscvRegisters(gdbRegisters), memory);

        assertTrue(judged.size() >= 5 && judged.get(judged.size() - 1).function().equals("main"), stop);
        List<GdbFrame> ours = ours(trace);
        assertTrue(ours.size() >= judged.size(), trace.toString());
        // gdb stops at main (backtrace past-main is off); the frames beyond are not judged.
        assertEquals(render(judged, judged), render(ours.subList(0, judged.size()), judged), trace.toString());
        if (unoptimised) {
            List<List<String>> byGdb = variablesByGdb(stop, judged.size());
            assertTrue(byGdb.stream().mapToInt(List::size).sum() >= 8, stop);
            assertEquals(byGdb, variables(info, trace, judged.size(), memory));
        }
        // Without .debug_frame the prologue scan and the live return-address register (or, where the build has
        // them, the .ARM.exidx tables) must find the same frames.
        Path stripped = folder.resolve(build.name() + "-nocfi.elf");
        Toolchain.run(build.tool("objcopy"), "--remove-section", ".debug_frame", elf.toString(), stripped.toString());
        DebugInfo withoutCfi = DebugInfo.read(stripped);
        long middle = info.symbols().address("middle").getAsLong();
        assertEquals(build.flags().contains("-funwind-tables"), withoutCfi.callFrames().rowAt(middle + 2).isPresent(),
                "only the -funwind-tables build has rows without .debug_frame: its .ARM.exidx");
        Backtrace scanned = new Unwinder(withoutCfi, withoutCfi.architecture().orElseThrow())
                .unwind(build.arm() ? armRegisters(gdbRegisters, info, memory) : riscvRegisters(gdbRegisters), memory);
        assertEquals(render(judged, judged), render(ours(scanned).subList(0, Math.min(judged.size(), scanned.frames().size())),
                judged), scanned.toString());
        if (build.arm()) {
            assertEquals(StackFrame.Kind.EXCEPTION, trace.frames().get(2).kind());
            assertEquals(build.flags().contains("-DUSE_PSP") ? 0xFFFF_FFFDL : 0xFFFF_FFF9L, trace.frames().get(2).pc());
            assertEquals(hardFault(build) ? "HardFault" : "SVCall", trace.frames().get(2).function().orElseThrow());
            assertEquals(resumeAddress(build, elf), trace.frames().get(3).pc());
        }
        if (trap(build)) {
            assertEquals(StackFrame.Kind.EXCEPTION, trace.frames().get(2).kind());
            assertEquals("IllegalInstruction", trace.frames().get(2).function().orElseThrow());
            assertEquals(resumeAddress(build, elf), trace.frames().get(2).pc());
            assertEquals(StackFrame.Kind.INTERRUPTED, trace.frames().get(3).kind());
            assertEquals(resumeAddress(build, elf), trace.frames().get(3).pc());
        }
    }

    /** Per frame up to {@code count}, the "name = value" lines gdb's {@code info args} and {@code info locals} print, sorted. */
    private static List<List<String>> variablesByGdb(String gdb, int count) {
        List<List<String>> frames = new ArrayList<>();
        for (int frame = 0; frame < count; frame++) {
            int start = gdb.indexOf("@frame " + frame + "\n");
            int end = gdb.indexOf("@frame " + (frame + 1) + "\n");
            List<String> values = new ArrayList<>();
            for (String line : gdb.substring(start, end < 0 ? gdb.length() : end).split("\n")) {
                if (line.matches("\\w+ = -?\\d+")) {
                    values.add(line);
                }
            }
            values.sort(null);
            frames.add(values);
        }
        return frames;
    }

    /** The same from our frames: each DWARF variable of the frame's function, read with FrameVariables. */
    private static List<List<String>> variables(DebugInfo info, Backtrace trace, int count, TargetMemory memory) {
        List<List<String>> frames = new ArrayList<>();
        for (StackFrame frame : trace.frames().subList(0, count)) {
            List<String> values = new ArrayList<>();
            long lookup = frame.kind() == StackFrame.Kind.CALLER ? frame.pc() - 1 : frame.pc();
            Optional<Function> function = frame.kind() == StackFrame.Kind.EXCEPTION ? Optional.empty() : info.functionAt(lookup);
            for (Variable v : function.map(Function::variables).orElse(List.of())) {
                long value = FrameVariables.value(v, function.get(), frame, memory).orElseThrow();
                values.add(v.name() + " = " + (v.type().equals("int") ? Long.toString((int) value) : Long.toString(value)));
            }
            values.sort(null);
            frames.add(values);
        }
        return frames;
    }

    private static List<GdbFrame> ours(Backtrace trace) {
        List<GdbFrame> frames = new ArrayList<>();
        for (StackFrame f : trace.frames()) {
            frames.add(f.kind() == StackFrame.Kind.EXCEPTION ? new GdbFrame(-1, "<signal handler called>", 0)
                    : new GdbFrame(f.pc(), f.function().orElse("??"), f.location().map(l -> l.line()).orElse(0L)));
        }
        return frames;
    }

    /**
     * Frames as text; a pc and a line are shown only where gdb printed them for that frame (gdb 13
     * finds no lines for the functions of the RV32 -O2 build; addr2line, which does, judges those).
     */
    private static String render(List<GdbFrame> frames, List<GdbFrame> judged) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < frames.size(); i++) {
            GdbFrame f = frames.get(i);
            boolean showPc = i < judged.size() && judged.get(i).pc() >= 0;
            text.append('#').append(i).append(' ').append(showPc ? String.format("0x%08x ", f.pc()) : "").append(f.function())
                    .append(i < judged.size() && judged.get(i).line() > 0 ? ":" + f.line() : "").append('\n');
        }
        return text.toString();
    }

    private static RegisterValues armRegisters(Map<String, Long> gdb, DebugInfo info, Memory memory) {
        Map<Integer, Long> values = new HashMap<>();
        for (int r = 0; r <= 12; r++) {
            values.put(r, gdb.get("r" + r));
        }
        values.put(CortexMUnwinding.SP, gdb.get("sp"));
        values.put(CortexMUnwinding.LR, gdb.get("lr"));
        values.put(CortexMUnwinding.PC, gdb.get("pc"));
        values.put(CortexMUnwinding.XPSR, gdb.get("xpsr"));
        values.put(CortexMUnwinding.MSP, gdb.get("sp"));
        // QEMU 7.2 shows gdb no PSP; the SVC handler keeps the PSP it entered with in handler_psp.
        values.put(CortexMUnwinding.PSP, memory.read32(info.symbols().address("handler_psp").getAsLong()));
        return RegisterValues.of(values);
    }

    private static RegisterValues riscvRegisters(Map<String, Long> gdb) {
        String[] names = {"zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "fp", "s1", "a0", "a1", "a2", "a3", "a4", "a5", "a6",
            "a7", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6"};
        Map<Integer, Long> values = new HashMap<>();
        for (int r = 1; r < names.length; r++) {
            if (gdb.containsKey(names[r])) {
                values.put(r, gdb.get(names[r]));
            }
        }
        values.put(RiscvUnwinding.PC, gdb.get("pc"));
        for (String csr : List.of("mtvec", "mepc", "mcause")) {
            if (gdb.containsKey(csr)) {
                values.put(csr.equals("mtvec") ? RiscvUnwinding.MTVEC : csr.equals("mepc") ? RiscvUnwinding.MEPC
                        : RiscvUnwinding.MCAUSE, gdb.get(csr));
            }
        }
        return RegisterValues.of(values);
    }

    private static boolean hardFault(Build build) {
        return build.flags().contains("-DRAISE_HARDFAULT");
    }

    private static boolean trap(Build build) {
        return build.flags().contains("-DRAISE_TRAP");
    }

    /**
     * Where the exception returns to (the stacked PC, mepc), from objdump's disassembly: after inner's
     * {@code svc}, or at its {@code udf} or {@code unimp}, which faults and is not executed (arm-unwind.md §3.5).
     */
    private static long resumeAddress(Build build, Path elf) {
        boolean faults = hardFault(build) || trap(build);
        String instruction = trap(build) ? "0000\\s+unimp" : hardFault(build) ? "de00\\s+udf\\s+#0" : "df00\\s+svc\\s+0";
        for (String line : Toolchain.run(build.tool("objdump"), "-d", elf.toString()).split("\n")) {
            if (line.matches("\\s*[0-9a-f]+:\\s+" + instruction + ".*")) {
                return Long.parseLong(line.trim().split(":")[0], 16) + (faults ? 0 : 2);
            }
        }
        throw new AssertionError("objdump shows no " + instruction + " in " + elf);
    }

    /** RAM and (on Arm) flash from 0, as gdb dumped them; anything else is unreadable. */
    private record Memory(long ramStart, byte[] ram, byte[] flash) implements TargetMemory {
        @Override
        public long read32(long address) {
            if (address >= ramStart && address + 4 <= ramStart + ram.length) {
                return word(ram, (int) (address - ramStart));
            }
            if (address >= 0 && address + 4 <= flash.length) {
                return word(flash, (int) address);
            }
            throw new UncheckedIOException(new IOException(String.format("no memory at 0x%08x", address)));
        }

        private static long word(byte[] b, int at) {
            return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
        }
    }
}
