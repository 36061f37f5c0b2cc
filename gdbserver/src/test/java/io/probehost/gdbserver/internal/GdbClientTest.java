package io.probehost.gdbserver.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.probehost.api.debug.DebugTarget;
import io.probehost.api.debug.HaltReason;
import io.probehost.api.host.DebugSession;
import io.probehost.api.option.SessionOptions;
import io.probehost.api.probe.DebugProbe;
import io.probehost.api.probe.ProbeDescription;
import io.probehost.api.target.TargetDescription;

class GdbClientTest {
    private final FakeTarget target = new FakeTarget();
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    /** The payloads of the packets the server sent for {@code input} (raw bytes, packets framed by the test). */
    private List<String> replies(byte[]... input) throws Exception {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (byte[] part : input) {
            stream.writeBytes(part);
        }
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        PacketChannel channel = new PacketChannel(new ByteArrayInputStream(stream.toByteArray()), sent, millis -> { });
        GdbClient client = new GdbClient(channel, session(target), null, new PrintStream(log, true, StandardCharsets.UTF_8));
        assertThrows(EOFException.class, client::serve);
        List<String> payloads = new ArrayList<>();
        String text = sent.toString(StandardCharsets.ISO_8859_1);
        for (int at = text.indexOf('$'); at >= 0; at = text.indexOf('$', at + 1)) {
            payloads.add(text.substring(at + 1, text.indexOf('#', at)));
        }
        return payloads;
    }

    private static byte[] packet(String payload) {
        return Rsp.frame(payload);
    }

    @Test
    void qSupportedOffersThePacketSizeAndNoAckMode() throws Exception {
        String reply = replies(packet("qSupported:multiprocess+;swbreak+")).get(0);
        assertTrue(reply.startsWith("PacketSize=4000;qXfer:features:read+"), reply);
        assertTrue(reply.contains("QStartNoAckMode+"), reply);
    }

    @Test
    void binaryWritesUnescapeTheirDataIntoMemory() throws Exception {
        byte[] data = {0x23, 0x24, 0x7d, 0x2a, 0x00, (byte) 0xff};
        byte[] escaped = Rsp.escape(data, 0, data.length);
        byte[] payload = new byte["X20000010,6:".length() + escaped.length];
        System.arraycopy("X20000010,6:".getBytes(StandardCharsets.ISO_8859_1), 0, payload, 0, 12);
        System.arraycopy(escaped, 0, payload, 12, escaped.length);
        List<String> replies = replies(Rsp.frame(payload), packet("m20000010,6"), packet("X20000000,0:"));
        assertEquals(List.of("OK", "23247d2a00ff", "OK"), replies);
        byte[] stored = new byte[6];
        System.arraycopy(target.ram, 0x10, stored, 0, 6);
        assertArrayEquals(data, stored);
    }

    @Test
    void registersFollowTheDescriptionsNumbering() throws Exception {
        target.values.put("PC", 0x80L);
        target.values.put("PRIMASK", 1L);
        List<String> replies = replies(packet("pf"), packet("P0=78563412"), packet("p13"), packet("p99"));
        assertEquals(List.of("80000000", "OK", "01", "E45"), replies);
        assertEquals(0x12345678L, target.values.get("R0"));
    }

    @Test
    void gCarriesTheGeneralRegistersAndPReachesTheSystemOnes() throws Exception {
        target.values.put("XPSR", 0x01000000L);
        target.values.put("CONTROL", 2L);
        List<String> replies = replies(packet("g"), packet("p14"));
        assertEquals("0".repeat(16 * 8) + "00000001", replies.get(0));
        assertEquals("02", replies.get(1));
    }

    @Test
    void ctrlCWhileRunningHaltsTheCoreAndAnswersSigint() throws Exception {
        List<String> replies = replies(packet("vCont;c"), new byte[] {Rsp.INTERRUPT});
        assertTrue(replies.get(0).startsWith("T02"), replies.toString());
        assertTrue(target.halted);
    }

    @Test
    void aWatchpointHitNamesTheWatchedAddressInTheStopReply() throws Exception {
        target.hitOnResume = true;
        List<String> replies = replies(packet("Z3,20000004,4"), packet("c"));
        assertEquals("OK", replies.get(0));
        assertTrue(replies.get(1).startsWith("T05"), replies.get(1));
        assertTrue(replies.get(1).endsWith("thread:1;rwatch:20000004;"), replies.get(1));
    }

