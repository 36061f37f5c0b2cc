package io.probehost.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;

/**
 * {@code target:backtrace} on the lab's micro:bit (Armv6-M), Nucleo-F103RB (Armv7-M) and Longan Nano
 * (RV32IMAC) through the shipped sim bundle set: examples/fault, nucleo-fault and longan-fault (built
 * from source by examples/Makefile) are flashed and run until their UDF or unimp, three calls deep,
 * lands them in the HardFault handler or the trap handler; every frame's function and file:line
 * must be what {@code arm-none-eabi-addr2line} or {@code riscv64-unknown-elf-addr2line} says of its
 * pc (a caller's return address less one), and the fault report must name the fault and the
 * faulting instruction.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class BacktraceIT extends LabSessionIT {
    private static final String MICROBIT = "9900";
    private static final String NUCLEO = StlinkLabIT.NUCLEO;
    private static final String LONGAN = RiscvLabIT.LONGAN;
    private static final String ARM_ADDR2LINE = "arm-none-eabi-addr2line";
    private static final List<String> ARM_FRAMES = List.of("fault_handler", "<HardFault>", "decode", "read_sensor",
            "check_sensors", "main", "reset_handler");
    private static final int HALT_ATTEMPTS = 50;
    private static final Pattern FRAME = Pattern.compile("#(\\d+) 0x([0-9a-f]{8}) in (\\S+)(?: at (\\S+):(\\d+))?");

    @Override
    protected String stateFolder() {
        return "probehost-backtrace-state";
    }

    @Test
    public void theFaultingExampleUnwindsThroughHardFaultToResetAsAddr2lineNamesIt() throws Exception {
        String trace = backtraceOfTheFault(MICROBIT, "fault", ARM_ADDR2LINE, ARM_FRAMES);
        assertTrue(trace, trace.contains("#2 0x0000008c in decode at fault.c:15\n"));
        assertTrue(trace, trace.contains("Fault:\n  In HardFault (exception 3)\n"));
        assertTrue(trace, trace.contains("  Interrupted at pc 0x0000008c"));
        assertTrue("Armv6-M has no CFSR: " + trace, !trace.contains("CFSR"));
        assertTrue(shell.fail("target:backtrace").contains("--elf FILE is required"));
    }

    @Test
    public void onTheArmv7mNucleoTheEscalatedUsageFaultIsDecodedFromCfsrAndHfsr() throws Exception {
        String trace = backtraceOfTheFault(NUCLEO, "nucleo-fault", ARM_ADDR2LINE, ARM_FRAMES);
        assertTrue(trace, trace.contains("#2 0x08000092 in decode at fault.c:15\n"));
        assertTrue(trace, trace.contains("Fault:\n  In HardFault (exception 3)\n  HFSR 0x40000000, CFSR 0x00010000\n"
                + "  FORCED: a configurable fault escalated to HardFault (disabled or of too low priority)\n"
                + "  UNDEFINSTR: undefined instruction\n"));
        assertTrue(trace, trace.contains("  Interrupted at pc 0x08000092"));
    }

    @Test
    public void onTheLonganNanoTheTrapIsUnwoundFromItsHandlerBackToMepc() throws Exception {
        String trace = backtraceOfTheFault(LONGAN, "longan-fault", "riscv64-unknown-elf-addr2line",
                List.of("fault_stop", "trap_handler", "<IllegalInstruction>", "decode", "read_sensor", "check_sensors",
                        "main", "??"));
        assertTrue(trace, trace.contains("#2 0x0800007e in <IllegalInstruction>\n"
                + "#3 0x0800007e in decode at fault.c:15\n"));
        assertTrue(trace, trace.contains("Last trap: illegal instruction (mcause 0x00000002) at pc 0x0800007e"));
    }

    /**
     * Flashes examples/{@code name}.hex through {@code probe}, runs it into its fault handler and returns
     * target:backtrace's output, after checking every named frame against {@code addr2line} and the frame order
     * against {@code expected} (an exception frame is named {@code <exception>}).
     */
    private String backtraceOfTheFault(String probe, String name, String addr2line, List<String> expected)
            throws Exception {
        String elf = ShippedRuntime.example(name + ".elf");
        shell.run("lab:reset-state");
        shell.run("target:connect -u " + probe);
        String programmed = shell.run("flash:program " + ShippedRuntime.example(name + ".hex"));
        assertTrue(programmed, programmed.startsWith("Programmed " + name + ".hex"));
        shell.run("target:reset -h");
        String exception = expected.stream().filter(f -> f.startsWith("<")).findFirst().orElseThrow();
        String trace = runUntilInHandler(elf, exception);

        List<String> functions = new ArrayList<>();
        boolean exact = true;
        for (String line : trace.lines().toList()) {
            Matcher frame = FRAME.matcher(line);
            if (!frame.lookingAt()) {
                continue;
            }
            functions.add(frame.group(3));
            if (frame.group(3).startsWith("<")) {
                exact = true;
                continue;
            }
            if (frame.group(3).equals("??")) {
                continue;
            }
            long pc = Long.parseLong(frame.group(2), 16);
            List<String> judged = addr2line(addr2line, elf, exact ? pc : pc - 1);
            assertEquals(line, judged.get(0), frame.group(3));
            String where = judged.get(1).replaceFirst(" \\(discriminator \\d+\\)", "");
            assertEquals(line, where.substring(where.lastIndexOf('/') + 1), frame.group(4) + ":" + frame.group(5));
            exact = false;
        }
        assertEquals(trace, expected, functions);
        return trace;
    }

    /** Lets the core run and halts it until it sits in the fault handler ({@code exception} in the trace); returns that backtrace. */
    private String runUntilInHandler(String elf, String exception) throws Exception {
        String trace = "";
        for (int i = 0; i < HALT_ATTEMPTS && !trace.contains(exception); i++) {
            shell.run("target:go");
            Thread.sleep(20);
            shell.run("target:halt");
            trace = shell.run("target:backtrace --elf " + elf);
        }
        return trace;
    }

    private static List<String> addr2line(String tool, String elf, long address) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(tool, "-f", "-e", elf, Long.toHexString(address))
                .redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(out, 0, process.waitFor());
        return out.lines().toList();
    }
}
