package io.probehost.arch.arm.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.probehost.api.TransferFaultException;
import io.probehost.api.TransferTimeoutException;
import io.probehost.api.probe.JtagSequencer;
import io.probehost.api.probe.WireProtocol;
import io.probehost.arch.arm.ArmConnectOptions;
import io.probehost.arch.arm.ArmDebugFactory;
import io.probehost.arch.arm.CortexMTarget;
import io.probehost.sim.adi.SwjDp;
import io.probehost.sim.adi.SwjIdentity;
import io.probehost.sim.adi.WireMode;
import io.probehost.sim.mcu.nrf51.Nrf51822;
import io.probehost.sim.mcu.stm32f1.Stm32f103;

/** The JTAG-DP over a bit-level sequencer clocking the lab's SWJ-DP pins directly. */
class JtagDapAccessTest {

    /** A JtagSequencer that is just the pins, one TCK per bit. */
    private static JtagSequencer pins(SwjDp dp) {
        return (bitCount, tms, tdi) -> {
            byte[] tdo = new byte[(bitCount + 7) / 8];
            for (int i = 0; i < bitCount; i++) {
                boolean out = dp.jtagClock(((tms[i / 8] >>> (i % 8)) & 1) != 0, ((tdi[i / 8] >>> (i % 8)) & 1) != 0);
                tdo[i / 8] |= (byte) ((out ? 1 : 0) << (i % 8));
            }
            return tdo;
        };
    }

    @Test
    void findsTheJtagDpBehindTheStm32BoundaryScanTapAndReadsItsIdcode() {
        try (Stm32f103 mcu = Stm32f103.create(null)) {
            JtagDapAccess dap = new JtagDapAccess(pins(new SwjDp(mcu, SwjIdentity.STM32F1, WireMode.JTAG, 0)));
            assertEquals(0x3BA0_0477, dap.readDp(DpRegister.DPIDR));
            assertEquals(List.of(0x3BA0_0477, 0x0641_0041), dap.chain().idcodes(), "the DP nearest TDO");
            assertEquals(5, dap.chain().irLength(1), "the boundary-scan TAP's IR, measured");
        }
    }

    @Test
    void debugsAnNrf51OverJtag() {
        try (Nrf51822 mcu = Nrf51822.create(null)) {
            JtagDapAccess dap = new JtagDapAccess(pins(new SwjDp(mcu, WireMode.JTAG, 0)));
            CortexMTarget target = ArmDebugFactory.connect(dap, Optional.empty(), Optional.empty(), WireProtocol.JTAG,
                    ArmConnectOptions.defaults());
            assertEquals(SwjDp.JTAG_IDCODE, target.dpidr());
            assertEquals(0x410C_C200, target.cpuid() & 0xFF0F_FFF0, "a Cortex-M0");
            byte[] data = new byte[300];
            for (int i = 0; i < data.length; i++) {
                data[i] = (byte) (i * 13 + 1);
            }
            target.memory().write(Nrf51822.RAM_BASE + 0x101, data, 0, data.length);
            assertArrayEquals(data, mcu.readRam(Nrf51822.RAM_BASE + 0x101, data.length));
            mcu.writeRam(Nrf51822.RAM_BASE + 0x800, new byte[] {1, 2, 3, 4});
            assertEquals(0x0403_0201, target.memory().read32(Nrf51822.RAM_BASE + 0x800));
            target.core().halt(java.time.Duration.ofSeconds(1));
            assertTrue(target.core().isHalted());
            target.close();
        }
    }

    @Test
    void waitInTheMiddleOfABatchIsReplayedFromTheWaitingScanBehindAnOverrunClear() {
        try (Nrf51822 mcu = Nrf51822.create(null)) {
            SwjDp dp = new SwjDp(mcu, WireMode.JTAG, 0);
            JtagDapAccess dap = new JtagDapAccess(pins(dp));
            CortexMTarget target = ArmDebugFactory.connect(dap, Optional.empty(), Optional.empty(), WireProtocol.JTAG,
                    ArmConnectOptions.defaults());
            byte[] data = new byte[512];
            for (int i = 0; i < data.length; i++) {
                data[i] = (byte) (i * 5 + 3);
            }
            for (int storm : new int[] {1, 3, 40}) {
                dp.injectWaitStorm(storm);
                target.memory().write(Nrf51822.RAM_BASE + 0x200, data, 0, data.length);
                assertEquals(0, dp.pendingWaits());
                assertArrayEquals(data, mcu.readRam(Nrf51822.RAM_BASE + 0x200, data.length), "storm of " + storm);
                dp.injectWaitStorm(storm);
                byte[] back = new byte[data.length];
                target.memory().read(Nrf51822.RAM_BASE + 0x200, back, 0, back.length);
                assertArrayEquals(data, back, "read through a storm of " + storm);
            }
            target.close();
        }
    }

    @Test
    void endlessWaitIsATimeout() {
        try (Nrf51822 mcu = Nrf51822.create(null)) {
            SwjDp dp = new SwjDp(mcu, WireMode.JTAG, 0);
            CortexMTarget target = ArmDebugFactory.connect(new JtagDapAccess(pins(dp)), Optional.empty(),
                    Optional.empty(), WireProtocol.JTAG, ArmConnectOptions.defaults());
            dp.injectWaitStorm(100_000);
            TransferTimeoutException timeout = assertThrows(TransferTimeoutException.class,
                    () -> target.memory().read32(Nrf51822.RAM_BASE));
            assertTrue(timeout.getMessage().contains("WAIT 100 times"), timeout.getMessage());
            assertEquals(0, dp.pendingWaits(), "DAPABORT ended the storm");
            mcu.writeRam(Nrf51822.RAM_BASE, new byte[] {1, 2, 3, 4});
            assertEquals(0x0403_0201, target.memory().read32(Nrf51822.RAM_BASE), "usable again");
            target.close();
        }
    }

    @Test
    void aBusFaultShowsAsStickyErrAndThrowsAFault() {
        try (Nrf51822 mcu = Nrf51822.create(null)) {
            JtagDapAccess dap = new JtagDapAccess(pins(new SwjDp(mcu, WireMode.JTAG, 0)));
            CortexMTarget target = ArmDebugFactory.connect(dap, Optional.empty(), Optional.empty(), WireProtocol.JTAG,
                    ArmConnectOptions.defaults());
            TransferFaultException fault = assertThrows(TransferFaultException.class,
                    () -> target.memory().read32(0x6000_0000L));
            assertTrue(fault.getMessage().contains("STICKYERR"), fault.getMessage());
            mcu.writeRam(Nrf51822.RAM_BASE, new byte[] {9, 8, 7, 6});
            assertEquals(0x0607_0809, target.memory().read32(Nrf51822.RAM_BASE), "carries on after the fault");
            target.close();
        }
    }
}
