package dev.gazette.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class BarChartTest {

    @Test
    void theScaleEndsAtARoundNumberAboveTheHighestDay() {
        assertThat(BarChart.niceCeiling(0)).isEqualTo(2);
        assertThat(BarChart.niceCeiling(2)).isEqualTo(2);
        assertThat(BarChart.niceCeiling(3)).isEqualTo(5);
        assertThat(BarChart.niceCeiling(7)).isEqualTo(10);
        assertThat(BarChart.niceCeiling(11)).isEqualTo(20);
        assertThat(BarChart.niceCeiling(250)).isEqualTo(500);
        assertThat(BarChart.niceCeiling(1000)).isEqualTo(1000);
        assertThat(BarChart.niceCeiling(1001)).isEqualTo(2000);
    }

    @Test
    void seriesStackOnEachDayInProportionWithATooltipEach() {
        List<LocalDate> days = List.of(LocalDate.parse("2026-11-27"), LocalDate.parse("2026-11-28"));
        BarChart chart = new BarChart(days, List.of(new BarChart.Series("sent", "#0f0", new int[] {0, 6}),
                new BarChart.Series("failed", "#f00", new int[] {1, 4})));

        assertThat(chart.max()).isEqualTo(10);
        assertThat(chart.bars()).extracting(BarChart.Bar::title)
                .containsExactly("2026-11-27: 1 failed", "2026-11-28: 6 sent", "2026-11-28: 4 failed");
        BarChart.Bar sent = chart.bars().get(1);
        BarChart.Bar failed = chart.bars().get(2);
        double plot = BarChart.HEIGHT - 10 - 22;
        assertThat(Double.parseDouble(sent.height())).isCloseTo(plot * 0.6, org.assertj.core.data.Offset.offset(0.1));
        assertThat(Double.parseDouble(failed.height())).isCloseTo(plot * 0.4, org.assertj.core.data.Offset.offset(0.1));
        assertThat(Double.parseDouble(failed.y()) + Double.parseDouble(failed.height()))
                .as("failed sits on top of sent").isCloseTo(Double.parseDouble(sent.y()), org.assertj.core.data.Offset.offset(0.11));
        assertThat(chart.labels()).extracting(BarChart.Label::text).contains("0", "5", "10", "11-28");
    }
}
