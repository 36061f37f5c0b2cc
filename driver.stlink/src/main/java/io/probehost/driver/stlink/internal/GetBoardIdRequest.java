package io.probehost.driver.stlink.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** GET_BOARD_IDENTIFIERS ({@code F2 56}): the 4-character board ID at reply bytes 2..5, all zero for none. */
record GetBoardIdRequest() implements StlinkCommand<Optional<String>> {
    @Override
    public String name() {
        return "GET_BOARD_IDENTIFIERS";
    }

    @Override
    public void encode(ByteBuffer block) {
        DebugCommand.GET_BOARD_IDENTIFIERS.put(block);
    }

    @Override
    public int replyLength() {
        return 128;
    }

    @Override
    public Optional<String> decode(ByteBuffer reply) {
        byte[] id = new byte[4];
        reply.position(2);
        reply.get(id);
        if (id[0] == 0 && id[1] == 0 && id[2] == 0 && id[3] == 0) {
            return Optional.empty();
        }
        return Optional.of(new String(id, StandardCharsets.US_ASCII));
    }
}
