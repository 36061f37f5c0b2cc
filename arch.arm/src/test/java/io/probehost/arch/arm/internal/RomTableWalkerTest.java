package io.probehost.arch.arm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.probehost.api.probe.WireProtocol;
import io.probehost.arch.arm.CoreSightComponent;
import io.probehost.arch.arm.CoreSightComponent.Role;

class RomTableWalkerTest {

    private static List<CoreSightComponent> walk(FakeCortexM target) {
        FakeDap dap = new FakeDap(target);
        DebugPort dp = new DebugPort(dap, Optional.of(dap), WireProtocol.SWD, Duration.ofMillis(20));
        dp.connect();
        return new RomTableWalker(new MemAp(dp, 0, true)).walk(FakeCortexM.ROM_TABLE);
    }

    @Test
    void baseValueDecodesAdiv5AndLegacyFormats() {
        assertEquals(0xE00FF000L, RomTableWalker.romTableAddress(0xE00FF003));
        assertEquals(0xE00FF000L, RomTableWalker.romTableAddress(0xE00FF000));
        assertEquals(-1, RomTableWalker.romTableAddress(0xE00FF002));
        assertEquals(-1, RomTableWalker.romTableAddress(0xFFFFFFFF));
    }

    @Test
    void classOneTableOfM0NamesScsDwtAndBpu() {
        List<CoreSightComponent> components = walk(new FakeCortexM(FakeCortexM.CPUID_M0));

        assertEquals(List.of(Role.ROM_TABLE, Role.SCS, Role.DWT, Role.BPU),
                components.stream().map(CoreSightComponent::role).toList());
        assertEquals(0xE0001000L, components.get(2).address());
        assertEquals(0x23B, components.get(1).designer());
        assertEquals(0x008, components.get(1).partNumber());
    }

    @Test
    void classNineComponentsAreNamedByDevarch() {
        List<CoreSightComponent> components = walk(new FakeCortexM(FakeCortexM.CPUID_M33));

        assertEquals(List.of(Role.ROM_TABLE, Role.SCS, Role.DWT, Role.FPB),
                components.stream().map(CoreSightComponent::role).toList());
        assertEquals(0x47701A02, components.get(2).devarch());
    }

    @Test
    void classNineRomTableWithThirtyTwoBitEntriesIsWalked() {
        FakeCortexM target = new FakeCortexM(FakeCortexM.CPUID_M0);
        long nested = 0xE0040000L;
        target.putIds(nested, 0x9, 0x4C9, 0x47700AF7);
        target.words.put(nested, 0xFFFCE003); // SCS at 0xE000E000
        target.words.put(nested + 4, 0x00000002); // not present, not last
        target.words.put(nested + 8, 0xFFFC1003); // DWT at 0xE0001000
        target.words.put(nested + 12, 0);
        target.words.put(FakeCortexM.ROM_TABLE, 0xFFF41003); // the nested table at 0xE0040000
        target.words.put(FakeCortexM.ROM_TABLE + 4, 0);

        List<CoreSightComponent> components = walk(target);

        assertEquals(List.of(Role.ROM_TABLE, Role.ROM_TABLE, Role.SCS, Role.DWT),
                components.stream().map(CoreSightComponent::role).toList());
        assertEquals(nested, components.get(1).address());
    }
}
