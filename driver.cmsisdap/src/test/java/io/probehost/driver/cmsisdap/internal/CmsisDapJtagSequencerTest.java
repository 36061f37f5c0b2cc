package io.probehost.driver.cmsisdap.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.probehost.api.jtag.JtagChain;
import io.probehost.api.probe.JtagSequencer;
import io.probehost.api.probe.WireProtocol;

/** DAP_JTAG_Sequence packet by packet (cmsis-dap.md §6.1), then a whole IDCODE scan through a simulated chain. */
class CmsisDapJtagSequencerTest {
    private final FakeDap dap = new FakeDap(64, 4, "2.1.0");
    private final TestProbes probes = new TestProbes(dap);

    @Test
    void groupsRunsOfEqualTmsIntoCapturingSequences() {
        // TMS 1,1,0,0 then 3 cycles TMS 0 with TDI 1,0,1, then TMS 1: runs of 2 (TMS 1), 5 (TMS 0), 1 (TMS 1)
        byte[] tms = {(byte) 0b1000_0011};
        byte[] tdi = {(byte) 0b0101_0000};
        List<BitSequence> sequences = CmsisDapJtagSequencer.sequences(8, tms, tdi);
        assertEquals(3, sequences.size());
        assertEquals(0xC2, sequences.get(0).info(), "2 clocks, TMS 1, capture");
        assertEquals(0x85, sequences.get(1).info(), "5 clocks, TMS 0, capture");
        assertArrayEquals(new byte[] {0b10100}, sequences.get(1).paddedData());
        assertEquals(0xC1, sequences.get(2).info());
    }

    @Test
    void cutsLongRunsAtSixtyFourClocks() {
        List<BitSequence> sequences = CmsisDapJtagSequencer.sequences(130, new byte[17], new byte[17]);
        assertEquals(List.of(64, 64, 2), sequences.stream().map(BitSequence::bitCount).toList());
        assertEquals(0x80, sequences.get(0).info(), "64 clocks are encoded as 0");
    }

    @Test
    void sendsOneCommandAndReassemblesTdoInCycleOrder() {
        CmsisDapProbe probe = connectedJtag();
        List<String> requests = new ArrayList<>();
        dap.overrides.put(0x14, request -> {
            requests.add(Bytes.hex(Arrays.copyOf(request, 2 + (request[1] & 0xFF) * 2)));
            return Bytes.hex("14 00 03 01");
        });
        byte[] tdo = probe.capability(JtagSequencer.class).orElseThrow()
                .shift(4, new byte[] {0b0011}, new byte[] {0b0100});
        assertEquals(List.of("14 02 c2 00 82 01"), requests);
        // run 1 captured 0b11, run 2 captured 0b01: cycles 0, 1 and 2 read high
        assertArrayEquals(new byte[] {0b0111}, tdo);
    }

    @Test
    void splitsASequenceListThatExceedsThePacket() {
        List<BitSequence> sequences = CmsisDapJtagSequencer.sequences(64 * 12, new byte[96], new byte[96]);
        List<List<BitSequence>> packets = JtagSequencePackets.split(sequences, 64);
        // each 64-clock sequence takes 9 request bytes (SeqInfo, 8 TDI) and 8 reply bytes: 2 + 6 * 9 = 56
        // request bytes fit a 64-byte packet, a seventh sequence would need 65
        assertEquals(List.of(6, 6), packets.stream().map(List::size).toList());
        for (List<BitSequence> packet : packets) {
            assertEquals(true, JtagSequenceRequest.requestBytes(packet) <= 64);
            assertEquals(true, JtagSequenceRequest.replyBytes(packet) <= 64);
        }
    }

    @Test
    void readsTheIdcodesOfASimulatedChain() {
        CmsisDapProbe probe = connectedJtag();
        JtagSequencer sequencer = probe.capability(JtagSequencer.class).orElseThrow();
        assertEquals(List.of(0x06413041, 0x4BA00477), JtagChain.readIdcodes(sequencer));
    }

    /** A probe connected over JTAG to a simulated STM32F1 chain: boundary scan TAP and JTAG-DP. */
    private CmsisDapProbe connectedJtag() {
        dap.overrides.put(0x14, new JtagChainSimulator(JtagChainSimulator.stm32BoundaryScan(),
                JtagChainSimulator.armJtagDp()));
        CmsisDapProbe probe = probes.open();
        probe.connect(WireProtocol.JTAG);
        return probe;
    }
}
