package io.probehost.driver.cmsisdap.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.probehost.api.ProtocolException;
import io.probehost.api.TransferFaultException;
import io.probehost.api.option.SessionOptions;
import io.probehost.api.probe.DapAccess;
import io.probehost.api.probe.DapAccess.DapRead;

/** DAP_ExecuteCommands (0x7F): consecutive transfer packets combined when the probe has atomic commands. */
class AtomicCommandsTest {
    private static final int FAULT = 4;
    private static final int DRW_READ = 0x0F;

    private TestProbes probes;

    private DapAccess open(FakeDap dap, SessionOptions options) {
        probes = new TestProbes(dap);
        return probes.openDapAccess(options);
    }

    private DapAccess open(FakeDap dap) {
        return open(dap, TestOptions.defaults());
    }


    private static List<TransferCommand> tarWriteThenThreeReads() {
        return List.of(new TransferRequest(0, List.of(Transfer.write(true, 0x4, 0x2000_0000))),
                TransferBlockRequest.read(0, DRW_READ, 3));
    }

    @Test
    void encodesGoldenBytesAndParsesEveryReplyWhenTransferAndBlockAreCombined() {
        CannedTransport transport = new CannedTransport(64)
                .reply("7f 02 05 01 01 06 03 00 01 00 10 00 00 01 10 00 00 02 10 00 00");
        List<TransferReply> replies = new DapChannel(transport).execute(new ExecuteCommandsRequest(tarWriteThenThreeReads()));
        assertEquals(List.of("7f 02 05 00 01 05 00 00 00 20 06 00 03 00 0f"), transport.written);
        assertEquals(2, replies.size());
        assertEquals(1, replies.get(0).executed());
        assertTrue(replies.get(0).isOk());
        assertEquals(0, replies.get(0).readData().length);
        assertEquals(3, replies.get(1).executed());
        assertArrayEquals(new int[] {0x1000, 0x1001, 0x1002}, replies.get(1).readData());
    }

    @Test
    void stopsReadingRepliesWhenACommandInsideFailed() {
        CannedTransport transport = new CannedTransport(64).reply("7f 02 05 00 04 06 00 00 04");
        List<TransferReply> replies = new DapChannel(transport).execute(new ExecuteCommandsRequest(tarWriteThenThreeReads()));
        assertEquals(1, replies.size(), "what follows a failed command is not used");
        assertEquals(FAULT, replies.get(0).lastResponse());
    }

    @Test
    void rejectsReplyWhenItsCommandCountDiffers() {
        CannedTransport transport = new CannedTransport(64).reply("7f 01 05 01 01");
        ProtocolException error = assertThrows(ProtocolException.class,
                () -> new DapChannel(transport).execute(new ExecuteCommandsRequest(tarWriteThenThreeReads())));
        assertEquals("CMSIS-DAP protocol error: sent 2 commands in DAP_ExecuteCommands (0x7F) but the reply counts 1",
                error.getMessage());
    }

    @Test
    void sendsTarWriteAndBlockInOnePacketWhenProbeHasAtomicCommands() {
        DapAccess access = open(new FakeDap(64, 4, "2.1.0").withAtomicCommands());
        access.writeAp(0x4, 0x2000_0000);
        int[] words = access.readApBlock(0xC, 3);
        assertArrayEquals(new int[] {0x1000, 0x1001, 0x1002}, words);
        assertEquals(List.of("7f 02 05 00 01 05 00 00 00 20 06 00 03 00 0f"), probes.device().writtenHex());
        assertEquals(List.of("W AP 0x4 = 0x20000000", "BLOCK 3", "R AP 0xC", "R AP 0xC", "R AP 0xC"),
                probes.dap.accesses);
    }

    @Test
    void sendsSeparatePacketsWhenProbeLacksAtomicCommands() {
        DapAccess access = open(new FakeDap(64, 4, "2.1.0"));
        access.writeAp(0x4, 0x2000_0000);
        assertArrayEquals(new int[] {0x1000, 0x1001, 0x1002}, access.readApBlock(0xC, 3));
        assertEquals(List.of("05 00 01 05 00 00 00 20", "06 00 03 00 0f"), probes.device().writtenHex());
    }

    @Test
    void failsTheRestWithTheSameErrorAsSeparatePacketsWhenTheFirstCommandFaults() {
        TransferFaultException separate = faultOfFirstCommand(new FakeDap(64, 4, "2.1.0").failAt(0, FAULT));
        assertEquals("05,06,05", probes.packetIds(), "the TAR write, the burst, then the DPIDR read");
        TransferFaultException combined = faultOfFirstCommand(
                new FakeDap(64, 4, "2.1.0").failAt(0, FAULT).withAtomicCommands());
        assertEquals("7f,05", probes.packetIds(), "TAR write and burst together, then the DPIDR read");
        assertEquals(separate.getMessage(), combined.getMessage());
        assertEquals("CMSIS-DAP transfer fault: the target answered FAULT to AP write 0x4 (transfer 1 of 2)",
                combined.getMessage());
    }

