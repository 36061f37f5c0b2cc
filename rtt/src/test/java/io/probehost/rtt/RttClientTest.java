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
    void aWrappedRingNearlyFullIsReadInOneTransferAndAFewWrappedBytesInTwo() {
        FakeTarget target = new FakeTarget(FakeTarget.RAM + 0x400, 256, 16, 2, 0);
        CountingMemory counting = new CountingMemory(target.memory);
        RttClient client = new RttClient(counting, attach(target).controlBlock());
        String first = "x".repeat(200);
        assertEquals(200, target.log(first));
        assertEquals(first, text(client.read(0)));
        String nearlyFull = "0123456789abcdef".repeat(15) + "ghijklmnopqrst";
        assertEquals(254, target.log(nearlyFull));
        counting.reads = 0;
        assertEquals(nearlyFull, text(client.read(0)));
        assertEquals(2, counting.reads, "the offsets, then the whole ring at once");
        assertEquals(454 % 256, target.memory.read32(target.block + 24 + 16));
        String acrossTheWrap = "0123456789".repeat(10);
        assertEquals(100, target.log(acrossTheWrap));
        counting.reads = 0;
        assertEquals(acrossTheWrap, text(client.read(0)));
        assertEquals(3, counting.reads, "the offsets, then each side of the wrap");
    }

    @Test
    void aBusyStreakReadsWrOffAloneAndTheIdAgainEveryFewPollsAndAfterAnEmptyOne() {
        FakeTarget target = new FakeTarget(FakeTarget.RAM + 0x400, 256, 16, 2, 0);
        CountingMemory counting = new CountingMemory(target.memory);
        RttClient client = new RttClient(counting, attach(target).controlBlock());
        long id = target.block;
        long writeOffset = target.block + 24 + 12;
        List<Long> firstReadOfEachPoll = new java.util.ArrayList<>();
        StringBuilder received = new StringBuilder();
        for (int poll = 0; poll < RttClient.ID_CHECK_EVERY + 3; poll++) {
            target.log("line " + poll + "\n");
            counting.readAddresses.clear();
            received.append(text(client.poll(0)));
            assertEquals(2, counting.readAddresses.size(), "the offsets, then the data");
            firstReadOfEachPoll.add(counting.readAddresses.get(0));
        }
        List<Long> expected = new java.util.ArrayList<>();
        expected.add(id);
        for (int poll = 1; poll <= RttClient.ID_CHECK_EVERY; poll++) {
            expected.add(writeOffset);
        }
        expected.add(id);
        expected.add(writeOffset);
        assertEquals(expected, firstReadOfEachPoll,
                "ID and offsets, then WrOff alone for " + RttClient.ID_CHECK_EVERY + " polls, then the ID again");
        counting.readAddresses.clear();
        assertEquals(0, client.poll(0).length);
        assertEquals(List.of(writeOffset), counting.readAddresses);
        target.log("after\n");
        counting.readAddresses.clear();
        assertEquals("after\n", text(client.poll(0)));
        assertEquals(id, counting.readAddresses.get(0), "after an empty poll the ID and both offsets are read again");
        StringBuilder lines = new StringBuilder();
        for (int poll = 0; poll < RttClient.ID_CHECK_EVERY + 3; poll++) {
            lines.append("line ").append(poll).append('\n');
        }
        assertEquals(lines.toString(), received.toString());
    }

    @Test
    void aPollHandsTheRoomBackOnlyOnceTheRingIsHalfFullOrEmptyAndHandBackSettlesTheRest() {
        FakeTarget target = new FakeTarget(FakeTarget.RAM + 0x400, 64, 16, 2, 0);
        RttClient client = attach(target);
        long readOffset = target.block + 24 + 16;
        target.log("light");
        assertEquals("light", text(client.poll(0)));
        assertEquals(0, target.memory.read32(readOffset), "a light log keeps its room until later");
        target.log("x".repeat(30));
        assertEquals("x".repeat(30), text(client.poll(0)));
        assertEquals(35, target.memory.read32(readOffset), "the firmware saw 35 of 64 bytes used");
        target.log("tail");
        assertEquals("tail", text(client.poll(0)));
        target.log("more");
        assertEquals("more", text(client.poll(0)));
        assertEquals(35, target.memory.read32(readOffset));
        client.handBack();
        assertEquals(43, target.memory.read32(readOffset));
        assertEquals(0, attach(target).read(0).length, "a new client finds nothing read twice");
        target.log("again");
        assertEquals("again", text(client.poll(0)));
        assertEquals(0, client.poll(0).length);
        assertEquals(0, client.poll(0).length);
        assertEquals(48, target.memory.read32(readOffset), "an empty full poll hands the room back");
    }

    @Test
    void aFirmwareThatSetsItsBlockUpAgainIsReadFromItsNewOffsets() {
        FakeTarget target = new FakeTarget(FakeTarget.RAM + 0x400, 64, 16, 2, 0);
        RttClient client = attach(target);
        long writeOffset = target.block + 24 + 12;
        long readOffset = target.block + 24 + 16;
        target.log("before reset");
        assertEquals("before reset", text(client.poll(0)));
        assertEquals(0, client.poll(0).length);
        target.log("owed");
        assertEquals("owed", text(client.poll(0)));
        target.memory.write32(writeOffset, 0);
        target.memory.write32(readOffset, 0);
        target.log("booted");
        client.handBack();
        assertEquals(0, target.memory.read32(readOffset), "handBack leaves a block set up again alone");
        assertEquals("booted", text(client.poll(0)));
    }

    @Test
    void aQuickPollThatFindsWrOffBehindReadsInFullAndSeesABlockClearedByAReset() {
        FakeTarget target = new FakeTarget(FakeTarget.RAM + 0x400, 64, 16, 2, 0);
        RttClient client = attach(target);
        target.log("streaming");
        assertEquals("streaming", text(client.poll(0)));
        target.memory.write(target.block, new byte[64]);
        RttException gone = assertThrows(RttException.class, () -> client.poll(0));
        assertTrue(gone.getMessage().contains("is gone"), gone.getMessage());
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
