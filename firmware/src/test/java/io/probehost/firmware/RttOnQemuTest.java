package io.probehost.firmware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class RttOnQemuTest {
    static final String GREETING = "probehost rtt: hello from the nRF51\n";
    static final String WRAPPING = "line 1: the ring wraps around here\n";
    static final String TOO_LONG = "this line is longer than the free space\n";
    static final String TAIL = "ok\n";
    static final int RING_SIZE = 64;

    @Test
    void resultBlockDescribesWrappedRingWhenRttRunsOnQemu() {
        ResultBlock block = QemuRuns.resultOf(Program.RTT);
        assertEquals(ResultBlock.STATUS_DONE, block.status(), "status" + block);
        assertEquals(Program.RTT.id(), block.program());
        assertEquals(9, block.count());
        assertEquals(RING_SIZE, block.value(2), "size");
        assertEquals((GREETING.length() + WRAPPING.length() + TAIL.length()) % RING_SIZE, block.value(3), "WrOff");
        assertEquals(GREETING.length(), block.value(4), "RdOff");
        assertEquals(GREETING.length() + WRAPPING.length() + TAIL.length(), block.value(5), "bytes accepted");
        assertEquals(TOO_LONG.length(), block.value(6), "bytes dropped");
        CRC32 crc = new CRC32();
        crc.update((WRAPPING + TAIL).getBytes(StandardCharsets.US_ASCII));
        assertEquals((int) crc.getValue(), block.value(7), "CRC32 of the unread bytes");
        assertEquals(0, block.value(8), "flags: NO_BLOCK_SKIP");
    }

    @Test
    void hostFindsUnreadTextAcrossWrapWhenReadingControlBlockFromQemu() throws IOException {
        try (QemuMicrobit qemu = QemuMicrobit.start(Program.RTT.elf())) {
            ResultBlock block = qemu.awaitResultBlock(QemuRuns.TIMEOUT);
            RttControlBlock rtt = RttControlBlock.parse(qemu.readWords(block.value(0), RttControlBlock.WORDS));
            assertEquals("SEGGER RTT", rtt.id());
            assertEquals(1, rtt.maxUp());
            assertEquals(1, rtt.maxDown());
            assertEquals("Terminal", new String(RttControlBlock.bytes(qemu.readWords(rtt.upName(), 3)),
                    0, 8, StandardCharsets.US_ASCII));
            assertEquals(block.value(1), rtt.upBuffer());
            assertEquals(RING_SIZE, rtt.upSize());
            assertTrue(rtt.upWrOff() < rtt.upRdOff(), "the unread text wraps");
            byte[] ring = RttControlBlock.bytes(qemu.readWords(rtt.upBuffer(), RING_SIZE / 4));
            assertEquals(WRAPPING + TAIL, new String(rtt.unread(ring), StandardCharsets.US_ASCII));
        }
    }
}
