package io.probehost.api.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TextTableTest {

    @Test
    void numericColumnsAlignRightAndSubLinesIndentUnderTheSecondColumn() {
        String table = new TextTable("#", "Name", "Size").numeric(0, 2)
                .rowWithSubLine("board line", 0, "alpha", 5)
                .row(10, "b", 12345)
                .toString();
        assertEquals(String.join("\n",
                "   #   Name     Size",
                "--------------------",
                "   0   alpha       5",
                "       board line",
                "  10   b       12345",
                ""), table);
    }
}
