package dev.platformsecrets.internal.text;

import java.util.List;

/**
 * The one table printer: left-aligned columns, in two layouts. {@link #render} separates columns
 * by three spaces (reports, rule tables); {@link #padded} is {@code pachctl}'s tabwriter.
 */
public final class TextTable {

    /** Lines per block of {@link #padded}, the header included, as pachyderm's tabwriter counts them. */
    public static final int LINES_PER_BLOCK = 50;

    private TextTable() {
    }

    /**
     * Rows the way {@code pachctl} prints them through Go's tabwriter (min width 0, padding 1, pad
     * character ' ', every cell tab-terminated): each cell, the last included, is padded to its
     * column's widest cell plus one space, and the header is printed again every
     * {@value #LINES_PER_BLOCK} lines, each block sized on its own. An empty table is its header.
     */
    public static String padded(List<String> header, List<List<String>> rows) {
        for (List<String> row : rows) {
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("a row needs one cell per column");
            }
        }
        StringBuilder out = new StringBuilder();
        int rowsPerBlock = LINES_PER_BLOCK - 1;
        int start = 0;
        do {
            List<List<String>> block = new java.util.ArrayList<>();
            block.add(header);
            block.addAll(rows.subList(start, Math.min(rows.size(), start + rowsPerBlock)));
            paddedBlock(out, block);
            start += rowsPerBlock;
        } while (start < rows.size());
        return out.toString();
    }

    private static void paddedBlock(StringBuilder out, List<List<String>> block) {
        int[] widths = new int[block.get(0).size()];
        for (List<String> line : block) {
            for (int column = 0; column < widths.length; column++) {
                widths[column] = Math.max(widths[column], codePoints(line.get(column)) + 1);
            }
        }
        for (List<String> line : block) {
            for (int column = 0; column < widths.length; column++) {
                String cell = line.get(column);
                out.append(cell).append(" ".repeat(widths[column] - codePoints(cell)));
            }
            out.append('\n');
        }
    }

    private static int codePoints(String cell) {
        return cell.codePointCount(0, cell.length());
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
