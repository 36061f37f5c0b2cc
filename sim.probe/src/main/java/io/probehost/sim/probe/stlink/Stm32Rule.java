package io.probehost.sim.probe.stlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Set;

/**
 * The "STM32 targets only" rule of recent ST-Link firmware. What the real firmware reads is not
 * published; what hosts see is: the DP still answers (DPIDR, READ_IDCODES, DP registers; the DPIDR
 * cannot tell an STM32 from another Cortex-M, both carry Arm's), while AP access is refused with
 * BAD_AP (0x1D): pyOCD issue #918 (V2J37S7 against an nRF52832 fails with "STLink error (29)",
 * V2J34S7 works) and probe-rs pull request #3451 (latest V2 firmware, nRF52840). The model: before the
 * first AP access after connecting, the probe reads the STM32 DBGMCU_IDCODE through AP 0
 * (0xE0042000 on Cortex-M3/M4/M7 parts, 0x40015800 on Cortex-M0 parts) and accepts the target when
 * its DEV_ID (bits 11:0) is a known STM32 device ID.
 */
final class Stm32Rule {
    private static final int[] DBGMCU_IDCODE = {0xE004_2000, 0x4001_5800};
    private static final Set<Integer> STM32_DEVICE_IDS = Set.of(0x410, 0x411, 0x412, 0x413, 0x414, 0x415, 0x418,
            0x419, 0x420, 0x421, 0x423, 0x428, 0x430, 0x431, 0x433, 0x434, 0x435, 0x440, 0x442, 0x444, 0x445, 0x448,
            0x450, 0x460, 0x468, 0x469, 0x483, 0x495, 0x497);

    private Stm32Rule() {
    }

    /** Reads the DBGMCU_IDCODE candidates (clearing sticky errors after a fault); the memory status is left OK. */
    static boolean accepts(MemoryAccess memory, DapMaster dap) {
        boolean accepted = false;
        byte[] word = new byte[4];
        for (int address : DBGMCU_IDCODE) {
            memory.read(0, 0, address, 4, true, word);
            int deviceId = ByteBuffer.wrap(word).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFF;
            if (memory.lastStatus == StlinkStatus.OK && STM32_DEVICE_IDS.contains(deviceId)) {
                accepted = true;
                break;
            }
            dap.clearStickyErrors();
        }
        memory.setResult(StlinkStatus.OK, 0);
        return accepted;
    }
}
