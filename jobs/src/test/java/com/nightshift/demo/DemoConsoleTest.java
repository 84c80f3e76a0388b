package com.nightshift.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class DemoConsoleTest {

    private static final DemoFigures.DayFigures DAY = new DemoFigures.DayFigures(LocalDate.of(2026, 11, 25),
            new DemoFigures.Figure("全部门店", 4_423, new BigDecimal("392706.69")),
            List.of(new DemoFigures.Figure("西安碑林店", 59, new BigDecimal("7033.65")),
                    new DemoFigures.Figure("Shop 7", 48, new BigDecimal("6100.00"))),
            List.of(new DemoFigures.Figure("美团外卖", 1_500, new BigDecimal("120000.10")),
                    new DemoFigures.Figure("dine-in", 900, new BigDecimal("80000.00"))));

    @Test
    void chineseCharactersTakeTwoColumns() {
        assertThat(DisplayWidth.of("西安碑林店")).isEqualTo(10);
        assertThat(DisplayWidth.of("Shop 7")).isEqualTo(6);
        assertThat(DisplayWidth.of("广州天河店🥟")).isEqualTo(12);
        assertThat(DisplayWidth.of("ｆｕｌｌ")).isEqualTo(8);
    }

    @Test
    void figureColumnsEndAtTheSameDisplayColumnWhateverTheNames() {
        List<String> rows = DemoConsole.figures(DAY).stream().filter(line -> line.startsWith("    ")).toList();
        List<String> figures = rows.subList(1, rows.size());

        assertThat(rows.get(0)).contains("orders", "net sales");
        assertThat(figures).hasSize(5);
        assertThat(rows).extracting(DisplayWidth::of).as("where the net sales end")
                .containsOnly(DisplayWidth.of(rows.get(0)));
        assertThat(figures).extracting(line -> DisplayWidth.of(line.substring(0, line.lastIndexOf(' ')).stripTrailing()))
                .as("where the orders end").containsOnly(DisplayWidth.of(rows.get(0).substring(0,
                        rows.get(0).indexOf("orders") + "orders".length())));
    }

    @Test
    void everySectionHasAHeading() {
        assertThat(DemoConsole.figures(DAY)).containsSubsequence("  Whole chain", "  Top stores by net sales",
                "  Channels");
        List<String> lines = DemoConsole.figures(DAY);
        assertThat(lines.get(lines.indexOf("  Channels") + 1)).startsWith("    美团外卖");
    }

    @Test
    void outputColumnsLineUp() {
        List<String> lines = DemoConsole.outputs(List.of(new DemoOutputs.Output("table", "orders", 1_000_000, "rows"),
                new DemoOutputs.Output("mail", "/数据/nightshift-data/mail", 3, "files")));

        assertThat(lines.subList(1, 3)).extracting(line -> DisplayWidth.of(line.substring(0, line.lastIndexOf(' '))))
                .containsOnly(DisplayWidth.of(lines.get(1).substring(0, lines.get(1).lastIndexOf(' '))));
    }
}
