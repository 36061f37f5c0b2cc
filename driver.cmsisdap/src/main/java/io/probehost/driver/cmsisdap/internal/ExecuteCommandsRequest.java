package io.probehost.driver.cmsisdap.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import io.probehost.api.ProtocolException;

/**
 * DAP_ExecuteCommands (0x7F): {@code NumCmd}, then the requests back to back; the reply echoes
 * {@code NumCmd}, then the replies back to back, each with its own ID. The firmware runs every
 * command whatever the previous one answered, so replies are read up to the first one that did
 * not complete: what follows it is not used, and its length depends on what the probe did.
 */
record ExecuteCommandsRequest(List<TransferCommand> commands) implements DapCommand<List<TransferReply>> {

    /** The ID and NumCmd bytes, in both directions. */
    static final int HEADER_BYTES = 2;
    static final int MAX_COMMANDS = 255;

    ExecuteCommandsRequest {
        commands = List.copyOf(commands);
        if (commands.isEmpty() || commands.size() > MAX_COMMANDS) {
            throw new IllegalArgumentException("DAP_ExecuteCommands takes 1 to 255 commands, not " + commands.size());
        }
    }

    @Override
    public CommandId id() {
        return CommandId.EXECUTE_COMMANDS;
    }

    @Override
    public void writeArguments(ByteBuffer out) {
        out.put((byte) commands.size());
        for (TransferCommand command : commands) {
            out.put((byte) command.id().code());
            command.writeArguments(out);
        }
    }

    /** The replies up to and including the first that failed or stopped early. */
    @Override
    public List<TransferReply> readReply(ByteBuffer in) {
        int count = in.get() & 0xFF;
        if (count != commands.size()) {
            throw new ProtocolException(String.format("CMSIS-DAP protocol error: sent %d commands in %s but the reply"
                    + " counts %d", commands.size(), id(), count));
        }
        List<TransferReply> replies = new ArrayList<>();
        for (TransferCommand command : commands) {
            int echo = in.get() & 0xFF;
            if (echo != command.id().code()) {
                throw new ProtocolException(String.format("CMSIS-DAP protocol error: sent %s as command %d of %d in %s"
                        + " but its reply echoes 0x%02X", command.id(), replies.size() + 1, count, id(), echo));
            }
            TransferReply reply = command.readReply(in);
            replies.add(reply);
            if (!reply.isOk() || reply.executed() < command.count()) {
                break;
            }
        }
        return replies;
    }
}
