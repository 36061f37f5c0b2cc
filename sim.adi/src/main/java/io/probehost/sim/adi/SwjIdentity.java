package io.probehost.sim.adi;

/**
 * What identifies an SWJ-DP and its JTAG chain: the SW-DP's DPIDR, the JTAG-DP's IDCODE and, where
 * the chip has one, the boundary-scan TAP between TDI and the JTAG-DP (IR length 0: none).
 *
 * @param swDpidr              DPIDR read over SWD
 * @param jtagIdcode           IDCODE of the JTAG-DP (IR 4 bits)
 * @param boundaryScanIrLength IR length of the boundary-scan TAP, 0 when the chain holds only the DP
 * @param boundaryScanIdcode   IDCODE of the boundary-scan TAP
 * @param autoIncrementBytes   block within which the AHB-AP's TAR auto-increments (1 KiB on the
 *                             Cortex-M0, 4 KiB on the Cortex-M3)
 */
public record SwjIdentity(int swDpidr, int jtagIdcode, int boundaryScanIrLength, int boundaryScanIdcode,
        int autoIncrementBytes) {
    /** The Cortex-M0 SWJ-DP alone in the chain. */
    public static final SwjIdentity CORTEX_M0 = new SwjIdentity(SwjDp.SW_DPIDR, SwjDp.JTAG_IDCODE, 0, 0,
            MemAp.CORTEX_M0_AUTO_INCREMENT_BYTES);
    /**
     * STM32F1 (RM0008 debug chapter): Cortex-M3 SW-DP 0x1BA01477, JTAG-DP 0x3BA00477 nearest TDO,
     * then the boundary-scan TAP (IR 5, medium density IDCODE 0x06410041) nearest TDI, as OpenOCD's
     * target/stm32f1x.cfg declares them ({@code cpu} then {@code bs}); the Cortex-M3 AHB-AP.
     */
    public static final SwjIdentity STM32F1 = new SwjIdentity(0x1BA0_1477, 0x3BA0_0477, 5, 0x0641_0041,
            MemAp.CORTEX_M3_AUTO_INCREMENT_BYTES);

    public SwjIdentity {
        if (boundaryScanIrLength < 0 || boundaryScanIrLength > 31) {
            throw new IllegalArgumentException("boundary-scan IR length must be 0 to 31");
        }
    }
}
