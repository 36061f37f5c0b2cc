package io.probehost.driver.cmsisdap.internal;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * DAP_SWD_Sequence (protocol 1.2+): raw SWD cycles, used where the ACK must be ignored (multidrop
 * TARGETSEL). The reply holds the bits of each input sequence, in order.
 */
record SwdSequenceRequest(List<BitSequence> sequences) implements DapCommand<List<byte[]>> {

    SwdSequenceRequest {
        sequences = BitSequence.checkedCommandList(sequences, "DAP_SWD_Sequence");
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
        return BitSequence.readCaptured(sequences, in);
    }
}
