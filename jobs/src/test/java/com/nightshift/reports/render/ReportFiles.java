package com.nightshift.reports.render;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * What a reader gets out of a rendered report: the PDF's text as PDFBox extracts it (lines in reading order,
 * words separated by spaces) and the XLSX's cells as POI reads them (numbers as {@link Double}, text as
 * {@link String}).
 */
public final class ReportFiles {

    private ReportFiles() {
    }

    public static String pdfText(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int pdfPages(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The words of the first line of the PDF's text that starts with {@code label}, after the label. */
    public static List<String> pdfLine(String text, String label) {
        return text.lines().filter(line -> line.startsWith(label + " ")).findFirst()
                .map(line -> Arrays.asList(line.substring(label.length()).trim().split("\\s+")))
                .orElseThrow(() -> new AssertionError("no line starting with '" + label + "' in:\n" + text));
    }

    /** Every row of the first sheet, blank cells left out. */
    public static List<List<Object>> xlsxRows(byte[] xlsx) {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            List<List<Object>> rows = new ArrayList<>();
            for (Row row : sheet) {
                List<Object> cells = new ArrayList<>();
                for (Cell cell : row) {
                    if (cell.getCellType() == CellType.NUMERIC) {
                        cells.add(cell.getNumericCellValue());
                    } else if (cell.getCellType() == CellType.STRING && !cell.getStringCellValue().isEmpty()) {
                        cells.add(cell.getStringCellValue());
                    }
                }
                rows.add(cells);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The cells after {@code label} in the first row that has {@code label} as a cell. */
    public static List<Object> xlsxRow(byte[] xlsx, String label) {
        return xlsxRows(xlsx).stream().filter(row -> row.contains(label)).findFirst()
                .map(row -> row.subList(row.indexOf(label) + 1, row.size()))
                .orElseThrow(() -> new AssertionError("no row with '" + label + "'"));
    }
}
