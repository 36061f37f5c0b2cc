package io.probehost.itest;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.inject.Inject;

import org.apache.felix.service.command.CommandProcessor;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * Selecting a probe, connecting and inspecting and controlling the virtual nRF51822 through the
 * shell commands, as a user types them, on the shipped {@code sim} bundle set: the DAPLink (serial
 * 9900..., SWD only) and the lab's CMSIS-DAP v2.1 probe PHLAB0001 (SWD and JTAG, v1 and v2).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class DebugSessionIT {
    /** A Thumb loop for RAM at 0x20000100: adds r0,#1; str r0,[r1]; b back to the adds. */
    private static final String LOOP = "mem:write16 0x20000100 0x3001 0x6008 0xE7FC";
    private static final int STATUS_POLLS = 200;

    @Inject
    CommandProcessor processor;

    @Inject
    BundleContext context;

    private Shell shell;

    @Configuration
    public Option[] configuration() throws IOException {
        return ShippedRuntime.simWithFreshState("probehost-debug-session-state");
    }

    @Before
    public void openShell() {
        shell = new Shell(processor);
    }

    @After
    public void endSession() throws Exception {
        shell.run("lab:fault clear");
        shell.run("target:disconnect");
    }

    @Test
    public void connectHaltRegistersAndMemoryOfTheDapLinkTarget() throws Exception {
        String probes = shell.run("probe:list");
        assertTrue(probes, probes.contains("9900000037024e45") && probes.contains("PHLAB0001"));

        String connected = shell.run("target:connect -u 9900");
        assertTrue(connected, connected.startsWith("Connected to nrf51822_xxaa"));
        assertTrue(connected, connected.contains(" through ARM DAPLink CMSIS-DAP 9900"));
        assertTrue(connected, connected.contains("over SWD at 1000000 Hz: Cortex-M0 r0p0 (DPIDR 0x0BB11477"));
        assertTrue(shell.run("target:halt"), shell.run("target:halt").contains("alted at pc 0x"));

        String registers = shell.run("reg");
        for (String name : new String[] {"r0", "r12", "sp", "lr", "pc", "xpsr", "primask", "control"}) {
            assertTrue(registers, registers.contains("\n  " + name + " "));
        }
        assertEquals("r0 = 0x00000055", shell.run("reg:write r0 0x55").trim());
        assertEquals("r0 = 0x00000055 (85)", shell.run("reg R0").trim());

        shell.run("mem:write32 0x20000000 0x12345678 0xcafef00d");
        assertEquals("20000000:  12345678 cafef00d", shell.run("mem:read32 0x20000000 2").trim());
        assertEquals("20000000:  5678 1234 f00d cafe", shell.run("mem:read16 0x20000000 4").trim());
        shell.run("mem:write8 0x20000003 0x41");
        assertTrue(shell.run("mem:read8 0x20000000 4").contains("78 56 34 41"));
    }

    @Test
    public void stepBreakpointAndWatchpointStopTheLoopInRam() throws Exception {
        shell.run("target:connect -u 9900");
        String reset = shell.run("target:reset -h");
        assertTrue(reset, reset.startsWith("Reset (sw) and halted at pc"));
        shell.run(LOOP);
        shell.run("reg:write r1 0x20000200");
        shell.run("reg:write sp 0x20001000");
        shell.run("reg:write xpsr 0x01000000");
        shell.run("reg:write pc 0x20000100");

        assertEquals("Stepped: pc 0x20000100 -> 0x20000102", shell.run("target:step").trim());
        assertEquals("pc = 0x20000102 (536871170)", shell.run("reg pc").trim());

        assertTrue(shell.run("break:add 0x20000104").startsWith("Set software breakpoint at 0x20000104"));
        assertTrue(shell.run("break:list").contains("0x20000104   software"));
        assertEquals("Running", shell.run("target:go").trim());
        assertEquals("Halted (breakpoint) at pc 0x20000104", shell.awaitHalt(STATUS_POLLS));
        assertEquals("Removed breakpoint at 0x20000104", shell.run("break:remove 0x20000104").trim());
        assertEquals("No breakpoints", shell.run("break:list").trim());

        assertEquals("Set write watchpoint on 4 bytes at 0x20000200",
                shell.run("watch:add 0x20000200 4 --write").trim());
        String before = shell.run("mem:read32 0x20000200");
        shell.run("target:go");
        assertEquals("Halted (watchpoint) at pc 0x20000104", shell.awaitHalt(STATUS_POLLS));
        assertTrue("the store ran: " + before, !before.equals(shell.run("mem:read32 0x20000200")));
        assertEquals("Removed watchpoint at 0x20000200", shell.run("watch:remove 0x20000200").trim());

        shell.run("target:go");
        assertEquals("cannot read registers: the target is running (halt it first with target:halt)",
                shell.fail("reg"));
        assertTrue(shell.run("target:reset -h").startsWith("Reset (sw) and halted"));
    }

    @Test
    public void dumpAndLoadRoundTripThroughAFile() throws Exception {
        Path file = Files.createTempFile("probehost-dump", ".bin");
        shell.run("target:connect -u 9900");
        shell.run("mem:write32 0x20000400 0x03020100 0x07060504 0x0b0a0908 0x0f0e0d0c");
        String saved = shell.run("mem:dump 0x20000400 16 " + file);
        assertEquals("Saved 16 bytes from 0x20000400 to " + file, saved.trim());
        assertArrayEquals(new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}, Files.readAllBytes(file));

        shell.run("mem:write32 0x20000400 0 0 0 0");
        assertEquals("Loaded 16 bytes from " + file + " to 0x20000800", shell.run("mem:load " + file + " 0x20000800").trim());
        assertEquals("20000800:  03020100 07060504 0b0a0908 0f0e0d0c", shell.run("mem:read32 0x20000800 4").trim());
    }

    @Test
    public void optionListAndSessionsWithDriverOptionsReadTheSameMemory() throws Exception {
        String options = shell.run("option:list -O frequency=4M");
        for (String name : new String[] {"cmsis_dap.limit_packets", "cmsis_dap.deferred_transfers",
                "cmsis_dap.prefer_v1", "frequency", "connect_mode"}) {
            assertTrue(options, options.contains("\n  " + name + " "));
        }
        assertTrue("the current value shows -O: " + options, options.contains("1000000   4000000"));

        shell.run("target:connect -u 9900");
        shell.run("mem:write32 0x20000010 0xa5a55a5a 0x01234567");
        String expected = "20000010:  a5a55a5a 01234567";
        assertEquals(expected, shell.run("mem:read32 -O cmsis_dap.limit_packets=true 0x20000010 2").trim());
        assertEquals(expected, shell.run("mem:read32 -O cmsis_dap.deferred_transfers=false 0x20000010 2").trim());
        assertEquals(expected, shell.run("mem:read32 -u 9900 -O cmsis_dap.limit_packets=true "
                + "-O cmsis_dap.deferred_transfers=false -O frequency=400k 0x20000010 2").trim());
        assertTrue(shell.fail("mem:read32 -O no_such.option=1 0x20000010").contains("unknown option 'no_such.option'"));
    }

    @Test
    public void jtagThroughTheLabProbeOverV2AndV1() throws Exception {
        String jtag = shell.run("target:connect -u phlab --protocol jtag");
        assertTrue(jtag, jtag.contains("PHLAB0001 over JTAG") && jtag.contains("Cortex-M0"));
        shell.run("mem:write32 0x20000020 0xfeedface");
        assertEquals("20000020:  feedface", shell.run("mem:read32 0x20000020").trim());

        String v1 = shell.run("target:connect -u cmsisdap:PHLAB0001 --protocol jtag -O cmsis_dap.prefer_v1=true");
        assertTrue(v1, v1.contains("over JTAG"));
        assertEquals("20000020:  feedface", shell.run("mem:read32 0x20000020").trim());

        String refused = shell.fail("target:connect -u 9900 --protocol jtag");
        assertTrue(refused, refused.contains("does not support JTAG (it supports swd)"));
    }

    @Test
    public void probeSelectionErrorsAreOneClearLine() throws Exception {
        String several = shell.fail("target:connect -W");
        assertTrue(several, several.startsWith("8 debug probes are connected; choose one with -u UID: "));
        assertTrue(several, several.contains("PHLAB0001") && several.contains("9900") && several.contains("stlink:0670")
                && several.contains("jlink:000261012345") && several.contains("picoprobe:E6614103E7176A23"));
        assertTrue(shell.fail("target:connect -W -u nosuch")
                .startsWith("No connected debug probe matches unique ID 'nosuch' (connected: "));
        assertTrue(shell.fail("target:connect -u nodriver:9900 -W").startsWith("unknown debug probe driver 'nodriver'"));
        assertTrue(shell.fail("target:connect -u 0").startsWith("more than one debug probe matches unique ID '0'"));
        String unknown = shell.fail("target:connect -u 9900 -t nrf99");
        assertTrue(unknown, unknown.startsWith("unknown target 'nrf99' (") && unknown.endsWith("target:list shows "
                + (unknown.contains("did you mean") ? "them all)" : "the known targets)")));
        assertTrue(shell.run("target:list").contains("cortex_m"));

        shell.run("target:connect -u 9900 -t cortex_m");
        String fault = shell.fail("mem:read32 0x30000000");
        assertTrue(fault, fault.contains("0x30000000") && fault.contains("FAULT"));
        String register = shell.fail("reg nosuch");
        assertTrue(register, register.startsWith("unknown register 'nosuch' (Cortex-M0 has r0, r1"));
    }

    @Test
    public void waitStormAndUnpluggedProbeGiveClearErrorsAndTheSessionComesBack() throws Exception {
        shell.run("target:connect -u 9900");
        shell.run("mem:write32 0x20000030 0x600dcafe");
        shell.run("lab:fault wait-storm microbit 5");
        assertEquals("a short WAIT storm is retried", "20000030:  600dcafe", shell.run("mem:read32 0x20000030").trim());
        shell.run("lab:fault wait-storm microbit 1000000");
        String storm = shell.fail("mem:read32 0x20000030");
        assertTrue(storm, storm.contains("WAIT"));
        shell.run("lab:fault clear");
        assertEquals("20000030:  600dcafe", shell.run("mem:read32 0x20000030").trim());

        shell.run("lab:fault unplug 9900");
        String unplugged = shell.fail("mem:read32 0x20000030");
        assertTrue(unplugged, unplugged.startsWith("probe 9900") && unplugged.contains("disconnected"));
        assertTrue(shell.fail("mem:read32 -W -u 9900 0x20000030")
                .startsWith("No connected debug probe matches unique ID '9900'"));

        shell.run("lab:fault plug 9900");
        assertEquals("20000030:  600dcafe", shell.run("mem:read32 -u 9900 0x20000030").trim());
        assertEquals("20000030:  600dcafe", shell.run("mem:read32 0x20000030").trim());
    }

    @Test
    public void stoppingTheCoreClosesTheSessionAndTheTargetRunsOn() throws Exception {
        String connected = shell.run("target:connect -u 9900 -f 4M");
        assertTrue(connected, connected.contains("over SWD at 4000000 Hz"));
        assertTrue(shell.run("lab:list"), shell.run("lab:list").matches("(?s).*microbit +nrf51822 +halted.*"));

        Bundle core = bundle("io.probehost.core.impl");
        core.stop();
        assertTrue("the session detached and let the core run: " + shell.run("lab:list"),
                shell.run("lab:list").matches("(?s).*microbit +nrf51822 +running.*"));
        core.start();
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new AssertionError("no bundle " + symbolicName);
    }
}
