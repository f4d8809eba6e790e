package dev.gazette.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.delivery.Delivery;
import dev.gazette.delivery.DeliveryKind;
import dev.gazette.delivery.DeliveryStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import me.tongfei.progressbar.ProgressBarConsumer;
import org.junit.jupiter.api.Test;

/** The send progress bar, drawn into a recording consumer instead of a terminal. */
class TerminalProgressTest {

    /** Keeps every frame drawn, and counts closes. */
    static final class Frames implements ProgressBarConsumer {
        final List<String> drawn = new ArrayList<>();
        int closes;

        @Override
        public synchronized void accept(String frame) {
            drawn.add(frame);
        }

        @Override
        public int getMaxRenderedLength() {
            return 120;
        }

        @Override
        public synchronized void close() {
            closes++;
        }

        synchronized String last() {
            return drawn.get(drawn.size() - 1);
        }
    }

    private static Delivery delivery(String recipient) {
        Instant now = Instant.now();
        return new Delivery(1, 1, "weekly:2026-11-23", DeliveryKind.DIGEST, now, now, recipient, DeliveryStatus.SENDING,
                1, null, "id@example.org", null, now, now, null, null);
    }

    @Test
    void countsFinishedDeliveriesAgainstThoseWaitingAndDrawsNothingAfterClosing() {
        Frames frames = new Frames();
        TerminalProgress progress = TerminalProgress.drawingTo("Sending", frames);

        progress.waiting(3);
        progress.finished(delivery("a@example.org"), DeliveryStatus.SENT);
        progress.finished(delivery("b@example.org"), DeliveryStatus.QUEUED); // put back for a retry
        progress.finished(delivery("c@example.org"), DeliveryStatus.SKIPPED);
        progress.waiting(1); // the retry's batch: still within the three
        progress.finished(delivery("b@example.org"), DeliveryStatus.FAILED);
        progress.close(); // draws the last frame before it returns
        int drawn = frames.drawn.size();

        assertThat(frames.last()).startsWith("Sending").contains("3/3 msg").contains("last failure: b@example.org");

        progress.close(); // as try-with-resources does after an explicit close
        progress.finished(delivery("d@example.org"), DeliveryStatus.SENT);

        assertThat(frames.drawn).as("nothing drawn after the first close, over the summary printed below the bar")
                .hasSize(drawn);
        // (the library closes its consumer on close only once it drew its first frame on its own thread)
        assertThat(frames.closes).isLessThanOrEqualTo(1);
    }

    @Test
    void moreWaitingThanFirstAnnouncedRaisesTheTotal() {
        Frames frames = new Frames();
        try (TerminalProgress progress = TerminalProgress.drawingTo("Sending", frames)) {
            progress.waiting(2); // planned now
            progress.finished(delivery("a@example.org"), DeliveryStatus.SENT);
            progress.waiting(3); // one done, three more waiting (one left over from an earlier run)
            for (int i = 0; i < 3; i++) {
                progress.finished(delivery("x" + i + "@example.org"), DeliveryStatus.SENT);
            }
        }
        assertThat(frames.last()).contains("4/4 msg");
    }

    @Test
    void aRunWithNothingToSendDrawsNoBar() {
        Frames frames = new Frames();
        try (TerminalProgress progress = TerminalProgress.drawingTo("Sending", frames)) {
            progress.waiting(0);
        }
        assertThat(frames.drawn).isEmpty();
        assertThat(frames.closes).isZero();
    }
}
