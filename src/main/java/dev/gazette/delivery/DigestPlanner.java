package dev.gazette.delivery;

import dev.gazette.config.DigestConfig;
import dev.gazette.subscriber.Frequency;
import dev.gazette.subscriber.Subscriber;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Finds the subscribers whose digest is due and writes one ledger row per subscriber and edition, before
 * anything is sent. Subscribers are streamed in batches (one query for the batch's ledger state, one batch of
 * inserts for its new rows), so one scheduler trigger covers everyone. Planning twice plans nothing new: the
 * ledger's key is (subscriber, edition).
 */
public final class DigestPlanner {
    static final int BATCH = 500;

    private final Recipients recipients;
    private final DeliveryLedger ledger;
    private final DigestConfig config;
    private final String messageIdDomain;
    private final Clock clock;

    public DigestPlanner(Recipients recipients, DeliveryLedger ledger, DigestConfig config, String messageIdDomain,
            Clock clock) {
        this.recipients = recipients;
        this.ledger = ledger;
        this.config = config;
        this.messageIdDomain = messageIdDomain;
        this.clock = clock;
    }

    /**
     * Plan the due digests.
     *
     * @param frequency only this frequency; null for both
     * @param limit the most subscribers planned
     * @param each told of every subscriber found due, planned now or already planned before
     * @return how many deliveries were written now
     */
    public int plan(PlanMode mode, Frequency frequency, int limit, Consumer<Due> each) {
        return plan(mode, frequency, null, limit, null, each);
    }

    /**
     * Plan the due digests of the subscribers of one topic (or of everyone), for a manual send.
     *
     * @param frequency only this frequency; null for both
     * @param topic only subscribers who follow this topic (its slug); null for everyone
     * @param limit the most subscribers planned
     * @param jobId the manual send the deliveries written now belong to, or null
     * @param each told of every subscriber found due, planned now or already planned before
     * @return how many deliveries were written now
     */
    public int plan(PlanMode mode, Frequency frequency, String topic, int limit, Long jobId, Consumer<Due> each) {
        return walk(mode, frequency, topic, limit, each, jobId, true);
    }

    /** The subscribers {@link #plan} would find due, without writing anything (a dry run). */
    public List<Due> due(PlanMode mode, Frequency frequency, int limit) {
        return due(mode, frequency, null, limit);
    }

    /** The subscribers of a topic (null: everyone) {@link #plan} would find due, without writing anything. */
    public List<Due> due(PlanMode mode, Frequency frequency, String topic, int limit) {
        List<Due> due = new ArrayList<>();
        walk(mode, frequency, topic, limit, due::add, null, false);
        return due;
    }

    /** The window of the digest a subscriber would get now: from their previous digest (or one period back). */
    public Due window(Subscriber subscriber) {
        Instant now = clock.instant();
        Edition edition = SendTimes.current(subscriber, now);
        Instant start = ledger.lastWindowEnds(List.of(subscriber.id()))
                .getOrDefault(subscriber.id(), SendTimes.previous(subscriber, edition).slot());
        return new Due(subscriber, edition, start, now, false);
    }

    private int walk(PlanMode mode, Frequency frequency, String topic, int limit, Consumer<Due> each, Long jobId,
            boolean writing) {
        Instant now = clock.instant();
        int written = 0;
        int seen = 0;
        long afterId = 0;
        while (seen < limit) {
            List<Subscriber> batch = recipients.activeBatch(frequency, afterId, BATCH);
            if (batch.isEmpty()) {
                break;
            }
            afterId = batch.get(batch.size() - 1).id();
            List<Due> due = new ArrayList<>();
            for (Subscriber subscriber : batch) {
                if (seen + due.size() >= limit) {
                    break;
                }
                if (!subscriber.receivesDigests() || topic != null && !subscriber.topics().contains(topic)) {
                    continue;
                }
                Edition edition = SendTimes.current(subscriber, now);
                if (mode == PlanMode.NOW || isDueOnSchedule(subscriber, edition, now)) {
                    due.add(new Due(subscriber, edition, null, now, false));
                }
            }
            written += write(due, now, each, jobId, writing);
            seen += due.size();
        }
        return written;
    }

    private int write(List<Due> due, Instant now, Consumer<Due> each, Long jobId, boolean writing) {
        if (due.isEmpty()) {
            return 0;
        }
        List<Long> ids = due.stream().map(d -> d.subscriber().id()).toList();
        Set<String> planned = ledger.planned(ids, due.stream().map(d -> d.edition().key()).distinct().toList());
        Map<Long, Instant> lastEnds = ledger.lastWindowEnds(ids);
        List<NewDelivery> unplanned = new ArrayList<>();
        for (Due d : due) {
            Subscriber subscriber = d.subscriber();
            boolean known = planned.contains(subscriber.id() + " " + d.edition().key());
            Instant start = lastEnds.getOrDefault(subscriber.id(), SendTimes.previous(subscriber, d.edition()).slot());
            Due resolved = new Due(subscriber, d.edition(), start, now, known);
            if (!known && writing) {
                unplanned.add(newDelivery(resolved, jobId));
            }
            each.accept(resolved);
        }
        return ledger.planAll(unplanned);
    }

    /** The ledger row for a planned digest. */
    NewDelivery newDelivery(Due due, Long jobId) {
        Subscriber subscriber = due.subscriber();
        String edition = due.edition().key();
        return new NewDelivery(subscriber.id(), edition, DeliveryKind.DIGEST, due.windowStart(), due.windowEnd(),
                subscriber.email(), messageId(subscriber.id(), edition), jobId);
    }

    /** A Message-ID that is the same on every attempt, and unique per subscriber and edition. */
    String messageId(long subscriberId, String edition) {
        return "gazette." + subscriberId + "." + edition.replace(':', '-') + "@" + messageIdDomain;
    }

    private boolean isDueOnSchedule(Subscriber subscriber, Edition edition, Instant now) {
        Instant joined = subscriber.confirmedAt() != null ? subscriber.confirmedAt() : subscriber.createdAt();
        if (joined != null && edition.slot().isBefore(joined)) {
            return false; // their first digest is the first period that begins after they joined
        }
        Duration stale = edition.frequency() == Frequency.WEEKLY ? config.weeklyStaleAfter() : config.dailyStaleAfter();
        return Duration.between(edition.slot(), now).compareTo(stale) <= 0;
    }

    /**
     * A subscriber whose digest is due.
     *
     * @param windowStart where its articles start: the end of their previous digest's window, or one period back
     * @param windowEnd where its articles end: the planning time
     * @param alreadyPlanned whether the ledger had it before this planning
     */
    public record Due(Subscriber subscriber, Edition edition, Instant windowStart, Instant windowEnd,
            boolean alreadyPlanned) {}
}
