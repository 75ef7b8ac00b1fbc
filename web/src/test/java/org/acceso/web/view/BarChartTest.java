package org.acceso.web.view;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BarChartTest {

    @Test
    void shouldDrawAnAccessibleSvgWithoutInlineStyles() {
        BarChart chart = new BarChart("chart-grounds", "Denegaciones por motivo", "Respuestas que citan cada motivo", 4,
                List.of(new BarChart.Row("Datos personales <art. 8 i>", 4, "4"), new BarChart.Row("Secreto", 1, "1")));

        String svg = chart.getSvg();

        assertThat(svg).startsWith("<svg class=\"chart\"")
                .contains("role=\"img\"", "aria-labelledby=\"chart-grounds-title chart-grounds-desc\"",
                        "<title id=\"chart-grounds-title\">Denegaciones por motivo</title>",
                        "<desc id=\"chart-grounds-desc\">Respuestas que citan cada motivo</desc>",
                        "Datos personales &lt;art. 8 i&gt;")
                .doesNotContain("style=", "<script");
        // the largest value fills the room left of the value labels; the others are drawn to scale
        assertThat(svg).contains("width=\"280.0\"", "width=\"70.0\"");
    }

    @Test
    void shouldSaySoWhenThereIsNothingToDraw() {
        String svg = new BarChart("chart-ages", "Vencidas", "No hay solicitudes vencidas", 1, List.of()).getSvg();

        assertThat(svg).contains("<text class=\"chart-empty\"", "No hay solicitudes vencidas").doesNotContain("<rect");
    }

    @Test
    void shouldDrawThePercentileBehindTheMedian() {
        String svg = new BarChart("chart-days", "Días", "Mediana y p90", 10,
                List.of(new BarChart.Row("OBRAS", 5, "mediana 5 · p90 10", 10.0))).getSvg();

        assertThat(svg.indexOf("chart-bar-secondary")).isLessThan(svg.indexOf("class=\"chart-bar\""));
        assertThat(svg).contains("width=\"280.0\"", "width=\"140.0\"");
    }

    @Test
    void shouldShortenALabelTooLongForTheChartKeepingItsStart() {
        String ground = "art. 8 inc. i): Información con datos personales que no pueda brindarse aplicando procedimientos de disociación";
        String svg = new BarChart("chart-grounds", "Motivos", "Respuestas por motivo", 1,
                List.of(new BarChart.Row(ground, 1, "1"))).getSvg();

        assertThat(svg).contains(">art. 8 inc. i): Información con datos personales…</text>")
                .doesNotContain("disociación");
        assertThat(BarChart.shorten("OBRAS")).isEqualTo("OBRAS");
    }
}
