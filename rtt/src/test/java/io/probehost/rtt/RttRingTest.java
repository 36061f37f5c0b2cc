package io.probehost.rtt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RttRingTest {
    @Test
    void emptyRingHasNothingAndAllButOneByteFree() {
        assertEquals(0, RttRing.available(5, 5, 16));
        assertEquals(15, RttRing.free(5, 5, 16));
    }

    @Test
    void fullRingLeavesOneByteUnused() {
        assertEquals(15, RttRing.available(4, 5, 16));
        assertEquals(0, RttRing.free(4, 5, 16));
        assertEquals(15, RttRing.available(15, 0, 16));
        assertEquals(0, RttRing.free(15, 0, 16));
    }

    @Test
    void wrappedDataIsCountedAcrossTheEnd() {
        assertEquals(6, RttRing.available(2, 12, 16));
        assertEquals(4, RttRing.contiguous(2, 12, 16));
        assertEquals(9, RttRing.free(2, 12, 16));
        assertEquals(3, RttRing.contiguous(9, 6, 16));
        assertEquals(2, RttRing.advance(12, 6, 16));
        assertEquals(0, RttRing.advance(12, 4, 16));
    }

    @Test
    void modesDecideHowMuchOfAWriteGoesIn() {
        assertEquals(0, RttRing.accepted(RttMode.NO_BLOCK_SKIP, 10, 9));
        assertEquals(9, RttRing.accepted(RttMode.NO_BLOCK_SKIP, 9, 9));
        assertEquals(9, RttRing.accepted(RttMode.NO_BLOCK_TRIM, 10, 9));
        assertEquals(9, RttRing.accepted(RttMode.BLOCK_IF_FIFO_FULL, 10, 9));
        assertEquals(RttMode.NO_BLOCK_SKIP, RttMode.ofFlags(0x100));
        assertEquals(RttMode.NO_BLOCK_TRIM, RttMode.ofFlags(1));
        assertEquals(RttMode.BLOCK_IF_FIFO_FULL, RttMode.ofFlags(6));
    }
}
