package io.probehost.driver.cmsisdap.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.probehost.api.ProbeException;
import io.probehost.api.TransferFaultException;
import io.probehost.api.option.SessionOptions;
import io.probehost.api.probe.DapAccess;
import io.probehost.api.probe.DapAccess.DapBlockRead;
import io.probehost.api.probe.DapAccess.DapRead;

/** DapAccess.queueReadApBlock: MEM-AP bursts collected later, sharing packets with what follows them. */
class QueuedBlockReadTest {
    private static final int FAULT = 4;
    private static final int TAR = 0x4;
    private static final int DRW = 0xC;

    private TestProbes probes;

    private DapAccess open(FakeDap dap, SessionOptions options) {
        probes = new TestProbes(dap);
        return probes.openDapAccess(options);
    }

    private DapAccess open(FakeDap dap) {
        return open(dap, TestOptions.defaults());
    }


    private static int[] counting(int from, int count) {
        return IntStream.range(from, from + count).toArray();
    }

    /** Two 1 KiB MEM-AP blocks read the way MemAp reads them: every TAR write and burst queued first. */
    private static DapBlockRead[] queueTwoBlocks(DapAccess access, int words) {
        access.writeAp(TAR, 0x2000_0000);
        DapBlockRead first = access.queueReadApBlock(DRW, words);
        access.writeAp(TAR, 0x2000_0400);
        DapBlockRead second = access.queueReadApBlock(DRW, words);
        return new DapBlockRead[] {first, second};
    }

    @Test
    void sendsBothBlocksInOnePacketWhenProbeHasAtomicCommands() {
        DapAccess access = open(new FakeDap(64, 4, "2.1.0").withAtomicCommands());
        DapBlockRead[] reads = queueTwoBlocks(access, 3);
        assertTrue(probes.device().written.isEmpty(), "the batch waits for the first get()");
        assertArrayEquals(counting(0x1000, 3), reads[0].get());
        assertEquals(List.of("7f 04 05 00 01 05 00 00 00 20 06 00 03 00 0f 05 00 01 05 00 04 00 20 06 00 03 00 0f"),
                probes.device().writtenHex());
        assertArrayEquals(counting(0x1003, 3), reads[1].get());
        assertEquals(List.of("W AP 0x4 = 0x20000000", "BLOCK 3", "R AP 0xC", "R AP 0xC", "R AP 0xC",
                "W AP 0x4 = 0x20000400", "BLOCK 3", "R AP 0xC", "R AP 0xC", "R AP 0xC"), probes.dap.accesses);
    }

    @Test
    void sendsTheSameBytesAsBlockingReadsWhenProbeLacksAtomicCommands() {
        DapAccess queued = open(new FakeDap(64, 4, "2.1.0"));
        DapBlockRead[] reads = queueTwoBlocks(queued, 20);
        assertArrayEquals(counting(0x1000 + 20, 20), reads[1].get());
        assertArrayEquals(counting(0x1000, 20), reads[0].get());
        List<String> queuedBytes = probes.device().writtenHex();

        DapAccess blocking = open(new FakeDap(64, 4, "2.1.0"));
        blocking.writeAp(TAR, 0x2000_0000);
        blocking.readApBlock(DRW, 20);
        blocking.writeAp(TAR, 0x2000_0400);
        blocking.readApBlock(DRW, 20);
        assertEquals(probes.device().writtenHex(), queuedBytes);
        assertEquals(List.of("05 00 01 05 00 00 00 20", "06 00 0f 00 0f", "06 00 05 00 0f",
                "05 00 01 05 00 04 00 20", "06 00 0f 00 0f", "06 00 05 00 0f"), queuedBytes);
    }

    @Test
    void fillsEveryPacketWhenBurstsSpanSeveralPackets() {
        DapAccess access = open(new FakeDap(64, 4, "2.1.0").withAtomicCommands());
        DapBlockRead[] reads = queueTwoBlocks(access, 20);
        assertArrayEquals(counting(0x1000, 20), reads[0].get());
        assertArrayEquals(counting(0x1000 + 20, 20), reads[1].get());
        // TAR + 13 words | 7 words, TAR, 5 words | 15 words: 40 words in 3 packets of 15 at most
        assertEquals("7f,7f,06", probes.packetIds(), "four with blocking reads, six without atomic commands");
        assertEquals(List.of("BLOCK 13", "BLOCK 7", "BLOCK 5", "BLOCK 15"),
                probes.dap.accesses.stream().filter(a -> a.startsWith("BLOCK")).toList());
        assertEquals("W AP 0x4 = 0x20000400", probes.dap.accesses.get(1 + 1 + 13 + 1 + 7));
    }

    @Test
    void failsOnlyTheFaultingBurstWithTheBlockingMessageWhenAWordFaults() {
        String blocking = assertThrows(TransferFaultException.class, () -> {
            DapAccess access = open(new FakeDap(64, 4, "2.1.0").failAt(6, FAULT));
            access.writeAp(TAR, 0x2000_0000);
            access.readApBlock(DRW, 3);
            access.writeAp(TAR, 0x2000_0400);
            access.readApBlock(DRW, 3);
        }).getMessage();

        DapAccess access = open(new FakeDap(64, 4, "2.1.0").failAt(6, FAULT).withAtomicCommands());
        DapBlockRead[] reads = queueTwoBlocks(access, 3);
        TransferFaultException fault = assertThrows(TransferFaultException.class, reads[1]::get);
        assertEquals("CMSIS-DAP transfer fault: the target answered FAULT to AP read 0xC "
                + "(word 2 of 3 in a DAP_TransferBlock)",
                fault.getMessage());
        assertEquals(blocking, fault.getMessage());
        assertArrayEquals(counting(0x1000, 3), reads[0].get(), "the burst before the fault has its words");
        assertSame(fault, assertThrows(TransferFaultException.class, reads[1]::get));
        access.flush();
        int before = probes.dap.nextReadValue;
        assertEquals(before, access.readDp(0x0), "requests and replies are still in step");
    }

