package dev.platformsecrets.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Tables the way {@code pachctl} prints them through Go's tabwriter (min width 0, padding 1, pad
 * character ' ', every cell tab-terminated): each cell, the last included, is padded to its
 * column's widest cell plus one space, and the header is printed again every 50 lines, each block
 * sized on its own.
 */
final class PaddedTable {

    /** Lines per block, the header included, as pachyderm's tabwriter counts them. */
    static final int LINES_PER_BLOCK = 50;

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    PaddedTable(List<String> header) {
        this.header = List.copyOf(header);
    }

    void add(List<String> row) {
        if (row.size() != header.size()) {
            throw new IllegalArgumentException("a row needs one cell per column");
        }
        rows.add(List.copyOf(row));
    }

    void print(PrintWriter out) {
        int rowsPerBlock = LINES_PER_BLOCK - 1;
        int start = 0;
        do {
            List<List<String>> block = new ArrayList<>();
            block.add(header);
            block.addAll(rows.subList(start, Math.min(rows.size(), start + rowsPerBlock)));
            printBlock(out, block);
            start += rowsPerBlock;
        } while (start < rows.size());
        out.flush();
    }

    private void printBlock(PrintWriter out, List<List<String>> block) {
        int[] widths = new int[header.size()];
        for (List<String> line : block) {
            for (int column = 0; column < widths.length; column++) {
                widths[column] = Math.max(widths[column], width(line.get(column)) + 1);
            }
        }
        for (List<String> line : block) {
            StringBuilder text = new StringBuilder();
            for (int column = 0; column < widths.length; column++) {
                String cell = line.get(column);
                text.append(cell).append(" ".repeat(widths[column] - width(cell)));
            }
            out.println(text);
        }
    }

    private static int width(String cell) {
        return cell.codePointCount(0, cell.length());
    }
}
