package org.acceso.bench;

import org.HdrHistogram.Histogram;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Watches the catcher for the receipts of filings as they are made: polls the mailboxes of the residents with a
 * receipt outstanding, one after another, and records (POST sent) → (receipt first seen) per tracking number. The
 * figure is late by up to one polling cycle per mailbox ({@link #meanCycleMillis()}, reported with it).
 */
final class ReceiptWatcher implements AutoCloseable {

    private final Mail mail;
    private final Map<String, Long> sentNanos = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> pendingByEmail = new ConcurrentHashMap<>();
    private final Histogram latency = Summary.micros();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong cycles = new AtomicLong();
    private final AtomicLong cycleNanos = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    ReceiptWatcher(Mail mail) {
        this.mail = mail;
        this.thread = new Thread(this::loop, "bench-receipts");
        thread.setDaemon(true);
        thread.start();
    }

    void expect(Bench.Filing filing) {
        sentNanos.put(filing.trackingNumber(), filing.sentNanos());
        pendingByEmail.computeIfAbsent(filing.email(), e -> ConcurrentHashMap.newKeySet()).add(filing.trackingNumber());
    }

    long pending() {
        return pendingByEmail.values().stream().mapToLong(Set::size).sum();
    }

    long received() {
        return received.get();
    }

    Summary latency() {
        synchronized (latency) {
            return Summary.ofMicros(latency);
        }
    }

    double meanCycleMillis() {
        return cycles.get() == 0 ? Double.NaN : cycleNanos.get() / 1e6 / cycles.get();
    }

    private void loop() {
        while (running.get()) {
            List<String> emails = pendingByEmail.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                    .map(Map.Entry::getKey).toList();
            if (emails.isEmpty()) {
                Bench.sleep(java.time.Duration.ofMillis(5));
                continue;
            }
            long cycleStart = System.nanoTime();
            for (String email : emails) {
                List<String> seen;
                try {
                    seen = mail.trackingNumbersTo(email);
                } catch (RuntimeException e) {
                    continue;
                }
                long now = System.nanoTime();
                Set<String> pending = pendingByEmail.get(email);
                for (String trackingNumber : seen) {
                    if (pending.remove(trackingNumber)) {
                        Long sent = sentNanos.get(trackingNumber);
                        synchronized (latency) {
                            latency.recordValue(Math.max(1, (now - sent) / 1000));
                        }
                        received.incrementAndGet();
                    }
                }
            }
            cycles.incrementAndGet();
            cycleNanos.addAndGet(System.nanoTime() - cycleStart);
        }
    }

    @Override
    public void close() {
        running.set(false);
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
