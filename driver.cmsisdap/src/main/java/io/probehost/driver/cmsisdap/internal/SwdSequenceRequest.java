package io.probehost.driver.cmsisdap.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * DAP_SWD_Sequence (protocol 1.2+): raw SWD cycles, used where the ACK must be ignored (multidrop
 * TARGETSEL). The reply holds the bits of each input sequence, in order.
 */
record SwdSequenceRequest(List<BitSequence> sequences) implements DapCommand<List<byte[]>> {

    SwdSequenceRequest {
        sequences = List.copyOf(sequences);
        if (sequences.isEmpty() || sequences.size() > 255) {
            throw new IllegalArgumentException("DAP_SWD_Sequence takes 1 to 255 sequences, not " + sequences.size());
        }
    }

    @Override
    public CommandId id() {
        return CommandId.SWD_SEQUENCE;
    }

    @Override
    public void writeArguments(ByteBuffer out) {
        out.put((byte) sequences.size());
        for (BitSequence sequence : sequences) {
            out.put((byte) sequence.info());
            if (!sequence.capture()) {
                out.put(sequence.paddedData());
            }
        }
    }

    @Override
    public List<byte[]> readReply(ByteBuffer in) {
        DapStatus.check(in.get(), id());
        List<byte[]> captured = new ArrayList<>();
        for (BitSequence sequence : sequences) {
            if (sequence.capture()) {
                byte[] bits = new byte[sequence.byteCount()];
                in.get(bits);
                captured.add(bits);
            }
        }
        return captured;
    }
}
