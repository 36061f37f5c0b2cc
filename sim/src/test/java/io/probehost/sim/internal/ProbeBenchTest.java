package io.probehost.sim.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProbeBenchTest {

    @Test
    void floorIsTheDataWordsOverWordsPerPacketRoundedUpWhenStreamedContinuously() {
        // 16384 words: 126 written / 127 read per 512-byte packet, 14 / 15 per 64-byte packet
        assertEquals(131, ProbeBench.minimumPackets(512, ProbeBench.WRITE_HEADER_BYTES));
        assertEquals(130, ProbeBench.minimumPackets(512, ProbeBench.READ_HEADER_BYTES));
        assertEquals(1171, ProbeBench.minimumPackets(64, ProbeBench.WRITE_HEADER_BYTES));
        assertEquals(1093, ProbeBench.minimumPackets(64, ProbeBench.READ_HEADER_BYTES));
    }
}
