package io.probehost.driver.cmsisdap.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.probehost.api.ProbeDisconnectedException;
import io.probehost.api.ProtocolException;
import io.probehost.api.TransferException;
import io.probehost.api.TransferFaultException;
import io.probehost.api.TransferTimeoutException;
import io.probehost.api.option.SessionOptions;
import io.probehost.api.probe.DapAccess;
import io.probehost.api.probe.DapAccess.DapRead;

class TransferEngineTest {
    private static final int WAIT = 2;
    private static final int FAULT = 4;
    private static final int NO_ACK = 7;
    private static final int PROTOCOL_ERROR = 0x08;

    private TestProbes probes;

    private DapAccess open(FakeDap dap, SessionOptions options) {
        probes = new TestProbes(dap);
        return probes.openDapAccess(options);
    }

    private DapAccess open(FakeDap dap) {
        return open(dap, TestOptions.defaults());
    }

    /** Count byte of each DAP_Transfer packet, or Count of each DAP_TransferBlock, in order. */
    private List<Integer> packetCounts() {
        List<Integer> counts = new ArrayList<>();
        for (byte[] packet : probes.device().written) {
            if (packet[0] == 0x05) {
                counts.add(packet[2] & 0xFF);
            } else if (packet[0] == 0x06) {
                counts.add((packet[2] & 0xFF) | (packet[3] & 0xFF) << 8);
            }
        }
        return counts;
    }

