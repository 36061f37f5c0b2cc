package io.probehost.rtt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import io.probehost.api.target.MemoryRegion;

/** A busy log through a small ring of an odd size: what the firmware writes in block mode is what the host reads, byte for byte. */
class RttBlockingStreamTest {
    private static final int TOTAL = 64 * 1024;
    private static final int RING = 101;

    /** The firmware's log: bytes that follow from their position, so a lost or repeated one shows. */
    private static byte[] pattern() {
        byte[] data = new byte[TOTAL];
        for (int i = 0; i < TOTAL; i++) {
            data[i] = (byte) (i * 7 + (i >> 8));
        }
        return data;
    }

    @Test
    void blockModeLosesNoByteAcrossManyWrapsWhateverTheReadTimes() {
        FakeTarget target = new FakeTarget(FakeTarget.RAM + 0x400, RING, 16, 2, 0);
        RttClient client = RttLocator.attach(target.memory, OptionalLong.of(target.block), List.of()).orElseThrow();
        byte[] log = pattern();
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        int written = 0;
        int turn = 0;
        int stalls = 0;
        int wraps = 0;
        int lastRead = 0;
        while (received.size() < TOTAL) {
            int chunk = Math.min(1 + (turn * 37) % 97, TOTAL - written);
            int done = target.logBlocking(log, written, chunk);
            stalls += done < chunk ? 1 : 0;
            written += done;
            if (turn % 3 != 0 || written == TOTAL) {
                received.writeBytes(client.read(0));
                int read = target.memory.read32(target.block + 24 + 16);
                wraps += read < lastRead ? 1 : 0;
                lastRead = read;
            }
            turn++;
        }
        assertArrayEquals(log, received.toByteArray());
        assertTrue(stalls > 100, "the ring filled and the writer waited " + stalls + " times");
        assertTrue(wraps > 600, "the reader wrapped " + wraps + " times");
    }

    @Test
    void trackerTrustsAReadThatSawTheIdAndLooksAgainOtherwise() {
        FakeTarget target = new FakeTarget(FakeTarget.RAM + 0x400, 32, 16, 2, 0);
        CountingMemory memory = new CountingMemory(target.memory);
        RttTracker tracker = new RttTracker(memory, OptionalLong.of(target.block), List.<MemoryRegion>of());
        RttClient client = tracker.current().orElseThrow();
        target.log("hello");
        int before = memory.reads;
        assertEquals("hello", new String(client.read(0)));
        assertEquals(2, memory.reads - before, "one read for ID and offsets, one for the data");
        before = memory.reads;
        assertEquals(client, tracker.current().orElseThrow());
        assertEquals(0, memory.reads - before, "the read just saw the ID");
        assertEquals(client, tracker.current().orElseThrow());
        assertEquals(1, memory.reads - before, "no access since: the ID is read again");
    }

    @Test
    void readFailsNamingTheBlockWhenItsIdIsGone() {
        FakeTarget target = new FakeTarget(FakeTarget.RAM + 0x400, 32, 16, 2, 0);
        RttClient client = RttLocator.attach(target.memory, OptionalLong.of(target.block), List.of()).orElseThrow();
        target.memory.write(target.block, new byte[16]);
        RttException e = assertThrows(RttException.class, () -> client.read(0));
        assertEquals("the RTT control block at 0x20000400 is gone (a reset or new firmware)", e.getMessage());
    }
}
