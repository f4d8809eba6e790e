package dev.gazette.delivery;

import dev.gazette.alert.AlertFrequency;
import dev.gazette.alert.AlertStore;
import dev.gazette.alert.WaitingMatches;
import dev.gazette.subscriber.Frequency;
import dev.gazette.subscriber.Subscriber;
import dev.gazette.subscriber.SubscriberStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Writes alert emails into the ledger for the subscribers whose alert matches wait: "as it happens" ones at once,
 * unless the subscriber had one less than {@code alerts.instant-interval} ago (the matches then wait, and go out
 * together in the next); daily and weekly ones once their period's send time (the subscriber's send day and hour,
 * in their zone) has come. Which matches an email carries is settled when it is composed ({@link AlertStore#claim}):
 * those found up to its planning time that no other email took.
 */
final class AlertPlanner {
    private final Recipients recipients;
    private final DeliveryLedger ledger;
    private final AlertStore alerts;
    private final Duration instantInterval;
    private final DigestPlanner digests;
    private final Clock clock;

    /** @param digests for Message-IDs made the same way as digests' */
    AlertPlanner(Recipients recipients, DeliveryLedger ledger, AlertStore alerts, Duration instantInterval,
            DigestPlanner digests, Clock clock) {
        this.recipients = recipients;
        this.ledger = ledger;
        this.alerts = alerts;
        this.instantInterval = instantInterval;
        this.digests = digests;
        this.clock = clock;
    }

    /** Plan the alert emails that are due now; returns how many were written. */
    int plan() {
        Instant now = clock.instant();
        int written = 0;
        for (WaitingMatches waiting : alerts.waiting()) {
            Optional<Subscriber> found = recipients.find(waiting.subscriberId());
            if (found.isEmpty() || found.get().status() != SubscriberStatus.ACTIVE) {
                continue; // their alerts are not matched any more; what waits is never sent
            }
            Subscriber subscriber = found.get();
            Optional<String> edition = edition(subscriber, waiting, now);
            if (edition.isPresent() && ledger.plan(new NewDelivery(subscriber.id(), edition.get(), DeliveryKind.ALERT,
                    waiting.oldest(), now, subscriber.email(), digests.messageId(subscriber.id(), edition.get())))) {
                written++;
            }
        }
        return written;
    }

    /** The edition of the alert email due now for these waiting matches, or empty when they must wait. */
    private Optional<String> edition(Subscriber subscriber, WaitingMatches waiting, Instant now) {
        if (waiting.frequency() == AlertFrequency.INSTANT) {
            Optional<Instant> last = ledger.lastAlertAt(subscriber.id(), AlertEditions.INSTANT_PREFIX);
            if (last.isPresent() && last.get().plus(instantInterval).isAfter(now)) {
                return Optional.empty(); // coalesced into the next one
            }
            return Optional.of(AlertEditions.instant(now, instantInterval));
        }
        Frequency frequency = waiting.frequency() == AlertFrequency.DAILY ? Frequency.DAILY : Frequency.WEEKLY;
        Edition period = SendTimes.current(subscriber, frequency, now);
        if (waiting.oldest().isAfter(period.slot())) {
            return Optional.empty(); // found after this period's send time: they go out at the next one
        }
        return Optional.of(AlertEditions.periodic(period));
    }
}
