package dev.gazette.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table for terminal output: columns padded to their widest cell, long cells cut. */
final class Table {
    private final List<String> headers;
    private final List<Integer> maxWidths;
    private final List<List<String>> rows = new ArrayList<>();

    /** @param columns alternating header and maximum width, e.g. "TITLE", 60 */
    Table(Object... columns) {
        headers = new ArrayList<>();
        maxWidths = new ArrayList<>();
        for (int i = 0; i < columns.length; i += 2) {
            headers.add((String) columns[i]);
            maxWidths.add((Integer) columns[i + 1]);
        }
    }

    Table row(Object... cells) {
        List<String> row = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            Object cell = i < cells.length ? cells[i] : null;
            String text = cell == null ? "" : cell.toString().replaceAll("\\s+", " ");
            int max = maxWidths.get(i);
            row.add(text.codePointCount(0, text.length()) > max ? cut(text, max) : text);
        }
        rows.add(row);
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    void print(PrintWriter out) {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = width(headers.get(i));
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], width(row.get(i)));
            }
        }
        line(out, headers, widths);
        rows.forEach(row -> line(out, row, widths));
        out.flush();
    }

    private static void line(PrintWriter out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            line.append(cell);
            if (i < cells.size() - 1) {
                line.append(" ".repeat(widths[i] - width(cell) + 2));
            }
        }
        out.println(line.toString().stripTrailing());
    }

    /** Display width: East Asian wide characters take two terminal columns. */
    static int width(String s) {
        return s.codePoints().map(cp -> isWide(cp) ? 2 : 1).sum();
    }

    private static boolean isWide(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HANGUL || script == Character.UnicodeScript.HAN
                || script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA
                || (cp >= 0xFF01 && cp <= 0xFF60);
    }

    private static String cut(String s, int max) {
        int end = s.offsetByCodePoints(0, max - 1);
        return s.substring(0, end) + "…";
    }
}
