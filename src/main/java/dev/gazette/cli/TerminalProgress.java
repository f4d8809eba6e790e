package dev.gazette.cli;

import dev.gazette.delivery.Delivery;
import dev.gazette.delivery.DeliveryStatus;
import dev.gazette.delivery.SendProgress;
import java.time.temporal.ChronoUnit;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar with rate and time left, on standard error, when it is a terminal; nothing otherwise (logs
 * and pipes get the summary only). The bar appears once there is something to send, so a run that sends
 * nothing draws nothing; closing it twice draws it once.
 */
final class TerminalProgress implements SendProgress, AutoCloseable {
    private final String task;
    private final boolean terminal;
    private final ProgressBarConsumer consumer;
    private ProgressBar bar;
    private long total;
    private long done;
    private boolean closed;

    private TerminalProgress(String task, boolean terminal, ProgressBarConsumer consumer) {
        this.task = task;
        this.terminal = terminal;
        this.consumer = consumer;
    }

    /** A bar on standard error if it is a terminal, else nothing. */
    static TerminalProgress open(String task) {
        return new TerminalProgress(task, System.console() != null, null);
    }

    /** A bar drawn to the given consumer, terminal or not (tests read what it draws). */
    static TerminalProgress drawingTo(String task, ProgressBarConsumer consumer) {
        return new TerminalProgress(task, true, consumer);
    }

    @Override
    public synchronized void waiting(int count) {
        // Those waiting now are still to finish: the run's total is what finished so far plus them.
        if (!terminal || closed || count <= 0 || done + count <= total) {
            return;
        }
        total = done + count;
        if (bar == null) {
            ProgressBarBuilder builder = new ProgressBarBuilder()
                    .setTaskName(task)
                    .setInitialMax(total)
                    .setStyle(ProgressBarStyle.ASCII)
                    .setUnit(" msg", 1)
                    .showSpeed()
                    .setSpeedUnit(ChronoUnit.SECONDS)
                    .setUpdateIntervalMillis(250)
                    .setMaxRenderedLength(100)
                    .continuousUpdate();
            if (consumer != null) {
                builder.setConsumer(consumer);
            }
            bar = builder.build();
        } else {
            bar.maxHint(total);
        }
    }

    @Override
    public synchronized void finished(Delivery delivery, DeliveryStatus outcome) {
        if (!outcome.isFinal()) {
            return; // put back for a retry: still to finish
        }
        done++;
        if (bar != null && !closed) {
            bar.step();
            if (outcome == DeliveryStatus.FAILED) {
                bar.setExtraMessage("last failure: " + delivery.recipient());
            }
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (bar != null) {
            bar.close(); // a second close would draw the bar again, over the line printed after it
        }
    }
}
