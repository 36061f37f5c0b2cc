package io.probehost.sim.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProbeBenchTest {

    @Test
    void floorIsTheDataWordsOverWordsPerPacketRoundedUpWhenStreamedContinuously() {
        // 16384 words: 126 written / 127 read per 512-byte packet, 14 / 15 per 64-byte packet
        assertEquals(131, CmsisDapLabProbe.minimumPackets(512, CmsisDapLabProbe.WRITE_HEADER_BYTES));
        assertEquals(130, CmsisDapLabProbe.minimumPackets(512, CmsisDapLabProbe.READ_HEADER_BYTES));
        assertEquals(1171, CmsisDapLabProbe.minimumPackets(64, CmsisDapLabProbe.WRITE_HEADER_BYTES));
        assertEquals(1093, CmsisDapLabProbe.minimumPackets(64, CmsisDapLabProbe.READ_HEADER_BYTES));
    }
}
