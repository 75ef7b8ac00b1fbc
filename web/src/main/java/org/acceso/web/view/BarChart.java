package org.acceso.web.view;

import java.util.List;
import java.util.Locale;

/**
 * A horizontal bar chart drawn on the server as SVG: each row's label above its bar, its value written at the bar's
 * end, so the picture reads without colour and at 360 px. The SVG is {@code role="img"} with a title and a
 * description that says what it shows; every chart is followed on the page by a table of the same figures.
 * No inline styles (the Content-Security-Policy allows none): colours come from the stylesheet's classes.
 *
 * @param id    unique on the page (the ids of the title and description derive from it)
 * @param title what the chart shows
 * @param desc  a sentence for screen readers: the largest value and what the bars mean
 * @param max   the value of a full-width bar (at least 1)
 * @param rows  the bars, top to bottom
 */
public record BarChart(String id, String title, String desc, double max, List<Row> rows) {

    /** One bar; {@code secondary} (optional) is drawn behind it in a lighter shade (e.g. the 90th percentile). */
    public record Row(String label, double value, String text, Double secondary) {

        public Row(String label, double value, String text) {
            this(label, value, text, null);
        }
    }

    static final int WIDTH = 400;
    static final int LABEL_HEIGHT = 18;
    static final int BAR_HEIGHT = 16;
    static final int GAP = 10;
    static final int TEXT_ROOM = 120;
    static final int MAX_LABEL = 52;

    /** The chart's markup. */
    public String getSvg() {
        int rowHeight = LABEL_HEIGHT + BAR_HEIGHT + GAP;
        int height = Math.max(rowHeight, rows.size() * rowHeight) + 4;
        double scale = (WIDTH - TEXT_ROOM) / Math.max(1, max);
        StringBuilder svg = new StringBuilder()
                .append("<svg class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" role=\"img\" aria-labelledby=\"").append(id).append("-title ").append(id).append("-desc\"")
                .append(" focusable=\"false\" preserveAspectRatio=\"xMinYMin meet\">")
                .append("<title id=\"").append(id).append("-title\">").append(escape(title)).append("</title>")
                .append("<desc id=\"").append(id).append("-desc\">").append(escape(desc)).append("</desc>");
        if (rows.isEmpty()) {
            svg.append("<text class=\"chart-empty\" x=\"0\" y=\"24\">").append(escape(desc)).append("</text>");
        }
        int y = 0;
        for (Row row : rows) {
            svg.append("<text class=\"chart-label\" x=\"0\" y=\"").append(y + 14).append("\">").append(escape(shorten(row.label())))
                    .append("</text>");
            int barY = y + LABEL_HEIGHT;
            if (row.secondary() != null) {
                svg.append(rect("chart-bar-secondary", barY, Math.max(2, row.secondary() * scale)));
            }
            double width = row.value() <= 0 ? 0 : Math.max(2, row.value() * scale);
            if (width > 0) {
                svg.append(rect("chart-bar", barY, width));
            }
            double end = Math.max(width, row.secondary() == null ? 0 : row.secondary() * scale);
            svg.append("<text class=\"chart-value\" x=\"").append(fmt(end + 6)).append("\" y=\"").append(barY + 13)
                    .append("\">").append(escape(row.text())).append("</text>");
            y += rowHeight;
        }
        return svg.append("</svg>").toString();
    }

    /** A label the width of the chart holds (the table under the chart has it whole). */
    static String shorten(String label) {
        if (label == null) {
            return "";
        }
        if (label.length() <= MAX_LABEL) {
            return label;
        }
        String start = label.substring(0, MAX_LABEL - 1);
        int lastSpace = start.lastIndexOf(' ');
        return (lastSpace > MAX_LABEL / 2 ? start.substring(0, lastSpace) : start).strip() + "…";
    }

    private static String rect(String css, int y, double width) {
        return "<rect class=\"" + css + "\" x=\"0\" y=\"" + y + "\" width=\"" + fmt(width) + "\" height=\"" + BAR_HEIGHT + "\"/>";
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
