package io.probehost.driver.cmsisdap.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.probehost.api.debug.BreakpointKind;
import io.probehost.api.debug.CoreControl;
import io.probehost.api.debug.DebugTarget;
import io.probehost.api.debug.HaltReason;
import io.probehost.api.debug.MemoryInterface;
import io.probehost.api.debug.ResetType;
import io.probehost.api.debug.WatchpointKind;
import io.probehost.api.jtag.JtagChain;
import io.probehost.api.option.SessionOptions;
import io.probehost.api.probe.DebugProbe;
import io.probehost.api.probe.JtagSequencer;
import io.probehost.api.probe.ProbeDescription;
import io.probehost.api.probe.WireProtocol;
import io.probehost.api.target.CoreDescription;
import io.probehost.api.target.TargetDescription;
import io.probehost.arch.riscv.internal.RiscvTargetConnector;
import io.probehost.sim.adi.riscv.RiscvJtagDtm;
import io.probehost.sim.probe.cmsisdap.CmsisDapProbe;
import io.probehost.sim.probe.cmsisdap.CmsisDapProbes;
import io.probehost.sim.probe.usb.VirtualUsbBus;
import io.probehost.sim.riscv.gd32vf103.Gd32vf103;

/**
 * The CMSIS-DAP driver in JTAG mode against the lab's CMSIS-DAP v2.1 emulator, in front of a virtual
 * GD32VF103 (its RISC-V JTAG DTM): the driver's {@link JtagSequencer} (DAP_JTAG_Sequence) under
 * arch.riscv's connector, as a session connects a RISC-V target.
 */
class CmsisDapRiscvEndToEndTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final TargetDescription GD32VF103CB = new TargetDescription("gd32vf103cb", "GigaDevice",
            "GD32VF103", List.of(new CoreDescription("core0", "rv32imac", "riscv", 0)), List.of(), List.of(),
            "sysresetreq");
    private static final int SRAM = Gd32vf103.SRAM_BASE;
    /** lui t0 0x20000; c.addi a0 1; c.nop; sw a0 0x100(t0); j back to the c.addi. */
    private static final byte[] COUNTING_LOOP = Bytes.hex(
            "b7 02 00 20 05 05 01 00 23 a0 a2 10 6f f0 9f ff");
    private static final int COUNTER = SRAM + 0x100;

    @Test
    void readsTheDtmIdcodeThroughDapJtagSequence() {
        try (Bench bench = new Bench(); DebugProbe probe = bench.open()) {
            probe.connect(WireProtocol.JTAG);
            JtagSequencer sequencer = probe.capability(JtagSequencer.class).orElseThrow();
            assertEquals(List.of(Gd32vf103.JTAG_IDCODE), JtagChain.readIdcodes(sequencer));
        }
    }

    @Test
    void debugsTheVirtualGd32vf103OverJtag() {
        RiscvTargetConnector connector = new RiscvTargetConnector();
        assertTrue(connector.supports(Optional.of(GD32VF103CB)));
        assertEquals(List.of(WireProtocol.JTAG), connector.protocols());
        try (Bench bench = new Bench(); DebugProbe probe = bench.open();
                DebugTarget target = connector.connect(probe, WireProtocol.JTAG, SessionOptions.defaults(),
                        Optional.of(GD32VF103CB))) {
            assertTrue(target.description().startsWith("RV32IMAC (JTAG DTM IDCODE 0x1000563D"), target.description());
            CoreControl core = target.core();
            assertTrue(core.isHalted());
            MemoryInterface memory = target.memory();
            assertEquals(Gd32vf103.DBG_ID, memory.read32(0xE004_2000L));
            memory.write(SRAM, COUNTING_LOOP);
            memory.write32(COUNTER, 0);
            assertArrayEquals(COUNTING_LOOP, bench.mcu.readRam(SRAM, COUNTING_LOOP.length));
            core.writeRegister(core.register("a0").orElseThrow(), 0);
            core.writeRegister(core.register("pc").orElseThrow(), SRAM);
            core.step();
            core.step();
            assertEquals(SRAM + 6, read(core, "pc"));
            assertEquals(1, read(core, "x10"));

            target.breakpoints().addBreakpoint(SRAM + 0xC, BreakpointKind.HARDWARE);
            core.resume();
            awaitHalt(core);
            assertEquals(SRAM + 0xC, read(core, "pc"));
            assertEquals(Optional.of(HaltReason.BREAKPOINT), core.haltReason());
            target.breakpoints().removeBreakpoint(SRAM + 0xC);

            target.breakpoints().addBreakpoint(SRAM + 4, BreakpointKind.SOFTWARE);
            core.resume();
            awaitHalt(core);
            assertEquals(SRAM + 4, read(core, "pc"));
            assertEquals(1, memory.read32(COUNTER));
            target.breakpoints().removeBreakpoint(SRAM + 4);

            target.watchpoints().addWatchpoint(COUNTER, 4, WatchpointKind.WRITE);
            core.resume();
            awaitHalt(core);
            assertEquals(Optional.of(HaltReason.WATCHPOINT), core.haltReason());
            assertEquals(SRAM + 8, read(core, "pc"));
            target.watchpoints().removeWatchpoint(COUNTER);

            core.resume();
            assertTrue(waitFor(() -> memory.read32(COUNTER) > 1000), "the loop runs on");
            core.resetAndHalt(ResetType.SYSRESETREQ, TIMEOUT);
            assertEquals(0, read(core, "pc"), "halted at the reset vector");
            assertEquals(Optional.of(HaltReason.VECTOR_CATCH), core.haltReason());
        }
    }

    private static long read(CoreControl core, String name) {
        return core.readRegister(core.register(name).orElseThrow());
    }

    private static void awaitHalt(CoreControl core) {
        assertTrue(waitFor(core::isHalted), "the hart halts");
        assertFalse(core.haltReason().isEmpty());
    }

    private static boolean waitFor(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.onSpinWait();
        }
        return true;
    }

    /** A virtual GD32VF103 behind the lab CMSIS-DAP v2.1 emulator on a virtual USB bus, and the driver on that bus. */
    private static final class Bench implements AutoCloseable {
        final Gd32vf103 mcu = Gd32vf103.create(null);
        private final VirtualUsbBus bus = new VirtualUsbBus("cmsisdap-riscv-e2e");
        private final CmsisDapProbe device = CmsisDapProbes.genericV21("PHLABRV01", "GigaDevice", "GD32VF103CB",
                "Sipeed", "Longan Nano", new RiscvJtagDtm(mcu, Gd32vf103.JTAG_IDCODE, 0), mcu.clock());
        private final CmsisDapDriver driver = new CmsisDapDriver();

        Bench() {
            bus.attach(device);
            driver.addBus(bus);
        }

        DebugProbe open() {
            List<ProbeDescription> probes = driver.probes();
            assertEquals(1, probes.size(), "probes: " + probes);
            return driver.open(probes.get(0), SessionOptions.defaults());
        }

        @Override
        public void close() {
            assertTrue(device.lastFirmwareError().isEmpty(), "the emulator's firmware failed: "
                    + device.lastFirmwareError());
            bus.close();
            device.close();
            mcu.close();
        }
    }
}