    @Test
    void failsTheQueuedBurstAndTheReadAfterItWhenTheTarWriteBeforeItFaults() {
        DapAccess access = open(new FakeDap(64, 4, "2.1.0").failAt(0, FAULT).withAtomicCommands());
        access.writeAp(TAR, 0x2000_0000);
        DapBlockRead burst = access.queueReadApBlock(DRW, 3);
        DapRead csw = access.queueReadAp(0x0);
        TransferFaultException fault = assertThrows(TransferFaultException.class, burst::get);
        assertEquals("CMSIS-DAP transfer fault: the target answered FAULT to AP write 0x4", fault.getMessage());
        assertSame(fault, assertThrows(TransferFaultException.class, csw::get));
        assertEquals("7f", probes.packetIds());
    }

    @Test
    void throwsFromTheQueuingCallWhenItFindsAnEarlierFault() {
        DapAccess access = open(new FakeDap(64, 1, "2.1.0").failAt(0, FAULT));
        access.writeAp(TAR, 0x2000_0000);
        TransferFaultException fault = assertThrows(TransferFaultException.class,
                () -> access.queueReadApBlock(DRW, 3),
                "one packet in flight: sending the burst waits for the TAR write's reply");
        assertEquals("CMSIS-DAP transfer fault: the target answered FAULT to AP write 0x4", fault.getMessage());
        access.flush();
        int before = probes.dap.nextReadValue;
        assertEquals(before, access.readDp(0x0), "requests and replies are still in step");
        assertEquals("05,05", probes.packetIds(), "the burst queued after the fault never goes out");
    }

    @Test
    void dropsTheBatchUnsentWhenMakingRoomForItFindsAnEarlierFault() {
        DapAccess access = open(new FakeDap(64, 1, "2.1.0").failAt(0, FAULT).withAtomicCommands());
        access.writeAp(TAR, 0x2000_0000);
        DapBlockRead first = access.queueReadApBlock(DRW, 20);
        access.writeAp(TAR, 0x2000_0400);
        TransferFaultException fault = assertThrows(TransferFaultException.class,
                () -> access.queueReadApBlock(DRW, 20));
        assertEquals("CMSIS-DAP transfer fault: the target answered FAULT to AP write 0x4", fault.getMessage());
        assertSame(fault, assertThrows(TransferFaultException.class, first::get));
        access.flush();
        assertEquals(probes.dap.nextReadValue, access.readDp(0x0), "requests and replies are still in step");
        assertEquals("7f,05", probes.packetIds(), "only the batch sent before the fault was found, then the DPIDR read");
    }

    @Test
    void completesBeforeReturningWhenDeferredTransfersAreOff() {
        DapAccess access = open(new FakeDap(64, 4, "2.1.0").withAtomicCommands(),
                TestOptions.defaults().with(CmsisDapOptions.DEFERRED_TRANSFERS, false));
        access.writeAp(TAR, 0x2000_0000);
        DapBlockRead burst = access.queueReadApBlock(DRW, 3);
        int packets = probes.device().written.size();
        assertEquals(List.of("05 00 01 05 00 00 00 20", "06 00 03 00 0f"), probes.device().writtenHex(),
                "each access goes out as it is asked for");
        assertArrayEquals(counting(0x1000, 3), burst.get());
        assertEquals(packets, probes.device().written.size(), "get() sends nothing more");
    }

    @Test
    void keepsOnePacketInFlightWhenLimitPacketsIsOn() {
        DapAccess access = open(new FakeDap(64, 4, "2.1.0").withAtomicCommands(),
                TestOptions.defaults().with(CmsisDapOptions.LIMIT_PACKETS, true));
        DapBlockRead[] reads = new DapBlockRead[4];
        for (int i = 0; i < reads.length; i++) {
            access.writeAp(TAR, 0x2000_0000 + 0x400 * i);
            reads[i] = access.queueReadApBlock(DRW, 30);
        }
        for (int i = 0; i < reads.length; i++) {
            assertArrayEquals(counting(0x1000 + 30 * i, 30), reads[i].get());
        }
        assertEquals(1, probes.device().maxInFlight);
        assertTrue(probes.packetIds().contains("7f"));
    }

    @Test
    void returnsNoWordsAndSendsNothingWhenCountIsZero() {
        DapAccess access = open(new FakeDap(64, 4, "2.1.0").withAtomicCommands());
        assertEquals(0, access.queueReadApBlock(DRW, 0).get().length);
        assertTrue(probes.device().written.isEmpty());
        assertThrows(IllegalArgumentException.class, () -> access.queueReadApBlock(DRW, -1));
    }

    @Test
    void failsTheQueuedBurstWhenTheProbeIsClosedBeforeItIsCollected() {
        CmsisDapProbe probe = new TestProbes(new FakeDap(64, 4, "2.1.0").withAtomicCommands()).open();
        DapAccess access = probe.capability(DapAccess.class).orElseThrow();
        access.writeAp(TAR, 0x2000_0000);
        DapBlockRead burst = access.queueReadApBlock(DRW, 3);
        probe.close();
        ProbeException closed = assertThrows(ProbeException.class, burst::get);
        assertTrue(closed.getMessage().endsWith("is closed"), closed.getMessage());
    }
}
