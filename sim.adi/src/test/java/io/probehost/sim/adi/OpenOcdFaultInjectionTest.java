package io.probehost.sim.adi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fault hooks as the real OpenOCD sees them through remote_bitbang and the JTAG-DP. */
class OpenOcdFaultInjectionTest {
    @TempDir
    Path workDir;

    private final FakeMcu mcu = new FakeMcu();
    private final SwjDp dp = new SwjDp(mcu);

    private OpenOcd.Result run(List<String> commands) throws Exception {
        return OpenOcd.runAgainst(dp, "probehost-dap-rbb.cfg", commands, 60, workDir);
    }

    @Test
    void openocdSucceedsWhenAWaitStormPrecedesIt() throws Exception {
        dp.injectWaitStorm(20);
        OpenOcd.Result result = run(List.of("init", "echo \"IDR [sim.dap apreg 0 0xfc]\"", "shutdown"));
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("IDR 0x04770021"), result.output());
        assertEquals(0, dp.pendingWaits());
    }

    @Test
    void openocdReportsStickyErrorAndRecoversWhenAnAddressFaults() throws Exception {
        mcu.ram.putInt(0x1000, 0x600D_CAFE);
        dp.faultRange(FakeMcu.RAM_BASE + 0x2000, 0x100);
        OpenOcd.Result result = run(List.of(
                "init",
                "sim.dap apreg 0 0x0 0x23000012",
                "sim.dap apreg 0 0x4 0x20002000",
                "if {[catch {sim.dap apreg 0 0xc} msg]} {echo \"FAULTED\"} else {echo \"READ $msg\"}",
                "sim.dap apreg 0 0x4 0x20001000",
                "echo \"AFTER [sim.dap apreg 0 0xc]\"",
                "shutdown"));
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("STICKY ERROR"), result.output());
        assertTrue(result.output().contains("FAULTED"), result.output());
        assertTrue(result.output().contains("AFTER 0x600dcafe"), result.output());
    }

    @Test
    void openocdFindsNoTapWhenTheTargetDoesNotRespond() throws Exception {
        dp.setNoResponse(true);
        OpenOcd.Result result = run(List.of("init", "shutdown"));
        assertNotEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("all ones"), result.output());
    }
}
