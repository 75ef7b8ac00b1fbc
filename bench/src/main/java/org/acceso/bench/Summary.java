package org.acceso.bench;

import org.HdrHistogram.Histogram;

/** Latency percentiles of one measurement, in milliseconds. */
record Summary(long count, double p50, double p95, double p99, double max) {

    static final Summary EMPTY = new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    /** A histogram recorded in microseconds. */
    static Summary ofMicros(Histogram histogram) {
        if (histogram.getTotalCount() == 0) {
            return EMPTY;
        }
        return new Summary(histogram.getTotalCount(), histogram.getValueAtPercentile(50) / 1000.0,
                histogram.getValueAtPercentile(95) / 1000.0, histogram.getValueAtPercentile(99) / 1000.0,
                histogram.getMaxValue() / 1000.0);
    }

    /** A new histogram for microseconds, 1 µs to 10 min, 3 significant digits. */
    static Histogram micros() {
        return new Histogram(1, 600_000_000L, 3);
    }
}
