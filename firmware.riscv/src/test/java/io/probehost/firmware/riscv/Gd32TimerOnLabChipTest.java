package io.probehost.firmware.riscv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.probehost.sim.riscv.gd32vf103.Gd32vf103;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/**
 * gd32timer, built from C, on the virtual GD32VF103 (sim.riscv's chip, its own thread and clock):
 * the clock switch to the PLL completes, the machine timer interrupt arrives through the ECLIC
 * vector table five times with the ECLIC's mcause and level, and the program ends.
 */
class Gd32TimerOnLabChipTest {
    private static final int RESULT_BLOCK = Platform.LAB.resultBlockAddress();

    private static ResultBlock resultOf(Gd32vf103 mcu) {
        byte[] bytes = mcu.readRam(RESULT_BLOCK, ResultBlock.WORDS * 4);
        int[] words = new int[ResultBlock.WORDS];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(words);
        return new ResultBlock(words);
    }

    @Test
    void theClockSwitchesToThePllAndTheTimerInterruptArrivesThroughTheEclic() throws InterruptedException {
        try (Gd32vf103 mcu = Gd32vf103.create(null)) {
            // Held in reset while the image goes in: a hart running from erased flash could otherwise
            // reach the image half-loaded and record its values once before the reset.
            mcu.setResetPinAsserted(true);
            mcu.loadFlash(Gd32vf103.FLASH_BASE, Program.GD32_TIMER.labImage());
            mcu.setResetPinAsserted(false);
            ResultBlock result = resultOf(mcu);
            for (int i = 0; i < 500 && !ResultBlock.isFinished(result.status()); i++) {
                Thread.sleep(10);
                result = resultOf(mcu);
            }
            assertEquals(ResultBlock.STATUS_DONE, result.status(), String.format(
                    "program 0x%08X, %d values, pc 0x%08X", result.words()[1], result.valueCount(), mcu.pc()));
            assertEquals(5, result.valueCount());
            int[] values = new int[5];
            for (int i = 0; i < values.length; i++) {
                values[i] = result.value(i);
            }
            assertArrayEquals(new int[] {2, 0xB800_0007, 0xFF00_0000, 5, 0}, values,
                    "SCSS = PLL; mcause: interrupt, MPP 3, MPIE, id 7; level 255 in the handler; 5 ticks; level 0 after");
            assertTrue(mcu.clock().nowNanos() >= 5 * 100_000, "five 100 us timer periods of modelled time passed");
        }
    }
}
