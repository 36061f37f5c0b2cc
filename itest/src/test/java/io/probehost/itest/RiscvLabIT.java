package io.probehost.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.regex.Pattern;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;

/**
 * The default lab's RISC-V board as a user meets it, through the shell on the shipped sim bundle set:
 * the CMSIS-DAP probe of the virtual Longan Nano names its GD32VF103CB through DAP_Info, and
 * examples/longan-blinky.hex is flashed with pack.gigadevice's RV32 algorithm, run and debugged over
 * JTAG with the same commands as an Arm board.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class RiscvLabIT extends LabSessionIT {
    static final String LONGAN = "PHRV0001";
    private static final int STATUS_POLLS = 300;

    @Override
    protected String stateFolder() {
        return "probehost-riscv-state";
    }

    @Test
    public void probeListShowsTheLonganNanoWithItsGd32vf103AndArmOnlyFaultsAreRefused() throws Exception {
        String probes = shell.run("probe:list");
        assertTrue(probes, Pattern.compile("Probehost Lab Lab CMSIS-DAP\\s+" + LONGAN + "\\s+✔︎ gd32vf103cb\n"
                + "\\s+Sipeed Longan Nano\n").matcher(probes).find());

        String lab = shell.run("lab:list");
        assertTrue(lab, Pattern.compile("longan-nano\\s+gd32vf103cb\\s+(running|halted)\\s+jtag").matcher(lab).find());
        assertTrue(lab, Pattern.compile(LONGAN + "\\s+cmsis-dap\\s+longan-nano").matcher(lab).find());

        assertEquals("lab target longan-nano is a RISC-V chip behind a JTAG DTM: wait-storm needs an Arm debug port",
                shell.fail("lab:fault wait-storm longan-nano 3"));

        String connected = shell.run("target:connect -u " + LONGAN);
        assertTrue(connected, connected.startsWith("Connected to gd32vf103cb through Probehost Lab Lab CMSIS-DAP "
                + LONGAN + " over JTAG"));
        assertTrue(connected, connected.contains("RV32IMAC (JTAG DTM IDCODE 0x1000563D, Debug Module 0.13"));
    }

    @Test
    public void longanBlinkyIsFlashedRunsAndIsDebuggedOverJtag() throws Exception {
        shell.run("lab:reset-state");
        shell.run("target:connect -u " + LONGAN);
        String programmed = shell.run("flash:program " + ShippedRuntime.example("longan-blinky.hex"));
        assertTrue(programmed, programmed.contains("Programmed longan-blinky.hex (208 bytes) into gd32vf103cb: 1 sector"
                + " written, 0 skipped (unchanged), 1 erased"));
        assertEquals("the core starts at the flash alias", "Reset (sw) and halted at pc 0x00000000",
                shell.run("target:reset -h").trim());
        assertEquals("Stepped: pc 0x00000000 -> 0x00000004", shell.run("target:step").trim());
        assertEquals("the jump to the link address", "Stepped: pc 0x00000004 -> 0x08000008",
                shell.run("target:step").trim());
        String registers = shell.run("reg");
        for (String name : new String[] {"zero", "ra", "sp", "a0", "s11", "t6", "pc", "mstatus", "misa", "mtvec",
                "mepc", "mcause", "dcsr"}) {
            assertTrue(name + " in " + registers, Pattern.compile("(?m)^\\s+" + name + "\\s+0x[0-9a-f]{8}")
                    .matcher(registers).find());
        }
        assertTrue(registers, registers.contains("misa       0x40901105"));

        assertTrue(shell.run("break:add 0x0800006a").startsWith("Set hardware breakpoint at 0x0800006a"));
        assertEquals("Running", shell.run("target:go").trim());
        assertEquals("Halted (breakpoint) at pc 0x0800006a", shell.awaitHalt(STATUS_POLLS));
        assertEquals("the first call of led_toggle: 256 turns, no LED change yet",
                "20000000:  00000100 00000000", shell.run("mem:read32 0x20000000 2").trim());
        assertEquals("the red LED off (PC13 high)", "4001100c:  00002000", shell.run("mem:read32 0x4001100C").trim());
        assertEquals("led_toggle returns into main", "ra = 0x080000cc (134217932)", shell.run("reg ra").trim());
        shell.run("target:go");
        assertEquals("resumed off the breakpoint's trigger", "Halted (breakpoint) at pc 0x0800006a",
                shell.awaitHalt(STATUS_POLLS));
        assertEquals("20000000:  00000200 00000001", shell.run("mem:read32 0x20000000 2").trim());
        assertEquals("the red LED lit (PC13 low)", "4001100c:  00000000", shell.run("mem:read32 0x4001100C").trim());
        assertTrue(shell.run("target:step").trim().startsWith("Stepped: pc 0x0800006a -> 0x0800006"));
        assertEquals("Removed breakpoint at 0x0800006a", shell.run("break:remove 0x0800006a").trim());

        assertEquals("Set write watchpoint on 4 bytes at 0x20000004",
                shell.run("watch:add 0x20000004 4 --write").trim());
        shell.run("target:go");
        String watched = shell.awaitHalt(STATUS_POLLS);
        assertTrue(watched, watched.startsWith("Halted (watchpoint) at pc 0x080000"));
        assertEquals("a store trigger stops before the store", "20000000:  00000200 00000001",
                shell.run("mem:read32 0x20000000 2").trim());
        assertEquals("the red LED off again (PC13 high)", "4001100c:  00002000",
                shell.run("mem:read32 0x4001100C").trim());
        shell.run("watch:remove 0x20000004");
        String pc = watched.substring("Halted (watchpoint) at pc ".length());
        String step = shell.run("target:step").trim();
        assertTrue(step + " after " + pc, step.startsWith("Stepped: pc " + pc + " -> 0x080000"));
        assertEquals("the step stored the second LED change", "20000000:  00000200 00000002",
                shell.run("mem:read32 0x20000000 2").trim());

        shell.run("target:go");
        shell.run("target:disconnect");
        String reset = shell.run("target:reset -u " + LONGAN).trim();
        assertTrue(reset, reset.startsWith("Reset"));
        String counters = shell.run("mem:read32 -u " + LONGAN + " 0x20000000 2");
        assertTrue("blinky runs from reset: " + counters, !counters.trim().equals("20000000:  00000000 00000000"));
    }
}
