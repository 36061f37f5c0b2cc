package io.probehost.arch.arm.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.probehost.api.debug.CoreRegister;
import io.probehost.api.probe.ArmMemoryEngine;
import io.probehost.api.probe.ResetControl;
import io.probehost.api.probe.WireProtocol;
import io.probehost.arch.arm.ArmConnectOptions;
import io.probehost.arch.arm.ArmDebugFactory;
import io.probehost.arch.arm.CortexMTarget;

/** The Arm stack on a probe that offers its own memory engine instead of raw DAP transfers. */
class MemoryEngineTest {
    private final FakeCortexM target = new FakeCortexM(FakeCortexM.CPUID_M0);
    private final FakeDap dap = new FakeDap(target);
    private final FakeMemoryEngine engine = new FakeMemoryEngine(dap);

    /** Offers ArmMemoryEngine and ResetControl only, as the ST-Link does. */
    private FakeSwdProbe engineProbe() {
        return new FakeSwdProbe("E1", "Engine", Map.of(ArmMemoryEngine.class, engine, ResetControl.class, dap));
    }

    private MemAp memAp() {
        DebugPort dp = new DebugPort(new EngineDapAccess(engine), Optional.empty(), WireProtocol.SWD,
                Duration.ofMillis(20), Optional.of(engine));
        dp.connect();
        MemAp memory = new MemAp(dp, 0, true);
        engine.log.clear();
        dap.takeLog();
        return memory;
    }

    @Test
    void aProbeWithOnlyAMemoryEngineConnectsAndItsMemoryGoesThroughTheEngine() {
        CortexMTarget connected = ArmDebugFactory.connect(engineProbe(), WireProtocol.SWD,
                ArmConnectOptions.defaults());
        assertEquals(0x0BB11477, connected.dpidr());
        assertEquals(FakeCortexM.CPUID_M0, connected.cpuid());
        target.words.put(0x2000_0000L, 0xCAFEF00D);
        engine.log.clear();
        dap.takeLog();

        assertEquals(0xCAFEF00D, connected.memory().read32(0x2000_0000L));
        assertEquals(List.of("mem R WORD AP0 0x20000000 4"), engine.log);
        assertTrue(dap.takeLog().isEmpty(), "no TAR or DRW access");
    }

    @Test
    void coreRegistersWorkThroughTheEngine() {
        CortexMTarget connected = ArmDebugFactory.connect(engineProbe(), WireProtocol.SWD,
                ArmConnectOptions.defaults());
        connected.core().halt(Duration.ofMillis(100));
        CoreRegister r0 = connected.core().register("r0").orElseThrow();
        connected.core().writeRegister(r0, 0x1234_5678L);
        assertEquals(0x1234_5678L, connected.core().readRegister(r0));
        assertTrue(engine.log.stream().anyMatch(line -> line.startsWith("mem W WORD AP0 0xE000EDF4")),
                "DCRSR is written through the engine: " + engine.log);
    }

    @Test
    void unalignedTransfersGoAsBytesAroundWords() {
        MemAp memory = memAp();
        target.words.put(0x2000_0000L, 0x44332211);
        target.words.put(0x2000_0004L, 0x88776655);
        target.words.put(0x2000_0008L, 0xCCBBAA99);
        target.words.put(0x2000_000CL, 0x00FFEEDD);
        byte[] read = new byte[13];
        memory.read(0x2000_0001L, read, 0, 13);
        assertEquals(List.of("mem R BYTE AP0 0x20000001 3", "mem R WORD AP0 0x20000004 8",
                "mem R BYTE AP0 0x2000000C 2"), engine.log);
        assertEquals(0x22, read[0]);
        assertEquals((byte) 0xEE, read[12]);
    }

    @Test
    void writesLandInTargetMemory() {
        MemAp memory = memAp();
        memory.write(0x2000_0010L, new byte[] {1, 2, 3, 4, 5, 6}, 0, 6);
        memory.write16(0x2000_0020L, 0xBEEF);
        memory.write8(0x2000_0023L, 0x7A);
        assertEquals(0x04030201, target.words.get(0x2000_0010L));
        assertEquals(0x0605, target.words.get(0x2000_0014L));
        assertEquals(0x7A00BEEF, target.words.get(0x2000_0020L));
        assertEquals(List.of("mem W WORD AP0 0x20000010 4", "mem W BYTE AP0 0x20000014 2",
                "mem W HALFWORD AP0 0x20000020 2", "mem W BYTE AP0 0x20000023 1"), engine.log);
    }

    @Test
    void halfwordsGoAsBytesWhenTheProbeLacksThem() {
        engine.halfwords = false;
        MemAp memory = memAp();
        target.words.put(0x2000_0000L, 0x44332211);
        assertEquals(0x4433, memory.read16(0x2000_0002L));
        assertEquals(List.of("mem R BYTE AP0 0x20000002 2"), engine.log);
    }

    @Test
    void selectIsRememberedNotSentAndApAccessesCarryApAndBank() {
        EngineDapAccess access = new EngineDapAccess(engine);
        access.writeDp(DpRegister.SELECT, 0x0100_00F0);
        access.readAp(0xC);
        access.writeDp(DpRegister.SELECT, 0x0000_0002);
        access.readDp(DpRegister.CTRL_STAT);
        access.writeAbort(0x1E);
        assertEquals(List.of("reg R AP1 0xFC", "reg R DP 0x24", "reg W DP 0x00 0x0000001E"), engine.log);
        assertFalse(engine.log.stream().anyMatch(line -> line.contains("0x08")), "SELECT never goes to the probe");
    }
}
