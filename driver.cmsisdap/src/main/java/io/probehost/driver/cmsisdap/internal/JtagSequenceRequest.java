package io.probehost.driver.cmsisdap.internal;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * DAP_JTAG_Sequence: TCK cycles with a fixed TMS per sequence and TDI data always sent; the reply
 * holds the TDO bits of each capturing sequence, in order.
 */
record JtagSequenceRequest(List<BitSequence> sequences) implements DapCommand<List<byte[]>> {

    JtagSequenceRequest {
        sequences = BitSequence.checkedCommandList(sequences, "DAP_JTAG_Sequence");
    }

    /** Request bytes for these sequences: ID, count, then SeqInfo and TDI bytes for each. */
    static int requestBytes(List<BitSequence> sequences) {
        int bytes = 2;
        for (BitSequence sequence : sequences) {
            bytes += 1 + sequence.byteCount();
        }
        return bytes;
    }

    /** Reply bytes: ID, status, then TDO bytes of each capturing sequence. */
    static int replyBytes(List<BitSequence> sequences) {
        int bytes = 2;
        for (BitSequence sequence : sequences) {
            bytes += sequence.capture() ? sequence.byteCount() : 0;
        }
        return bytes;
    }

    @Override
    public CommandId id() {
        return CommandId.JTAG_SEQUENCE;
    }

    @Override
    public void writeArguments(ByteBuffer out) {
        out.put((byte) sequences.size());
        for (BitSequence sequence : sequences) {
            out.put((byte) sequence.info()).put(sequence.paddedData());
        }
    }

    @Override
    public List<byte[]> readReply(ByteBuffer in) {
        DapStatus.check(in.get(), id());
        return BitSequence.readCaptured(sequences, in);
    }
}
