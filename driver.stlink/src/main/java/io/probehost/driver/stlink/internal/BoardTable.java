package io.probehost.driver.stlink.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * ST board IDs (the four characters GET_BOARD_IDENTIFIERS answers, the same IDs DAPLink uses)
 * and the board and target they stand for, from the {@code boards.json} resource.
 */
final class BoardTable {
    static final String RESOURCE = "boards.json";

    /** One board: its vendor, name and target type (a lower-case pack device name). */
    record Board(String vendor, String name, String target) {
    }

    private final Map<String, Board> boards;

    private BoardTable(Map<String, Board> boards) {
        this.boards = boards;
    }

    static BoardTable load() {
        try (InputStream in = BoardTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the ST-Link driver bundle lacks its " + RESOURCE);
            }
            return parse(RESOURCE, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the ST-Link board table", e);
        }
    }

    /** @throws IllegalArgumentException naming {@code source} when the text is not a board table */
    static BoardTable parse(String source, byte[] json) {
        try {
            Map<String, Board> read = JsonMapper.builder()
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .build()
                    .readValue(json, new TypeReference<Map<String, Board>>() { });
            Map<String, Board> byId = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            byId.putAll(read);
            return new BoardTable(byId);
        } catch (IOException e) {
            throw new IllegalArgumentException(source + " is not a valid ST-Link board table: "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    int size() {
        return boards.size();
    }

    Optional<Board> byId(String boardId) {
        return Optional.ofNullable(boards.get(boardId.toUpperCase(Locale.ROOT)));
    }
}
