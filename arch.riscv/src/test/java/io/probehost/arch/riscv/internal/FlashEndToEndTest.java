package io.probehost.arch.riscv.internal;

import static io.probehost.arch.riscv.internal.LabGd32vf103.COUNTER;
import static io.probehost.arch.riscv.internal.LabGd32vf103.COUNTING_LOOP;
import static io.probehost.arch.riscv.internal.LabGd32vf103.TIMEOUT;
import static io.probehost.arch.riscv.internal.LabGd32vf103.words;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.probehost.api.debug.DebugTarget;
import io.probehost.api.debug.ResetType;
import io.probehost.api.option.SessionOptions;
import io.probehost.api.probe.DebugProbe;
import io.probehost.api.probe.WireProtocol;
import io.probehost.api.target.TargetDescription;
import io.probehost.flash.FlashLoader;
import io.probehost.flash.FlashOptions;
import io.probehost.flash.FlashProgressListener;
import io.probehost.flash.FlashResult;
import io.probehost.flash.format.FirmwareImage;
import io.probehost.sim.riscv.gd32vf103.Gd32vf103;

/**
 * Flashing RISC-V end to end: the flash loader, unchanged, runs pack.gigadevice's GD32VF103 algorithm
 * (RV32, built from C) on a virtual GD32VF103 behind each probe in JTAG mode through this bundle's
 * function caller (double buffering, the RV32 sector CRC for skipping and verifying); the image then
 * runs from flash after a reset.
 */
class FlashEndToEndTest {

    @ParameterizedTest
    @EnumSource(ProbeBench.Kind.class)
    void programsVerifiesSkipsAndRunsAnRv32Image(ProbeBench.Kind kind) {
        byte[] data = new byte[3 * 1024 + 100];
        new Random(11).nextBytes(data);
        System.arraycopy(words(COUNTING_LOOP), 0, data, 0, 16);
        TargetDescription gd32 = ProbeBench.gd32vf103cb();
        try (ProbeBench bench = new ProbeBench(kind); DebugProbe probe = bench.open();
                DebugTarget target = new RiscvTargetConnector().connect(probe, WireProtocol.JTAG,
                        SessionOptions.defaults(), Optional.of(gd32))) {
            FlashLoader loader = new FlashLoader(target, gd32);
            FirmwareImage image = FirmwareImage.builder("loop.bin").add(Gd32vf103.FLASH_BASE, data).build();
            FlashResult result = loader.program(image, FlashOptions.defaults().withResetAfter(false),
                    FlashProgressListener.NONE);
            assertEquals(4, result.sectorsWritten());
            assertArrayEquals(data, bench.mcu.readFlash(Gd32vf103.FLASH_BASE, data.length));
            assertArrayEquals(data, target.memory().read(Gd32vf103.FLASH_BASE, data.length));
            assertEquals(4, loader.program(image, FlashOptions.defaults().withResetAfter(false),
                    FlashProgressListener.NONE).sectorsSkipped(), "unchanged sectors are skipped by their CRC");

            target.core().reset(ResetType.SYSRESETREQ);
            assertFalse(target.core().isHalted());
            assertTrue(Polling.holdsWithin(() -> target.memory().read32(COUNTER) >= 1000, TIMEOUT),
                    "the image runs from flash after the reset");
        }
    }
}
