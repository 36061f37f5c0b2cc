package io.probehost.driver.cmsisdap.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import io.probehost.api.ProbeException;

class JtagScannerTest {

    /** Runs sequences through a DAP channel answered by the simulator, as the probe does. */
    private static Function<List<BitSequence>, List<byte[]>> through(Function<byte[], byte[]> chain,
            List<Integer> packetBytes) {
        return sequences -> {
            JtagSequenceRequest request = new JtagSequenceRequest(sequences);
            ByteBuffer encoded = ByteBuffer.allocate(1024);
            encoded.put((byte) 0x14);
            request.writeArguments(encoded);
            byte[] bytes = java.util.Arrays.copyOf(encoded.array(), encoded.position());
            packetBytes.add(bytes.length);
            byte[] reply = chain.apply(bytes);
            return request.readReply(ByteBuffer.wrap(reply, 1, reply.length - 1).slice());
        };
    }

    private static List<JtagTap> scan(JtagChainSimulator chain, List<Integer> packetBytes) {
        return new JtagScanner(through(chain, packetBytes), 64).scan();
    }

    @Test
    void findsIrLengthsAndIdcodesWhenChainIsAnStm32() {
        List<Integer> packets = new ArrayList<>();
        List<JtagTap> taps = scan(new JtagChainSimulator(JtagChainSimulator.armJtagDp(),
                JtagChainSimulator.stm32BoundaryScan()), packets);
        assertEquals(List.of(new JtagTap(0x4BA00477, 4), new JtagTap(0x06413041, 5)), taps);
        assertTrue(taps.get(0).isArmDebugPort());
        assertTrue(packets.stream().allMatch(bytes -> bytes <= 64), "every packet fits 64 bytes: " + packets);
    }

    @Test
    void reportsBypassWhenTapHasNoIdcode() {
        List<JtagTap> taps = scan(new JtagChainSimulator(new JtagChainSimulator.Tap(3, 0b001, 0),
                JtagChainSimulator.armJtagDp(), new JtagChainSimulator.Tap(7, 0b0000001, 0x10E31913)),
                new ArrayList<>());
        assertEquals(List.of(new JtagTap(0, 3), new JtagTap(0x4BA00477, 4), new JtagTap(0x10E31913, 7)), taps);
        assertEquals("bypass (IR 3)", taps.get(0).toString());
    }

    @Test
    void throwsWhenTdoStaysLow() {
        JtagScanner scanner = new JtagScanner(through(request -> {
            byte[] reply = new byte[64];
            reply[0] = 0x14;
            return reply;
        }, new ArrayList<>()), 64);
        ProbeException error = assertThrows(ProbeException.class, scanner::scan);
        assertEquals("no JTAG device answered: TDO stays low", error.getMessage());
    }

    @Test
    void throwsWhenTdoStaysHigh() {
        JtagScanner scanner = new JtagScanner(through(request -> {
            byte[] reply = new byte[64];
            java.util.Arrays.fill(reply, (byte) 0xFF);
            reply[0] = 0x14;
            reply[1] = 0x00;
            return reply;
        }, new ArrayList<>()), 64);
        ProbeException error = assertThrows(ProbeException.class, scanner::scan);
        assertTrue(error.getMessage().startsWith("no JTAG device answered: TDO stays high"), error.getMessage());
    }

    @Test
    void parsesIdcodesWhenTdoPatternIsCanned() {
        // TDO order: IDCODE 0x4BA00477, one BYPASS zero, then the ones shifted in.
        boolean[] bits = new boolean[32 + 1 + 40];
        for (int i = 0; i < 32; i++) {
            bits[i] = ((0x4BA00477 >>> i) & 1) != 0;
        }
        for (int i = 33; i < bits.length; i++) {
            bits[i] = true;
        }
        assertEquals(List.of(0x4BA00477, 0), JtagScanner.idcodes(bits));
    }

    @Test
    void splitsIrBitsWhenEachTapCapturesOneZero() {
        assertArrayEquals(new int[] {4, 5}, JtagScanner.irLengths(bits("100010000"), 2));
        assertArrayEquals(new int[] {9}, JtagScanner.irLengths(bits("100010000"), 1));
    }

    @Test
    void refusesToGuessIrLengthsWhenThePatternIsAmbiguous() {
        ProbeException error = assertThrows(ProbeException.class, () -> JtagScanner.irLengths(bits("101010000"), 2));
        assertEquals("cannot tell the IR lengths of the 2 TAPs on the JTAG chain from the captured IR bits 101010000"
                + " (TDO first)", error.getMessage());
    }

    private static boolean[] bits(String text) {
        boolean[] bits = new boolean[text.length()];
        for (int i = 0; i < bits.length; i++) {
            bits[i] = text.charAt(i) == '1';
        }
        return bits;
    }
}
