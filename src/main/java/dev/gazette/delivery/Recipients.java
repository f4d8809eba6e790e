package dev.gazette.delivery;

import dev.gazette.subscriber.Frequency;
import dev.gazette.subscriber.Subscriber;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** What delivery needs to know about subscribers (the subscriber store provides it). */
public interface Recipients {
    /** Active subscribers of that frequency (null: daily and weekly) with an id above {@code afterId}, by id. */
    List<Subscriber> activeBatch(Frequency frequency, long afterId, int limit);

    Optional<Subscriber> find(long id);

    /** The subscribers of these ids that still exist, in one go (a batch of deliveries). */
    List<Subscriber> findAll(Collection<Long> ids);

    Optional<Subscriber> findByEmail(String email);

    /** Their mail server refused the address for good: mail them no more. */
    void markBounced(long id, String reason);
}
