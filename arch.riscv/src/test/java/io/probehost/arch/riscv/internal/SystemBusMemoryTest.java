package io.probehost.arch.riscv.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.probehost.api.TransferFaultException;
import io.probehost.api.debug.MemoryInterface;

/** A Debug Module with System Bus Access: memory goes over the bus, with the hart running, never halted for it. */
class SystemBusMemoryTest {
    private static final long BUS_RAM = 0x8000_0000L;

    @Test
    void readsAndWritesOverTheSystemBusWhileTheHartRuns() {
        FakeSystemBus[] bus = new FakeSystemBus[1];
        try (LabGd32vf103 lab = new LabGd32vf103(); RiscvDebugTarget target = lab.connect(dmi -> {
            bus[0] = new FakeSystemBus(dmi, BUS_RAM, 0x1000);
            return bus[0];
        })) {
            assertTrue(target.description().endsWith(", system bus access)"), target.description());
            target.core().resume();
            int haltsBefore = bus[0].haltRequests;
            MemoryInterface memory = target.memory();
            byte[] data = new byte[203];
            for (int i = 0; i < data.length; i++) {
                data[i] = (byte) (i * 11 + 5);
            }
            memory.write(BUS_RAM + 3, data);
            assertArrayEquals(data, memory.read(BUS_RAM + 3, data.length));
            memory.write16(BUS_RAM + 0x400, 0xA55A);
            assertEquals(0xA55A, memory.read16(BUS_RAM + 0x400));
            assertEquals(0x5A, memory.read8(BUS_RAM + 0x400));
            assertEquals(haltsBefore, bus[0].haltRequests, "no halt for a memory access");
            assertFalse(target.core().isHalted());
            TransferFaultException fault = assertThrows(TransferFaultException.class,
                    () -> memory.read32(BUS_RAM + 0x2000));
            assertTrue(fault.getMessage().contains("0x80002000"), fault.getMessage());
        }
    }
}
