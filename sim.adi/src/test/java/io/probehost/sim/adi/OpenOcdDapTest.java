package io.probehost.sim.adi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real OpenOCD over remote_bitbang against the SWJ-DP with a fake MCU: DP and AP level only. */
class OpenOcdDapTest {
    @TempDir
    Path workDir;

    @Test
    void openocdReadsTheAhbApIdrWhenConnectedOverRemoteBitbang() throws Exception {
        FakeMcu mcu = new FakeMcu();
        mcu.ram.putInt(0x100, 0xC0FF_EE11);
        SwjDp dp = new SwjDp(mcu);
        OpenOcd.Result result = OpenOcd.runAgainst(dp, "probehost-dap-rbb.cfg", List.of(
                "init",
                "sim.dap apreg 0 0xfc",
                "sim.dap memaccess 0",
                "echo \"word: [sim.dap apreg 0 0x0]\"",
                "shutdown"), 60, workDir);
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("tap/device found: 0x0ba01477"), result.output());
        assertTrue(result.output().contains("0x04770021"), result.output());
    }
}
