package io.probehost.driver.cmsisdap.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.probehost.api.ProbeException;

/** Golden bytes of every command, both directions, from the CMSIS-DAP reference note. */
class DapCommandBytesTest {

    private static String send(DapCommand<?> command, String reply, Object[] answer) {
        CannedTransport transport = new CannedTransport(64).reply(reply);
        DapChannel channel = new DapChannel(transport);
        answer[0] = channel.execute(command);
        return transport.written.get(0);
    }

    private static String request(DapCommand<?> command, String reply) {
        return send(command, reply, new Object[1]);
    }

    private static Object answer(DapCommand<?> command, String reply) {
        Object[] answer = new Object[1];
        send(command, reply, answer);
        return answer[0];
    }

    @Test
    void encodesPyocdDefaultsWhenTransferConfigureIsSent() {
        assertEquals("04 02 96 00 00 00", request(TransferConfigureRequest.defaults(), "04 00"));
    }

    @Test
    void encodesStatusCommandsWhenSent() {
        assertEquals("02 01", request(new ConnectRequest(DapPort.SWD), "02 01"));
        assertEquals("03", request(new DisconnectRequest(), "03 00"));
        assertEquals("01 00 01", request(new HostStatusRequest(HostStatusRequest.Led.CONNECT, true), "01 00"));
        assertEquals("08 00 1e 00 00 00", request(new WriteAbortRequest(0, 0x1E), "08 00"));
        assertEquals("09 e8 03", request(new DelayRequest(1000), "09 00"));
        assertEquals("11 40 42 0f 00", request(new SwjClockRequest(1_000_000), "11 00"));
        assertEquals("13 00", request(SwdConfigureRequest.defaults(), "13 00"));
        assertEquals("13 05", request(new SwdConfigureRequest(2, true), "13 00"));
        assertEquals("15 02 04 05", request(new JtagConfigureRequest(new int[] {4, 5}), "15 00"));
        assertEquals("0a", request(new ResetTargetRequest(), "0a 00 01"));
    }

    @Test
    void answersPinLevelsWhenSwjPinsAssertsReset() {
        assertEquals("10 00 80 00 00 00 00", request(new SwjPinsRequest(0x00, 0x80, 0), "10 0f"));
        assertEquals(0x8F, answer(new SwjPinsRequest(0x80, 0x80, 0), "10 8f"));
    }

    @Test
    void encodesCountZeroWhenSwjSequenceHas256Bits() {
        byte[] ones = new byte[32];
        java.util.Arrays.fill(ones, (byte) 0xFF);
        String bytes = request(new SwjSequenceRequest(256, ones), "12 00");
        assertTrue(bytes.startsWith("12 00 ff ff"));
        assertEquals(2 + 32, bytes.split(" ").length);
        assertEquals("12 10 9e e7", request(new SwjSequenceRequest(16, new byte[] {(byte) 0x9E, (byte) 0xE7}), "12 00"));
    }

    @Test
    void decodesDapInfoPacketSizeWhenReplyIsShort() {
        InfoRequest.Reply reply = (InfoRequest.Reply) answer(new InfoRequest(InfoId.PACKET_SIZE), "00 02 00 02");
        assertEquals(512, reply.asNumber(0));
        InfoRequest.Reply text = (InfoRequest.Reply) answer(new InfoRequest(InfoId.PROTOCOL_VERSION),
                "00 06 32 2e 31 2e 30 00");
        assertEquals("2.1.0", text.asString().orElseThrow());
        InfoRequest.Reply absent = (InfoRequest.Reply) answer(new InfoRequest(InfoId.TARGET_BOARD_NAME), "00 00");
        assertTrue(absent.asString().isEmpty());
    }

    @Test
    void decodesReadDataWhenTransferSucceeds() {
        TransferRequest transfer = new TransferRequest(0, List.of(Transfer.write(false, 0x8, 0), Transfer.read(false, 0x0),
                Transfer.read(true, 0xC)));
        Object[] answer = new Object[1];
        assertEquals("05 00 03 08 00 00 00 00 02 0f", send(transfer, "05 03 01 77 14 a0 2b 44 33 22 11", answer));
        TransferReply reply = (TransferReply) answer[0];
        assertEquals(3, reply.executed());
        assertTrue(reply.isOk());
        assertArrayEquals(new int[] {0x2BA01477, 0x11223344}, reply.readData());
    }

    @Test
    void expectsNoDataWhenCollectingAPostedReadFailed() {
        TransferRequest transfer = new TransferRequest(0, List.of(Transfer.read(false, 0x0), Transfer.read(true, 0xC),
                Transfer.write(false, 0x8, 0)));
        TransferReply reply = (TransferReply) answer(transfer, "05 02 04 77 14 a0 2b");
        assertArrayEquals(new int[] {0x2BA01477}, reply.readData());
        assertEquals(1, transfer.failedIndex(2));
        assertEquals(2, transfer.failedIndex(3), "a failed write check names the last write");
    }

    @Test
    void treatsDpReadsAsPostedWhenDapIsReachedOverJtag() {
        TransferRequest overJtag = new TransferRequest(1, List.of(Transfer.read(false, 0x4), Transfer.write(false, 0x8, 0)),
                true);
        assertEquals(0, overJtag.failedIndex(1));
        assertEquals(0, ((TransferReply) answer(overJtag, "05 01 04")).readData().length);
        TransferRequest overSwd = new TransferRequest(0, overJtag.transfers());
        assertEquals(1, overSwd.failedIndex(1));
    }

    @Test
    void encodesCountAndWordsWhenTransferBlockReadsOrWrites() {
        assertEquals("06 00 03 00 0f", request(TransferBlockRequest.read(0, 0x0F, 3),
                "06 03 00 01 01 00 00 00 02 00 00 00 03 00 00 00"));
        assertEquals("06 01 02 00 0d 01 00 00 00 02 00 00 00",
                request(TransferBlockRequest.write(1, 0x0D, new int[] {9, 1, 2}, 1, 2), "06 02 00 01"));
    }

    @Test
    void encodesTmsAndCaptureBitsWhenJtagSequenceIsSent() {
        List<BitSequence> sequences = List.of(new BitSequence(5, true, false, new byte[] {(byte) 0xFF}),
                new BitSequence(64, false, true, new byte[8]));
        Object[] answer = new Object[1];
        String bytes = send(new JtagSequenceRequest(sequences), "14 00 01 02 03 04 05 06 07 08", answer);
        assertEquals("14 02 45 ff 80 00 00 00 00 00 00 00 00", bytes);
        @SuppressWarnings("unchecked")
        List<byte[]> tdo = (List<byte[]>) answer[0];
        assertEquals(1, tdo.size());
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, tdo.get(0));
    }

    @Test
    void throwsWhenProbeAnswersDapError() {
        ProbeException error = assertThrows(ProbeException.class, () -> request(new SwjClockRequest(1000), "11 ff"));
        assertEquals("CMSIS-DAP probe refused DAP_SWJ_Clock (0x11): status 0xFF", error.getMessage());
    }

    @Test
    void tellsWhetherProbeHadASequenceWhenResetTargetAnswers() {
        assertEquals(true, answer(new ResetTargetRequest(), "0a 00 01"));
        assertEquals(false, answer(new ResetTargetRequest(), "0a 00 00"));
    }

    @Test
    void refusesRegisterWhenOutsideA32() {
        assertThrows(IllegalArgumentException.class, () -> Transfer.read(true, 0x10));
        assertFalse(Transfer.write(true, 0xC, 1).isRead());
    }
}
