package io.probehost.driver.stlink.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.probehost.api.debug.CoreRegister;
import io.probehost.api.probe.WireProtocol;
import io.probehost.arch.arm.ArmConnectOptions;
import io.probehost.arch.arm.ArmDebugFactory;
import io.probehost.arch.arm.CortexMTarget;

/** The Arm stack on an ST-Link: DP/AP registers and memory go through the probe's commands. */
class ArmStackOverStlinkTest {
    private final CommandFakeStlink fake = new CommandFakeStlink();
    private final StlinkProbe probe = new StlinkProbe(TestProbes.DESCRIPTION,
            TestProbes.channel(fake, TestProbes.v2(37)), 3.3);

    @Test
    void connectsHaltsAndMovesMemoryAndRegistersThroughTheProbesEngine() {
        CortexMTarget target = ArmDebugFactory.connect(probe, WireProtocol.SWD, ArmConnectOptions.defaults());
        assertEquals(CommandFakeStlink.DPIDR, target.dpidr());
        assertEquals(0x412F_C230, target.cpuid());
        assertTrue(fake.commands.contains("f2 30"), "entered SWD: " + fake.commands);

        byte[] data = {1, 2, 3, 4, 5, 6, 7, 8};
        target.memory().write(0x2000_0000L, data, 0, data.length);
        byte[] back = new byte[8];
        target.memory().read(0x2000_0000L, back, 0, back.length);
        assertArrayEquals(data, back);
        assertEquals(0x0807_0605, fake.words.get(0x2000_0004L));

        target.core().halt(Duration.ofMillis(100));
        CoreRegister r3 = target.core().register("r3").orElseThrow();
        target.core().writeRegister(r3, 0xDEAD_BEEFL);
        assertEquals(0xDEAD_BEEFL, target.core().readRegister(r3));
        assertTrue(fake.commands.contains("f2 07") && fake.commands.contains("f2 08") && fake.commands.contains("f2 3e"),
                "memory went through READMEM/WRITEMEM and GETLASTRWSTATUS2: " + fake.commands);
    }
}
