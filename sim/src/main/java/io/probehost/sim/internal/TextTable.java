package io.probehost.sim.internal;

import java.util.ArrayList;
import java.util.List;

/** A plain table for the lab's commands: header, rule, rows; numeric columns right-aligned. */
final class TextTable {
    private final String[] headers;
    private final boolean[] numeric;
    private final List<String[]> rows = new ArrayList<>();

    TextTable(String... headers) {
        this.headers = headers.clone();
        this.numeric = new boolean[headers.length];
    }

    TextTable numeric(int... columns) {
        for (int column : columns) {
            numeric[column] = true;
        }
        return this;
    }

    void row(Object... cells) {
        String[] text = new String[headers.length];
        for (int i = 0; i < headers.length; i++) {
            text[i] = i < cells.length ? String.valueOf(cells[i]) : "";
        }
        rows.add(text);
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
        line(out, headers, widths);
        int total = 0;
        for (int width : widths) {
            total += width + 3;
        }
        out.append("-".repeat(total - 1)).append('\n');
        for (String[] row : rows) {
            line(out, row, widths);
        }
        return out.toString();
    }

    private void line(StringBuilder out, String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder("  ");
        for (int i = 0; i < cells.length; i++) {
            String pad = " ".repeat(widths[i] - cells[i].length());
            line.append(numeric[i] ? pad + cells[i] : cells[i] + pad).append("   ");
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }
}