    private static List<DapRead> queueReads(DapAccess access, int count) {
        List<DapRead> reads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            reads.add(access.queueReadAp(0xC));
        }
        return reads;
    }

    @Test
    void packsAccessesIntoOnePacketWhenTheyFit() {
        DapAccess access = open(new FakeDap(64, 4, "2.1.0"));
        access.writeDp(0x8, 0);
        DapRead dpidr = access.queueReadDp(0x0);
        DapRead drw = access.queueReadAp(0xC);
        assertTrue(probes.device().written.isEmpty(), "nothing is sent before it is needed");
        assertEquals(0x1000, dpidr.get());
        assertEquals(0x1001, drw.get());
        assertEquals(List.of("05 00 03 08 00 00 00 00 02 0f"), probes.device().writtenHex());
    }

    @Test
    void splitsReadsWhenReplyBudgetOfPacketIsReached() {
        DapAccess access = open(new FakeDap(64, 4, "2.1.0"));
        List<DapRead> reads = queueReads(access, 20);
        access.flush();
        assertEquals(List.of(15, 5), packetCounts());
        for (int i = 0; i < reads.size(); i++) {
            assertEquals(0x1000 + i, reads.get(i).get());
        }
    }

    @Test
    void splitsWritesWhenRequestBudgetOfPacketIsReached() {
        DapAccess access = open(new FakeDap(64, 4, "2.1.0"));
        for (int i = 0; i < 13; i++) {
            access.writeAp(0xC, i);
        }
        access.flush();
        assertEquals(List.of(12, 1), packetCounts());
        assertEquals("W AP 0xC = 0x0000000C", probes.dap.accesses.get(12));
    }

    @Test
    void transferBlockCarries15ReadsAnd14WritesWhenPacketSizeIs64() {
        DapAccess access = open(new FakeDap(64, 4, "2.1.0"));
        int[] values = access.readApBlock(0xC, 40);
        assertEquals(List.of(15, 15, 10), packetCounts());
        assertEquals(0x1000, values[0]);
        assertEquals(0x1000 + 39, values[39]);
        probes.device().written.clear();
        access.writeApBlock(0xC, new int[32], 1, 30);
        access.flush();
        assertEquals(List.of(14, 14, 2), packetCounts());
    }

    @Test
    void transferBlockCarries127ReadsAnd126WritesWhenPacketSizeIs512() {
        DapAccess access = open(new FakeDap(512, 4, "2.1.0"));
        int[] values = access.readApBlock(0xC, 300);
        assertEquals(List.of(127, 127, 46), packetCounts());
        assertEquals(0x1000 + 299, values[299]);
        probes.device().written.clear();
        access.writeApBlock(0xC, new int[300], 0, 300);
        access.flush();
        assertEquals(List.of(126, 126, 48), packetCounts());
    }

    @Test
    void keepsAdvertisedPacketCountInFlightWhenManyPacketsAreQueued() {
        DapAccess access = open(new FakeDap(64, 2, "2.1.0"));
        List<DapRead> reads = queueReads(access, 60);
        access.flush();
        assertEquals(2, probes.device().maxInFlight);
        assertEquals(0x1000 + 59, reads.get(59).get());

        DapAccess four = open(new FakeDap(64, 4, "2.1.0"));
        queueReads(four, 60);
        four.flush();
        assertEquals(4, probes.device().maxInFlight);
    }

    @Test
    void keepsOnePacketInFlightWhenLimitPacketsIsOn() {
        DapAccess access = open(new FakeDap(64, 4, "2.1.0"),
                TestOptions.defaults().with(CmsisDapOptions.LIMIT_PACKETS, true));
        queueReads(access, 60);
        access.flush();
        assertEquals(1, probes.device().maxInFlight);
        assertEquals(List.of(15, 15, 15, 15), packetCounts());
    }

    @Test
    void throwsWriteFaultAtFlushWhenTransfersAreDeferred() {
        DapAccess access = open(new FakeDap(64, 4, "2.1.0").failAt(0, FAULT));
        access.writeAp(0x4, 0x2000_0000);
        assertTrue(probes.device().written.isEmpty());
        TransferFaultException fault = assertThrows(TransferFaultException.class, access::flush);
        assertEquals("CMSIS-DAP transfer fault: the target answered FAULT to AP write 0x4", fault.getMessage());
        access.flush();
    }

    @Test
    void writeFaultThrowsFromTheWriteWhenTransfersAreNotDeferred() {
        DapAccess access = open(new FakeDap(64, 4, "2.1.0").failAt(1, FAULT),
                TestOptions.defaults().with(CmsisDapOptions.DEFERRED_TRANSFERS, false));
        access.writeDp(0x8, 0);
        assertEquals(1, packetCounts().size(), "the first write went out on its own");
        TransferFaultException fault = assertThrows(TransferFaultException.class, () -> access.writeAp(0x4, 1));
        assertEquals("CMSIS-DAP transfer fault: the target answered FAULT to AP write 0x4", fault.getMessage());
    }

    @Test
    void throwsTransferTimeoutWhenWaitOutlastsTheRetries() {
        DapAccess access = open(new FakeDap(64, 4, "2.1.0").failAt(1, WAIT));
        access.writeDp(0x8, 0);
        DapRead read = access.queueReadAp(0xC);
        TransferTimeoutException error = assertThrows(TransferTimeoutException.class, read::get);
        assertEquals("CMSIS-DAP transfer timed out: the target still answered WAIT to AP read 0xC (transfer 2 of 2)"
                + " after the probe's retries", error.getMessage());
    }

    @Test
    void throwsProtocolExceptionWhenProtocolErrorBitIsSet() {
        DapAccess access = open(new FakeDap(64, 4, "2.1.0").failAt(0, PROTOCOL_ERROR));
        ProtocolException error = assertThrows(ProtocolException.class, () -> access.readDp(0x0));
        assertEquals("CMSIS-DAP transfer protocol error (SWD parity or invalid ACK) on DP read 0x0", error.getMessage());
    }

    @Test
    void namesTheWiringWhenTargetGivesNoAck() {
        DapAccess access = open(new FakeDap(64, 4, "2.1.0").failAt(0, NO_ACK));
        TransferException error = assertThrows(TransferException.class, () -> access.readDp(0x0));
        assertEquals("CMSIS-DAP transfer failed: no ACK from the target to DP read 0x0 (is it powered and wired?)",
                error.getMessage());
    }

    @Test
    void namesTheWordWhenABlockTransferFaults() {
        DapAccess access = open(new FakeDap(64, 4, "2.1.0").failAt(20, FAULT));
        TransferFaultException error = assertThrows(TransferFaultException.class, () -> access.readApBlock(0xC, 40));
        assertEquals("CMSIS-DAP transfer fault: the target answered FAULT to AP read 0xC (word 6 of 15 in a"
                + " DAP_TransferBlock)", error.getMessage());
        assertEquals(1, probes.dap.accesses.stream().filter(a -> a.startsWith("BLOCK")).count() - 2,
                "the third packet was sent but its reply was dropped");
    }

    @Test
    void failsLaterReadsWithTheSameErrorWhenAnAccessFails() {
        DapAccess access = open(new FakeDap(64, 4, "2.1.0").failAt(2, FAULT));
        DapRead dpidr = access.queueReadDp(0x0);
        DapRead faulting = access.queueReadAp(0xC);
        DapRead later = access.queueReadAp(0xC);
        DapRead last = access.queueReadAp(0xC);
        assertEquals(0x1000, dpidr.get());
        TransferFaultException error = assertThrows(TransferFaultException.class, faulting::get);
        assertEquals("CMSIS-DAP transfer fault: the target answered FAULT to AP read 0xC (transfer 2 of 4)",
                error.getMessage());
        assertSame(error, assertThrows(TransferFaultException.class, later::get));
        assertSame(error, assertThrows(TransferFaultException.class, last::get));
        access.flush();
    }

    @Test
    void blamesThePostedReadWhenItsCollectionFails() {
        // The firmware counts the posted AP read as executed, then FAULTs collecting it: no data word.
        DapAccess access = open(new FakeDap(64, 4, "2.1.0").failAt(1, FAULT));
        DapRead posted = access.queueReadAp(0xC);
        access.writeDp(0x8, 0);
        TransferFaultException error = assertThrows(TransferFaultException.class, posted::get);
        assertEquals("CMSIS-DAP transfer fault: the target answered FAULT to AP read 0xC (transfer 1 of 2)",
                error.getMessage());
        assertEquals(List.of("R AP 0xC"), probes.dap.accesses, "the write after it never happened");
    }

    @Test
    void dropsLaterPacketsAndStaysInStepWhenAPacketFails() {
        DapAccess access = open(new FakeDap(64, 4, "2.1.0").failAt(3, FAULT));
        List<DapRead> reads = queueReads(access, 40);
        assertThrows(TransferFaultException.class, access::flush);
        assertEquals(0x1001, reads.get(1).get());
        for (DapRead later : reads.subList(2, 40)) {
            assertThrows(TransferFaultException.class, later::get);
        }
        assertEquals(3, packetCounts().size());
        int next = access.readDp(0x0);
        assertEquals(probes.dap.nextReadValue - 1, next, "requests and replies are still in step");
    }

    @Test
    void failsEveryPendingReadWhenProbeVanishesMidBatch() {
        DapAccess access = open(new FakeDap(64, 4, "2.1.0"));
        List<DapRead> reads = queueReads(access, 40);
        probes.device().disconnectAfterReads = probes.device().reads + 1;
        assertEquals(0x1000, reads.get(0).get());
        ProbeDisconnectedException gone = assertThrows(ProbeDisconnectedException.class, () -> reads.get(20).get());
        assertEquals("CMSIS-DAP probe 0240000032044e4500 disconnected: USB device 1-1 was unplugged", gone.getMessage());
        for (DapRead pending : reads.subList(15, 40)) {
            assertSame(gone, assertThrows(ProbeDisconnectedException.class, pending::get));
        }
        assertEquals(0x1000 + 14, reads.get(14).get(), "reads answered before the probe went keep their values");
        ProbeDisconnectedException later = assertThrows(ProbeDisconnectedException.class, () -> access.writeDp(0x8, 0));
        assertEquals("CMSIS-DAP probe 0240000032044e4500 is disconnected; close it and open it again",
                later.getMessage());
    }

    @Test
    void resynchronisesWhenReplyEchoesTheWrongCommand() {
        FakeDap dap = new FakeDap(64, 4, "2.1.0");
        DapAccess access = open(dap);
        dap.overrides.put(0x05, request -> Bytes.hex("06 00 00 01"));
        DapRead read = access.queueReadDp(0x0);
        ProtocolException error = assertThrows(ProtocolException.class, read::get);
        assertEquals("CMSIS-DAP protocol error: sent DAP_Transfer (0x05) but the reply echoes 0x06", error.getMessage());
        assertTrue(probes.device().writtenHex().contains("07"), "DAP_TransferAbort was sent");
        dap.overrides.clear();
        assertEquals(0x1000, access.readDp(0x0));
    }

    @Test
    void sendsAbortBeforeQueuedTransfersWhenWriteAbortIsCalled() {
        DapAccess access = open(new FakeDap(64, 4, "2.1.0"));
        access.writeDp(0x8, 0xF0);
        access.writeAbort(0x1E);
        access.flush();
        assertEquals(List.of("08 00 1e 00 00 00", "05 00 01 08 f0 00 00 00"), probes.device().writtenHex());
    }

    @Test
    void blockReadReturnsWordsInOrderWhenAccessesAreMixed() {
        DapAccess access = open(new FakeDap(64, 4, "2.1.0"));
        access.writeAp(0x4, 0x2000_0000);
        int[] words = access.readApBlock(0xC, 3);
        assertArrayEquals(new int[] {0x1000, 0x1001, 0x1002}, words);
        assertEquals("W AP 0x4 = 0x20000000", probes.dap.accesses.get(0));
        assertEquals(List.of(1, 3), packetCounts());
        assertEquals("05,06", probes.device().written.stream().map(p -> String.format("%02x", p[0]))
                .collect(Collectors.joining(",")));
    }
}
