package com.nightshift.cli;

import java.util.ArrayList;
import java.util.List;

/** Rows of text in columns as wide as their widest cell, two spaces apart; the last column is not padded. */
final class TextTable {

    private TextTable() {
    }

    static List<String> aligned(List<String[]> rows) {
        int columns = rows.stream().mapToInt(row -> row.length).max().orElse(0);
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int column = 0; column < row.length; column++) {
                widths[column] = Math.max(widths[column], row[column].length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int column = 0; column < row.length; column++) {
                line.append(column == row.length - 1 ? row[column] : String.format("%-" + widths[column] + "s  ",
                        row[column]));
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }
}
