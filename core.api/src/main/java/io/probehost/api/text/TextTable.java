package io.probehost.api.text;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table: a header row, a rule, and rows. Columns marked numeric are right-aligned.
 * A row may carry a second line shown indented under its second column (pyOCD's board line).
 */
public final class TextTable {
    private final String[] headers;
    private final boolean[] numeric;
    private final List<String[]> rows = new ArrayList<>();
    private final List<String> subLines = new ArrayList<>();

    public TextTable(String... headers) {
        this.headers = headers.clone();
        this.numeric = new boolean[headers.length];
    }

    public TextTable numeric(int... columns) {
        for (int column : columns) {
            numeric[column] = true;
        }
        return this;
    }

    public TextTable row(Object... cells) {
        return rowWithSubLine(null, cells);
    }

    public TextTable rowWithSubLine(String subLine, Object... cells) {
        String[] text = new String[headers.length];
        for (int i = 0; i < headers.length; i++) {
            text[i] = i < cells.length && cells[i] != null ? cells[i].toString() : "";
        }
        rows.add(text);
        subLines.add(subLine);
        return this;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    @Override
    public String toString() {
        int[] widths = new int[headers.length];
        for (int i = 0; i < headers.length; i++) {
            widths[i] = headers[i].length();
            for (String[] row : rows) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        appendRow(out, headers, widths);
        int total = 0;
        for (int width : widths) {
            total += width + 3;
        }
        out.append("-".repeat(Math.max(0, total - 1))).append('\n');
        for (int r = 0; r < rows.size(); r++) {
            appendRow(out, rows.get(r), widths);
            String subLine = subLines.get(r);
            if (subLine != null && !subLine.isEmpty()) {
                int indent = widths.length > 1 ? 2 + widths[0] + 3 : 2;
                out.append(" ".repeat(indent)).append(subLine).append('\n');
            }
        }
        return out.toString();
    }

    private void appendRow(StringBuilder out, String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder("  ");
        for (int i = 0; i < cells.length; i++) {
            String cell = cells[i];
            String pad = " ".repeat(widths[i] - cell.length());
            line.append(numeric[i] ? pad + cell : cell + pad);
            if (i < cells.length - 1) {
                line.append("   ");
            }
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }
}
