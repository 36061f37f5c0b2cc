package io.probehost.rtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import io.probehost.api.target.MemoryRegion;

class RttClientTest {
    private static final List<MemoryRegion> RAM = List.of(
            new MemoryRegion(MemoryRegion.Kind.FLASH, "flash", 0, 0x4000, 0x400, 0x400, true, "x"),
            new MemoryRegion(MemoryRegion.Kind.RAM, "ram", FakeTarget.RAM, 0x4000, 0, 0, false, ""));

    private static String text(byte[] data) {
        return new String(data, StandardCharsets.US_ASCII);
    }

    private static RttClient attach(FakeTarget target) {
        return RttLocator.attach(target.memory, OptionalLong.empty(), RAM).orElseThrow();
    }

    @Test
    void scanFindsTheBlockAndListsItsChannels() {
        FakeTarget target = new FakeTarget(FakeTarget.RAM + 0x1234, 32, 16, 2, 1);
        RttControlBlock block = attach(target).controlBlock();
        assertEquals(FakeTarget.RAM + 0x1234, block.address());
        RttChannel up = block.channel(RttDirection.UP, 0);
        assertEquals("Terminal", up.name());
        assertEquals(32, up.size());
        assertEquals(RttMode.BLOCK_IF_FIFO_FULL, up.mode());
        assertEquals(RttMode.NO_BLOCK_TRIM, block.channel(RttDirection.DOWN, 0).mode());
        assertThrows(RttException.class, () -> block.channel(RttDirection.UP, 1));
    }

    @Test
    void symbolIsTrustedOnlyWhenTheIdIsThere() {
        FakeTarget target = new FakeTarget(FakeTarget.RAM + 0x800, 32, 16, 0, 0);
        assertEquals(OptionalLong.of(FakeTarget.RAM + 0x800),
                RttLocator.find(target.memory, OptionalLong.of(FakeTarget.RAM + 0x800), RAM));
        assertTrue(RttLocator.find(target.memory, OptionalLong.of(FakeTarget.RAM + 0x900), RAM).isEmpty());
    }

    @Test
    void blockThatIsNotSetUpYetIsNotFoundThenFoundLater() {
        FakeTarget target = new FakeTarget(FakeTarget.RAM + 0x400, 32, 16, 0, 0);
        target.memory.write(target.block, new byte[16]);
        assertTrue(RttLocator.find(target.memory, OptionalLong.empty(), RAM).isEmpty());
        target.memory.write(target.block, RttControlBlock.ID);
        assertEquals(OptionalLong.of(target.block), RttLocator.find(target.memory, OptionalLong.empty(), RAM));
    }

    @Test
    void clientNoticesWhenTheBlockGoesAway() {
        FakeTarget target = new FakeTarget(FakeTarget.RAM + 0x400, 32, 16, 0, 0);
        RttClient client = attach(target);
        assertTrue(client.stillThere());
        target.memory.write(target.block, new byte[16]);
        assertFalse(client.stillThere());
    }

    @Test
    void readsAcrossTheWrapAndHandsTheRoomBack() {
        FakeTarget target = new FakeTarget(FakeTarget.RAM + 0x400, 16, 16, 0, 0);
        RttClient client = attach(target);
        assertEquals(10, target.log("0123456789"));
        assertEquals("0123456789", text(client.read(0)));
        assertEquals(12, target.log("abcdefghijkl"));
        assertEquals("abcdefghijkl", text(client.read(0)));
        assertEquals(6, target.memory.read32(target.block + 24 + 16));
        assertEquals(0, client.read(0).length);
    }

    @Test
    void skipModeTargetDropsWholeWritesUntilTheHostReads() {
        FakeTarget target = new FakeTarget(FakeTarget.RAM + 0x400, 16, 16, 0, 0);
        RttClient client = attach(target);
        assertEquals(10, target.log("0123456789"));
        assertEquals(0, target.log("abcdef"));
        assertEquals(5, target.log("vwxyz"));
        assertEquals("0123456789vwxyz", text(client.read(0)));
        assertEquals(6, target.log("abcdef"));
    }

    @Test
    void writesIntoTheDownChannelAsItsModeSays() {
        FakeTarget skip = new FakeTarget(FakeTarget.RAM + 0x400, 16, 8, 0, 0);
        RttClient client = attach(skip);
        assertEquals(0, client.write(0, "too long!".getBytes(), Duration.ZERO));
        assertEquals(5, client.write(0, "hello".getBytes(), Duration.ZERO));
        assertEquals("hello", skip.take());
        assertEquals(6, client.write(0, "wrap!!".getBytes(), Duration.ZERO));
        assertEquals("wrap!!", skip.take());

        FakeTarget trim = new FakeTarget(FakeTarget.RAM + 0x400, 16, 8, 0, 1);
        assertEquals(7, attach(trim).write(0, "too long!".getBytes(), Duration.ZERO));
        assertEquals("too lon", trim.take());
    }

    @Test
    void blockingDownChannelWaitsForRoomUntilTheLimit() {
        FakeTarget block = new FakeTarget(FakeTarget.RAM + 0x400, 16, 8, 0, 2);
        RttClient client = attach(block);
        assertEquals(7, client.write(0, "too long!".getBytes(), Duration.ofMillis(1)));
        assertEquals("too lon", block.take());
    }

    @Test
    void offsetsOutsideTheRingAreReported() {
        FakeTarget target = new FakeTarget(FakeTarget.RAM + 0x400, 16, 16, 0, 0);
        RttClient client = attach(target);
        target.memory.write32(target.block + 24 + 12, 16);
        RttException e = assertThrows(RttException.class, () -> client.read(0));
        assertTrue(e.getMessage().contains("out of its 16-byte ring"), e.getMessage());
    }

    @Test
    void trackerWaitsForTheBlockAndFollowsItWhenItMoves() {
        FakeTarget target = new FakeTarget(FakeTarget.RAM + 0x400, 32, 16, 0, 0);
        target.memory.write(target.block, new byte[16]);
        RttTracker tracker = new RttTracker(target.memory, OptionalLong.empty(), RAM);
        assertTrue(tracker.current().isEmpty());
        assertFalse(tracker.seen());
        target.memory.write(target.block, RttControlBlock.ID);
        assertEquals(target.block, tracker.current().orElseThrow().controlBlock().address());

        target.memory.write(target.block, new byte[16]);
        FakeTarget moved = new FakeTarget(FakeTarget.RAM + 0x1000, 64, 16, 1, 0);
        target.memory.write(moved.block, moved.memory.read(moved.block, 0x300));
        RttControlBlock again = tracker.current().orElseThrow().controlBlock();
        assertEquals(FakeTarget.RAM + 0x1000, again.address());
        assertEquals(64, again.channel(RttDirection.UP, 0).size());
        assertTrue(tracker.seen());
    }
}