    /** TAR write that faults, a CSW read after it in the same DAP_Transfer, then a DRW burst. */
    private TransferFaultException faultOfFirstCommand(FakeDap dap) {
        DapAccess access = open(dap);
        access.writeAp(0x4, 0x2000_0000);
        DapRead csw = access.queueReadAp(0x0);
        TransferFaultException error = assertThrows(TransferFaultException.class, () -> access.readApBlock(0xC, 3));
        assertSame(error, assertThrows(TransferFaultException.class, csw::get), "the read after the fault fails too");
        int before = probes.dap.nextReadValue;
        assertEquals(before, access.readDp(0x0), "requests and replies are still in step");
        return error;
    }

    @Test
    void sendsSeparatePacketsWhenTheCombinedReplyWouldNotFit() {
        DapAccess access = open(new FakeDap(64, 4, "2.1.0").withAtomicCommands());
        List<DapRead> reads = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            reads.add(access.queueReadAp(0xC));
        }
        // 2 + 17 + 5 request bytes would fit; 2 + 59 + 4 reply bytes do not, even without data
        int[] words = access.readApBlock(0xC, 2);
        assertEquals("05,06", probes.packetIds());
        assertEquals(0x1000 + 13, reads.get(13).get());
        assertArrayEquals(new int[] {0x1000 + 14, 0x1000 + 15}, words);
    }

    @Test
    void sendsSeparatePacketsWhenTheCombinedRequestWouldNotFit() {
        DapAccess access = open(new FakeDap(64, 4, "2.1.0").withAtomicCommands());
        for (int i = 0; i < 11; i++) {
            access.writeAp(0x4, i);
        }
        access.writeApBlock(0xC, new int[] {7, 8}, 0, 2);
        access.flush();
        assertEquals("05,06", probes.packetIds());
        assertEquals(List.of("BLOCK 2", "W AP 0xC = 0x00000007", "W AP 0xC = 0x00000008"),
                probes.dap.accesses.subList(11, 14));
    }

    @Test
    void keepsAccessOrderWhenDeferredBurstsShareCombinedPackets() {
        DapAccess access = open(new FakeDap(64, 4, "2.1.0").withAtomicCommands());
        int[] first = new int[20];
        int[] second = new int[20];
        for (int i = 0; i < 20; i++) {
            first[i] = i;
            second[i] = 100 + i;
        }
        access.writeAp(0x4, 0x2000_0000);
        access.writeApBlock(0xC, first, 0, 20);
        access.writeAp(0x4, 0x2000_0400);
        access.writeApBlock(0xC, second, 0, 20);
        access.flush();
        assertEquals("7f,7f,06,06", probes.packetIds(), "six packets without atomic commands");
        List<String> writes = probes.dap.accesses.stream().filter(a -> !a.startsWith("BLOCK")).toList();
        List<String> expected = new ArrayList<>();
        expected.add("W AP 0x4 = 0x20000000");
        for (int value : first) {
            expected.add(String.format("W AP 0xC = 0x%08X", value));
        }
        expected.add("W AP 0x4 = 0x20000400");
        for (int value : second) {
            expected.add(String.format("W AP 0xC = 0x%08X", value));
        }
        assertEquals(expected, writes);
    }

    @Test
    void writesTheValuesGivenWhenTheCallerReusesItsArrayBeforeTheBatchGoesOut() {
        DapAccess access = open(new FakeDap(64, 4, "2.1.0").withAtomicCommands());
        int[] values = {1, 2};
        access.writeAp(0x4, 0x2000_0000);
        access.writeApBlock(0xC, values, 0, 2);
        assertTrue(probes.device().written.isEmpty(), "the batch waits for more");
        values[0] = 0xDEAD;
        access.flush();
        assertEquals(List.of("W AP 0x4 = 0x20000000", "BLOCK 2", "W AP 0xC = 0x00000001", "W AP 0xC = 0x00000002"),
                probes.dap.accesses);
    }

    @Test
    void keepsOnePacketInFlightWhenLimitPacketsIsOnWithAtomicCommands() {
        DapAccess access = open(new FakeDap(64, 4, "2.1.0").withAtomicCommands(),
                TestOptions.defaults().with(CmsisDapOptions.LIMIT_PACKETS, true));
        for (int i = 0; i < 4; i++) {
            access.writeAp(0x4, 0x2000_0000 + 0x400 * i);
            access.writeApBlock(0xC, new int[30], 0, 30);
        }
        access.flush();
        assertEquals(1, probes.device().maxInFlight);
        assertTrue(probes.packetIds().contains("7f"));
    }
}
