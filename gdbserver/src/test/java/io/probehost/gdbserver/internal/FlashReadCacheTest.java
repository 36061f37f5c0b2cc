package io.probehost.gdbserver.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.probehost.api.target.MemoryRegion;

class FlashReadCacheTest {
    private final FakeTarget target = new FakeTarget();
    private final FlashReadCache cache = new FlashReadCache(List.of(
            new MemoryRegion(MemoryRegion.Kind.FLASH, "flash", FakeTarget.RAM, 0x8000, 0x400, 0x400, true, "x"),
            new MemoryRegion(MemoryRegion.Kind.RAM, "ram", FakeTarget.RAM + 0x8000, 0x8000, 0, 0, false, "")));

    @Test
    void smallFlashReadsAreServedFromOneBlockRead() {
        for (int i = 0; i < target.ram.length; i++) {
            target.ram[i] = (byte) i;
        }
        assertArrayEquals(new byte[] {0x42, 0x43}, cache.read(target, FakeTarget.RAM + 0x42, 2));
        assertArrayEquals(new byte[] {0x3e, 0x3f, 0x40, 0x41}, cache.read(target, FakeTarget.RAM + 0x3e, 4));
        assertEquals(1, target.blockReads);
        byte[] across = cache.read(target, FakeTarget.RAM + 0x3fe, 4);
        assertArrayEquals(Arrays.copyOfRange(target.ram, 0x3fe, 0x402), across);
        assertEquals(2, target.blockReads);
    }

    @Test
    void ramIsReadEveryTimeAndForgettingReadsFlashAgain() {
        cache.read(target, FakeTarget.RAM + 0x8000, 4);
        cache.read(target, FakeTarget.RAM + 0x8000, 4);
        cache.read(target, FakeTarget.RAM, 4);
        target.ram[0] = 7;
        cache.forget();
        assertEquals(7, cache.read(target, FakeTarget.RAM, 1)[0]);
        assertEquals(4, target.blockReads);
    }
}
