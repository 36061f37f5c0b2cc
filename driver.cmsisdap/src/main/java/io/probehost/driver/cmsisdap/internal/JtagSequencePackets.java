package io.probehost.driver.cmsisdap.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a list of JTAG sequences into DAP_JTAG_Sequence commands that fit the probe: at most 255
 * sequences, and request and reply each within one packet (cmsis-dap.md §6.1).
 */
final class JtagSequencePackets {

    private JtagSequencePackets() {
    }

    /** The sequences in order, as few commands as the packet size allows. */
    static List<List<BitSequence>> split(List<BitSequence> sequences, int packetSize) {
        List<List<BitSequence>> packets = new ArrayList<>();
        List<BitSequence> packet = new ArrayList<>();
        for (BitSequence sequence : sequences) {
            packet.add(sequence);
            if (packet.size() > 255 || JtagSequenceRequest.requestBytes(packet) > packetSize
                    || JtagSequenceRequest.replyBytes(packet) > packetSize) {
                packet.remove(packet.size() - 1);
                if (packet.isEmpty()) {
                    throw new IllegalArgumentException("a JTAG sequence of " + sequence.bitCount()
                            + " clocks does not fit a " + packetSize + "-byte packet");
                }
                packets.add(List.copyOf(packet));
                packet.clear();
                packet.add(sequence);
            }
        }
        if (!packet.isEmpty()) {
            packets.add(List.copyOf(packet));
        }
        return packets;
    }
}
