package io.probehost.driver.cmsisdap.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * DAPLink board IDs (the first four characters of a DAPLink serial number) and the board and
 * target they stand for, from the {@code boards.json} resource. IDs as in pyOCD's board table.
 */
final class BoardTable {
    static final String RESOURCE = "boards.json";
    /** Arm DAPLink, the only firmware whose serial number starts with a board ID. */
    static final int DAPLINK_VID = 0x0D28;
    static final int DAPLINK_PID = 0x0204;
    private static final String NO_BOARD = "0000";

    /** One board: its vendor and name, and the target type (a lower-case pack device name). */
    record Board(String id, String vendor, String name, String target) {
    }

    private final Map<String, Board> boards;

    BoardTable(Map<String, Board> boards) {
        this.boards = Map.copyOf(boards);
    }

    /** The table shipped in the bundle. */
    static BoardTable load() {
        try (InputStream in = BoardTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the CMSIS-DAP driver bundle lacks its " + RESOURCE);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the DAPLink board table", e);
        }
    }

    @SuppressWarnings("unchecked")
    static BoardTable parse(String json) {
        Map<String, Board> boards = new LinkedHashMap<>();
        Map<String, Object> entries = (Map<String, Object>) Json.parse(json);
        entries.forEach((id, value) -> {
            Map<String, Object> fields = (Map<String, Object>) value;
            boards.put(id.toUpperCase(Locale.ROOT), new Board(id.toUpperCase(Locale.ROOT),
                    (String) fields.getOrDefault("vendor", ""), (String) fields.getOrDefault("name", ""),
                    (String) fields.getOrDefault("target", "")));
        });
        return new BoardTable(boards);
    }

    int size() {
        return boards.size();
    }

    Optional<Board> byId(String boardId) {
        return Optional.ofNullable(boards.get(boardId.toUpperCase(Locale.ROOT)));
    }

    /** The board a DAPLink probe sits on; empty for other probes, board ID 0000 or an unknown ID. */
    Optional<Board> forProbe(int vendorId, int productId, String serialNumber) {
        if (vendorId != DAPLINK_VID || productId != DAPLINK_PID || serialNumber.length() < 4) {
            return Optional.empty();
        }
        String boardId = serialNumber.substring(0, 4);
        return boardId.equals(NO_BOARD) ? Optional.empty() : byId(boardId);
    }
}
