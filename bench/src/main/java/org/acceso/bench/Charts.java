package org.acceso.bench;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The report's PNG charts, drawn with java.awt and written with ImageIO (no chart library). */
final class Charts {

    private static final int W = 900;
    private static final int H = 520;
    private static final int LEFT = 80;
    private static final int RIGHT = 230;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;
    private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
            new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b)};

    private Charts() {
    }

    static void write(Results results, Path dir) throws IOException {
        Files.createDirectories(dir);
        throughput(results, dir.resolve("throughput.png"));
        for (Results.Drill drill : results.drills) {
            drill(drill, dir.resolve("drill-" + drill.name() + ".png"));
        }
    }

    /** Throughput against concurrency, log scale: pgbench, the bare endpoint, filings direct and through the gateway. */
    static void throughput(Results results, Path file) throws IOException {
        Map<String, Map<Integer, Double>> series = new LinkedHashMap<>();
        if (!results.pgbench.isEmpty()) {
            series.put("pgbench one-row insert (TPS)", results.pgbench);
        }
        for (String target : List.of(Results.HEALTH_DIRECT, Results.HEALTH_GATEWAY, Results.FILINGS_DIRECT,
                Results.FILINGS_GATEWAY)) {
            Map<Integer, Double> points = new LinkedHashMap<>();
            results.levels.stream().filter(l -> l.target().equals(target))
                    .forEach(l -> points.put(l.concurrency(), l.throughput()));
            if (!points.isEmpty()) {
                series.put(shortName(target), points);
            }
        }
        Map<Integer, Double> pipeline = new LinkedHashMap<>();
        results.pipeline.forEach((c, p) -> pipeline.put(c, p.rate()));
        if (!pipeline.isEmpty()) {
            series.put("filings fully processed (pipeline)", pipeline);
        }
        List<Integer> xs = results.settings.concurrency();
        double max = series.values().stream().flatMap(m -> m.values().stream()).mapToDouble(Double::doubleValue).max().orElse(10);
        double min = series.values().stream().flatMap(m -> m.values().stream()).filter(v -> v > 0)
                .mapToDouble(Double::doubleValue).min().orElse(1);
        double logMin = Math.floor(Math.log10(Math.max(0.1, min)));
        double logMax = Math.ceil(Math.log10(Math.max(max, 1)));
        if (logMax <= logMin) {
            logMax = logMin + 1;
        }
        BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(image, "Throughput against concurrency (per second, log scale)" + (results.settings.quick() ? ", --quick run" : ""));
        int plotW = W - LEFT - RIGHT;
        int plotH = H - TOP - BOTTOM;
        g.setColor(Color.LIGHT_GRAY);
        for (double e = logMin; e <= logMax; e++) {
            int y = TOP + plotH - (int) ((e - logMin) / (logMax - logMin) * plotH);
            g.drawLine(LEFT, y, LEFT + plotW, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format("%,.0f", Math.pow(10, e)).replace(".0", ""), 10, y + 4);
            g.setColor(Color.LIGHT_GRAY);
        }
        g.setColor(Color.DARK_GRAY);
        for (int i = 0; i < xs.size(); i++) {
            int x = LEFT + (xs.size() == 1 ? plotW / 2 : i * plotW / (xs.size() - 1));
            g.drawString("c=" + xs.get(i), x - 12, TOP + plotH + 20);
        }
        g.drawString("concurrent clients (connections)", LEFT + plotW / 2 - 90, H - 15);
        int legendY = TOP + 10;
        int s = 0;
        for (Map.Entry<String, Map<Integer, Double>> entry : series.entrySet()) {
            Color color = COLORS[s++ % COLORS.length];
            g.setColor(color);
            g.setStroke(new BasicStroke(2.5f));
            int px = -1;
            int py = -1;
            for (int i = 0; i < xs.size(); i++) {
                Double v = entry.getValue().get(xs.get(i));
                if (v == null || v <= 0) {
                    continue;
                }
                int x = LEFT + (xs.size() == 1 ? plotW / 2 : i * plotW / (xs.size() - 1));
                int y = TOP + plotH - (int) ((Math.log10(v) - logMin) / (logMax - logMin) * plotH);
                g.fillOval(x - 4, y - 4, 8, 8);
                if (px >= 0) {
                    g.drawLine(px, py, x, y);
                }
                px = x;
                py = y;
            }
            g.fillRect(W - RIGHT + 15, legendY - 8, 12, 12);
            g.setColor(Color.BLACK);
            g.setFont(g.getFont().deriveFont(11f));
            g.drawString(entry.getKey(), W - RIGHT + 32, legendY + 2);
            legendY += 22;
        }
        axes(g, plotW, plotH);
        ImageIO.write(image, "png", file.toFile());
    }

    /** Latency of each filing through a drill against time, the fault's window shaded, failures in red on top. */
    static void drill(Results.Drill drill, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(image, "Drill " + drill.name() + ": filing latency over time (" + drill.counts() + ")");
        int plotW = W - LEFT - RIGHT;
        int plotH = H - TOP - BOTTOM;
        List<Sample> samples = new ArrayList<>(drill.samples());
        long begin = drill.beginEpochMs();
        long end = samples.stream().mapToLong(x -> x.sentEpochMs() + x.latencyNanos() / 1_000_000).max().orElse(begin + 1000);
        double seconds = Math.max(1, (end - begin) / 1000.0);
        double maxMs = Math.max(100, samples.stream().mapToDouble(x -> x.latencyNanos() / 1e6).max().orElse(100));
        double logMin = 0;
        double logMax = Math.ceil(Math.log10(maxMs));
        g.setColor(new Color(255, 230, 200));
        int fx1 = LEFT + (int) ((drill.faultFromEpochMs() - begin) / 1000.0 / seconds * plotW);
        int fx2 = LEFT + (int) ((drill.faultToEpochMs() - begin) / 1000.0 / seconds * plotW);
        g.fillRect(fx1, TOP, Math.max(2, fx2 - fx1), plotH);
        g.setColor(Color.LIGHT_GRAY);
        for (double e = logMin; e <= logMax; e++) {
            int y = TOP + plotH - (int) ((e - logMin) / (logMax - logMin) * plotH);
            g.drawLine(LEFT, y, LEFT + plotW, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format("%,.0f ms", Math.pow(10, e)), 10, y + 4);
            g.setColor(Color.LIGHT_GRAY);
        }
        g.setColor(Color.DARK_GRAY);
        for (int t = 0; t <= seconds; t += seconds > 120 ? 20 : 10) {
            int x = LEFT + (int) (t / seconds * plotW);
            g.drawString(t + " s", x - 8, TOP + plotH + 20);
        }
        g.drawString("seconds since the drill's load started (shaded: " + drill.fault() + ")", LEFT, H - 15);
        for (Sample sample : samples) {
            int x = LEFT + (int) ((sample.sentEpochMs() - begin) / 1000.0 / seconds * plotW);
            double ms = Math.max(1, sample.latencyNanos() / 1e6);
            int y = TOP + plotH - (int) ((Math.log10(ms) - logMin) / (logMax - logMin) * plotH);
            if (sample.status() == 201) {
                g.setColor(new Color(31, 119, 180, 160));
                g.fillOval(x - 2, y - 2, 4, 4);
            } else {
                g.setColor(sample.answered() && sample.status() < 500 ? new Color(0xff7f0e) : new Color(0xd62728));
                g.fillRect(x - 2, y - 2, 5, 5);
            }
        }
        int legendY = TOP + 10;
        for (Object[] item : new Object[][]{{new Color(31, 119, 180), "201 Created"},
                {new Color(0xd62728), "5xx or no answer (refused)"}, {new Color(0xff7f0e), "other status"},
                {new Color(255, 200, 150), "fault until recovered"}}) {
            g.setColor((Color) item[0]);
            g.fillRect(W - RIGHT + 15, legendY - 8, 12, 12);
            g.setColor(Color.BLACK);
            g.drawString((String) item[1], W - RIGHT + 32, legendY + 2);
            legendY += 22;
        }
        g.drawString("accepted " + drill.accepted() + ", refused " + (drill.refused5xx() + drill.connectionErrors()),
                W - RIGHT + 15, legendY + 10);
        axes(g, plotW, plotH);
        ImageIO.write(image, "png", file.toFile());
    }

    private static Graphics2D canvas(BufferedImage image, String title) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, W, H);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString(title, LEFT, 28);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        return g;
    }

    private static void axes(Graphics2D g, int plotW, int plotH) {
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1f));
        g.drawLine(LEFT, TOP, LEFT, TOP + plotH);
        g.drawLine(LEFT, TOP + plotH, LEFT + plotW, TOP + plotH);
        g.dispose();
    }

    private static String shortName(String target) {
        return switch (target) {
            case Results.HEALTH_DIRECT -> "bare endpoint, request-service";
            case Results.HEALTH_GATEWAY -> "bare endpoint, gateway";
            case Results.FILINGS_DIRECT -> "filings, request-service direct";
            case Results.FILINGS_GATEWAY -> "filings through the gateway";
            default -> target;
        };
    }
}