    @Test
    void breakpointsGdbLeavesBehindAreRemovedWhenTheConnectionEnds() throws Exception {
        assertEquals(List.of("OK", "OK"), replies(packet("Z0,80,2"), packet("Z2,20000000,4")));
        assertTrue(target.setBreakpoints.isEmpty());
        assertTrue(target.setWatchpoints.isEmpty());
    }

    @Test
    void aStepReportsSigtrapWithTheRegistersGdbReadsAtEveryStopAndNoOthers() throws Exception {
        target.values.put("PC", 0x44L);
        target.values.put("SP", 0x20003ff0L);
        String reply = replies(packet("vCont;s:1")).get(0);
        assertEquals("T057:00000000;d:f03f0020;e:00000000;f:46000000;10:00000000;11:00000000;12:00000000;thread:1;",
                reply, "r7, sp, lr, pc, xpsr, msp and psp");
        assertEquals(7, target.registerReads);
    }

    @Test
    void aStepReadsTheHaltReasonOnlyWhileAWatchpointIsSet() throws Exception {
        replies(packet("s"));
        assertEquals(0, target.haltReasonReads);
        target.stepStopsFor = HaltReason.WATCHPOINT;
        List<String> replies = replies(packet("Z2,20000004,4"), packet("s"));
        assertEquals(1, target.haltReasonReads);
        assertTrue(replies.get(1).endsWith("watch:20000004;"), replies.get(1));
    }

    @Test
    void registersReadAfterAStopComeFromTheStopReplyUntilTheCoreRuns() throws Exception {
        target.values.put("PC", 0x44L);
        target.values.put("R0", 7L);
        List<String> replies = replies(packet("s"), packet("pf"), packet("pd"), packet("p0"), packet("p0"),
                packet("g"));
        assertEquals(List.of("46000000", "00000000", "07000000", "07000000"), replies.subList(1, 5));
        assertEquals(7 + 1 + 17 - 6, target.registerReads, "r0 once, then g reads only the 11 it does not know");
        target.registerReads = 0;
        replies(packet("p0"), packet("c"), new byte[] {Rsp.INTERRUPT}, packet("p0"));
        assertEquals(1 + 7 + 1, target.registerReads, "the core ran: the stop reply and r0 are read again");
    }

    @Test
    void aRegisterWriteIsWhatTheNextReadAnswers() throws Exception {
        List<String> replies = replies(packet("pf"), packet("Pf=80000000"), packet("pf"));
        assertEquals(List.of("00000000", "OK", "80000000"), replies);
        assertEquals(0x80L, target.values.get("PC"));
    }

    /** The signal of the stop reply to {@code ?} for a core halted for {@code reason} with this xPSR. */
    private String signalAtAttach(long xpsr, io.probehost.api.debug.HaltReason reason) throws Exception {
        target.values.put("XPSR", xpsr);
        target.reason = Optional.of(reason);
        return replies(packet("?")).get(0).substring(0, 3);
    }

    @Test
    void attachingToACoreInItsHardFaultHandlerReportsSigsegv() throws Exception {
        assertEquals("T0b", signalAtAttach(0x01000003L, HaltReason.DEBUG_REQUEST));
    }

    @Test
    void aBreakpointInAFaultHandlerIsStillSigtrap() throws Exception {
        assertEquals("T05", signalAtAttach(0x01000003L, HaltReason.BREAKPOINT));
    }

    @Test
    void attachingToACoreInThreadModeReportsSigtrap() throws Exception {
        assertEquals("T05", signalAtAttach(0x01000000L, HaltReason.DEBUG_REQUEST));
    }

    @Test
    void aFailingRequestIsAnsweredWithAnErrorAndLogged() throws Exception {
        assertEquals(List.of("E01"), replies(packet("m1000,4")));
        assertTrue(log.toString(StandardCharsets.UTF_8).startsWith("gdb: m1000,4: "), log.toString());
    }

    /** A session on {@code debugTarget} with no target description. */
    static DebugSession session(DebugTarget debugTarget) {
        return new DebugSession() {
            @Override
            public ProbeDescription probeDescription() {
                return new ProbeDescription("fake", "F1", "Fake", "Probe", "", "", "", "");
            }

            @Override
            public DebugProbe probe() {
                throw new UnsupportedOperationException();
            }

            @Override
            public Optional<TargetDescription> targetDescription() {
                return Optional.empty();
            }

            @Override
            public SessionOptions options() {
                return SessionOptions.defaults();
            }

            @Override
            public DebugTarget target() {
                return debugTarget;
            }

            @Override
            public boolean isOpen() {
                return true;
            }

            @Override
            public void close() {
            }
        };
    }
}
