package io.probehost.driver.cmsisdap.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;

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

    private static final List<String> FIELDS = List.of("vendor", "name", "target");

    private final Supplier<Map<String, Board>> reader;
    private volatile Map<String, Board> boards;

    private BoardTable(Supplier<Map<String, Board>> reader) {
        this.reader = reader;
    }

    /**
     * The table shipped in the bundle. It is read on the first look-up of a DAPLink probe, so that
     * starting the driver (which every command does) does not pay for it.
     */
    static BoardTable load() {
        return new BoardTable(BoardTable::readShipped);
    }

    private static Map<String, Board> readShipped() {
        try (InputStream in = BoardTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the CMSIS-DAP driver bundle lacks its " + RESOURCE);
            }
            return boardsIn(RESOURCE, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the DAPLink board table", e);
        }
    }

    /**
     * Reads a board table: one object whose members are board IDs, each an object with the
     * string fields {@code vendor}, {@code name} and {@code target}; a field left out reads as empty.
     *
     * @throws IllegalArgumentException naming {@code source} (and the line and column of a syntax
     *                                  error) when the text is not such a table
     */
    static BoardTable parse(String source, byte[] json) {
        Map<String, Board> boards = boardsIn(source, json);
        return new BoardTable(() -> boards);
    }

    private static Map<String, Board> boardsIn(String source, byte[] json) {
        ObjectReader reader = JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build()
                .reader();
        JsonNode root;
        try {
            root = reader.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + " is not a valid DAPLink board table" + at(e.getLocation())
                    + ": " + withoutStartMarker(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the DAPLink board table " + source, e);
        }
        if (root == null || !root.isObject()) {
            throw invalid(source, "the top level must be an object of board IDs");
        }
        Map<String, Board> boards = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> member : root.properties()) {
            String id = member.getKey();
            Board board = board(source, id, member.getValue());
            if (boards.putIfAbsent(board.id(), board) != null) {
                throw invalid(source, "board ID '" + id + "' appears twice (IDs are case-insensitive)");
            }
        }
        return Map.copyOf(boards);
    }

    private static Board board(String source, String id, JsonNode fields) {
        if (!fields.isObject()) {
            throw invalid(source, "board '" + id + "' must be an object with the fields " + FIELDS);
        }
        for (Map.Entry<String, JsonNode> field : fields.properties()) {
            if (!FIELDS.contains(field.getKey())) {
                throw invalid(source, "board '" + id + "' has the unknown field '" + field.getKey() + "'; expected "
                        + FIELDS);
            }
            if (!field.getValue().isTextual()) {
                throw invalid(source, "board '" + id + "': field '" + field.getKey() + "' must be a string");
            }
        }
        return new Board(id.toUpperCase(Locale.ROOT), fields.path("vendor").asText(""),
                fields.path("name").asText(""), fields.path("target").asText(""));
    }

    private static IllegalArgumentException invalid(String source, String what) {
        return new IllegalArgumentException(source + " is not a valid DAPLink board table: " + what);
    }

    private static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 0 ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** Jackson's message up to its {@code (start marker at [Source: ...])} note, which only repeats the position. */
    private static String withoutStartMarker(String message) {
        int note = message.indexOf(" (start marker at");
        return note < 0 ? message : message.substring(0, note);
    }

    int size() {
        return boards().size();
    }

    Optional<Board> byId(String boardId) {
        return Optional.ofNullable(boards().get(boardId.toUpperCase(Locale.ROOT)));
    }

    private Map<String, Board> boards() {
        Map<String, Board> read = boards;
        if (read == null) {
            synchronized (this) {
                if (boards == null) {
                    boards = reader.get();
                }
                read = boards;
            }
        }
        return read;
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
