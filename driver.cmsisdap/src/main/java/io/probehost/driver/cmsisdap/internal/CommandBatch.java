package io.probehost.driver.cmsisdap.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Transfer packets gathered to go out together in one DAP_ExecuteCommands packet, while the whole
 * request and the whole reply fit the probe's packet size. A batch of one part is sent as that
 * part alone, byte for byte what a probe without atomic commands gets.
 *
 * <p>The parts complete in order; the first one that fails fails every later part with its error,
 * as a failed packet fails the packets sent after it.
 */
final class CommandBatch implements InFlightPacket<List<TransferReply>> {
    private final int packetSize;
    private final List<TransferPart> parts = new ArrayList<>();
    private int requestBytes;
    private int replyBytes;

    CommandBatch(int packetSize) {
        this.packetSize = packetSize;
    }

    boolean isEmpty() {
        return parts.isEmpty();
    }

    /** Whether a part can join: on its own it always can, with others the 0x7F header counts too. */
    boolean fits(TransferPart part) {
        TransferCommand command = part.command();
        if (parts.isEmpty()) {
            return command.requestBytes() <= packetSize && command.replyBytes() <= packetSize;
        }
        return parts.size() < ExecuteCommandsRequest.MAX_COMMANDS
                && ExecuteCommandsRequest.HEADER_BYTES + requestBytes + command.requestBytes() <= packetSize
                && ExecuteCommandsRequest.HEADER_BYTES + replyBytes + command.replyBytes() <= packetSize;
    }

    /** The most words a DAP_TransferBlock joining this batch can carry (0 when none fits). */
    int blockWordsThatFit(boolean read) {
        if (parts.isEmpty()) {
            return read ? TransferBlockRequest.maxReads(packetSize) : TransferBlockRequest.maxWrites(packetSize);
        }
        int requestRoom = packetSize - ExecuteCommandsRequest.HEADER_BYTES - requestBytes
                - TransferBlockRequest.REQUEST_HEADER_BYTES;
        int replyRoom = packetSize - ExecuteCommandsRequest.HEADER_BYTES - replyBytes
                - TransferBlockRequest.REPLY_HEADER_BYTES;
        if (parts.size() >= ExecuteCommandsRequest.MAX_COMMANDS || requestRoom < 0 || replyRoom < 0) {
            return 0;
        }
        return (read ? replyRoom : requestRoom) / 4;
    }

    void add(TransferPart part) {
        TransferCommand command = part.command();
        parts.add(part);
        requestBytes += command.requestBytes();
        replyBytes += command.replyBytes();
    }

    boolean contains(AwaitedResult read) {
        return parts.stream().anyMatch(part -> part.contains(read));
    }

    /** What goes on the wire: the only part as it is, or every part in one DAP_ExecuteCommands. */
    InFlightPacket<?> packet() {
        return parts.size() == 1 ? parts.get(0) : this;
    }

    @Override
    public ExecuteCommandsRequest command() {
        return new ExecuteCommandsRequest(parts.stream().map(TransferPart::command).toList());
    }

    @Override
    public RuntimeException complete(List<TransferReply> replies) {
        for (int i = 0; i < parts.size(); i++) {
            RuntimeException error = parts.get(i).complete(replies.get(i));
            if (error != null) {
                for (TransferPart later : parts.subList(i + 1, parts.size())) {
                    later.fail(error);
                }
                return error;
            }
        }
        return null;
    }

    @Override
    public void fail(RuntimeException cause) {
        for (TransferPart part : parts) {
            part.fail(cause);
        }
    }
}
