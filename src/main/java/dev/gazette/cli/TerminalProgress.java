package dev.gazette.cli;

import dev.gazette.delivery.Delivery;
import dev.gazette.delivery.DeliveryStatus;
import dev.gazette.delivery.SendProgress;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar with rate and time left, on standard error, when it is a terminal; nothing otherwise (logs
 * and pipes get the summary only).
 */
final class TerminalProgress implements SendProgress, AutoCloseable {
    private final ProgressBar bar;
    private long total;

    private TerminalProgress(ProgressBar bar) {
        this.bar = bar;
    }

    static TerminalProgress open(String task) {
        if (System.console() == null) {
            return new TerminalProgress(null);
        }
        return new TerminalProgress(new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(0)
                .setStyle(ProgressBarStyle.ASCII)
                .setUnit(" msg", 1)
                .showSpeed()
                .setUpdateIntervalMillis(250)
                .setSpeedUnit(java.time.temporal.ChronoUnit.SECONDS)
                .setMaxRenderedLength(100)
                .continuousUpdate()
                .build());
    }

    @Override
    public synchronized void waiting(int count) {
        if (bar != null && count > total) {
            total = count;
            bar.maxHint(total);
        }
    }

    @Override
    public synchronized void finished(Delivery delivery, DeliveryStatus outcome) {
        if (bar != null && outcome.isFinal()) {
            bar.step();
            bar.setExtraMessage(outcome == DeliveryStatus.FAILED ? "last failure: " + delivery.recipient() : "");
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
