package io.probehost.flash.format;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.probehost.flash.format.DebugBuilds.Build;

/** Runs a calls.c build on QEMU (micro:bit, STM32VLDISCOVERY or RISC-V virt) and drives it with gdb-multiarch in batch mode. */
final class GdbOnQemu {

    /** One frame of gdb's {@code bt}: the pc when gdb printed one (else -1), the function, the line (0 if none). */
    record GdbFrame(long pc, String function, long line) {
    }

    private static final Pattern FRAME = Pattern.compile("^#(\\d+)\\s+(?:0x([0-9a-f]+) in )?(\\S+) \\(.*?\\)(?: at \\S+:(\\d+))?\\s*$");
    private static final Pattern REGISTER = Pattern.compile("^(\\w+)\\s+0x([0-9a-f]+)\\b.*$");

    private GdbOnQemu() {
    }

    /** Runs {@code commands} in gdb attached to the program halted at reset; returns gdb's output. */
    static String run(Build build, Path elf, List<String> commands) {
        int port = freePort();
        List<String> qemu = build.arm()
                ? new ArrayList<>(List.of("qemu-system-arm", "-M", build.name().startsWith("m0") ? "microbit" : "stm32vldiscovery"))
                : new ArrayList<>(List.of("qemu-system-riscv32", "-M", "virt", "-bios", "none"));
        qemu.addAll(List.of("-kernel", elf.toString(), "-nographic", "-monitor", "none", "-serial", "none", "-S", "-gdb",
                "tcp:127.0.0.1:" + port));
        Process emulator;
        try {
            emulator = new ProcessBuilder(qemu).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            return fail(qemu.get(0) + " is not available (" + e.getMessage() + ")");
        }
        try {
            List<String> gdb = new ArrayList<>(List.of("gdb-multiarch", "-q", "-batch", "-nx", "-ex", "set tcp connect-timeout 20", "-ex", "set width 0",
                    "-ex", "file " + elf, "-ex", "target remote 127.0.0.1:" + port));
            for (String command : commands) {
                gdb.addAll(List.of("-ex", command));
            }
            gdb.addAll(List.of("-ex", "kill"));
            return Toolchain.run(gdb.toArray(String[]::new));
        } finally {
            emulator.destroyForcibly();
        }
    }

    /** The first backtrace in gdb's output: the frame lines numbered 0, 1, 2... in a row (later {@code frame N} echoes are not). */
    static List<GdbFrame> frames(String gdbOutput) {
        List<GdbFrame> frames = new ArrayList<>();
        for (String line : gdbOutput.split("\n")) {
            if (!line.startsWith("#" + frames.size() + " ")) {
                continue;
            }
            if (line.matches("^#\\d+\\s+<signal handler called>.*")) {
                frames.add(new GdbFrame(-1, "<signal handler called>", 0));
                continue;
            }
            Matcher m = FRAME.matcher(line);
            if (m.matches()) {
                frames.add(new GdbFrame(m.group(2) == null ? -1 : Long.parseLong(m.group(2), 16), m.group(3),
                        m.group(4) == null ? 0 : Long.parseLong(m.group(4))));
            }
        }
        return frames;
    }

    /** {@code info registers} output: register name to value. */
    static Map<String, Long> registers(String gdbOutput) {
        Map<String, Long> registers = new HashMap<>();
        for (String line : gdbOutput.split("\n")) {
            Matcher m = REGISTER.matcher(line.trim());
            if (m.matches() && !line.startsWith("#")) {
                registers.put(m.group(1), Long.parseLong(m.group(2), 16));
            }
        }
        return registers;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            return fail("no free TCP port: " + e.getMessage());
        }
    }
}
