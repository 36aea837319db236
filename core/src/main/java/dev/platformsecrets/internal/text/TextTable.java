package dev.platformsecrets.internal.text;

import java.util.List;

/** Left-aligned columns separated by three spaces, the way {@code pachctl} and {@code kubectl} print tables. */
public final class TextTable {

    private TextTable() {
    }

    /** Renders the rows; the first row is the header, every row has the same number of cells. */
    public static String render(List<List<String>> rows) {
        int columns = rows.get(0).size();
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                line.append(row.get(i));
                if (i < columns - 1) {
                    line.append(" ".repeat(widths[i] - row.get(i).length() + 3));
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }
}
