package dev.gazette.subscriber;

import dev.gazette.db.SqlErrors;
import dev.gazette.GazetteException;
import dev.gazette.config.SubscribersConfig;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The subscribers: one per address, compared case-insensitively and stored as given, with the
 * topics each follows. Imports and forms go through {@link #upsert}, which never brings back an
 * address that unsubscribed or bounced; the digest planner reads them in id order through
 * {@link #activeBatch}.
 */
public final class SubscriberStore {
    /** The longest name stored, in UTF-16 characters. */
    public static final int MAX_NAME_LENGTH = 200;
    /** The longest language tag stored. */
    public static final int MAX_LOCALE_LENGTH = 35;
    private static final int MAX_REASON_LENGTH = 1000;
    private static final String IMPORTED_AS_BOUNCED = "marked bounced in an imported file";

    private final Jdbi jdbi;
    private final Clock clock;
    private final ZoneId defaultZone;
    private final Locale defaultLocale;
    private final DayOfWeek defaultSendDay;
    private final int defaultSendHour;

    /** @param defaults the time zone, language, send day and hour of a new subscriber who gives none */
    public SubscriberStore(Jdbi jdbi, Clock clock, SubscribersConfig defaults) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.defaultZone = ZoneId.of(defaults.timeZone());
        this.defaultLocale = Locale.forLanguageTag(defaults.locale());
        this.defaultSendDay = defaults.sendDay();
        this.defaultSendHour = defaults.sendHour();
    }

    public Optional<Subscriber> find(long id) {
        return jdbi.withHandle(handle -> {
            SubscriberDao dao = handle.attach(SubscriberDao.class);
            return dao.find(id).map(s -> withTopics(dao, List.of(s)).get(0));
        });
    }

    /** The subscribers of these ids that exist, in id order (one query for them, one for their topics). */
    public List<Subscriber> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(handle -> {
            SubscriberDao dao = handle.attach(SubscriberDao.class);
            return withTopics(dao, dao.byIds(ids));
        });
    }

    /** The subscriber with this address, whatever its case. */
    public Optional<Subscriber> findByEmail(String email) {
        return jdbi.withHandle(handle -> {
            SubscriberDao dao = handle.attach(SubscriberDao.class);
            return dao.findByEmailKey(EmailAddresses.key(email)).map(s -> withTopics(dao, List.of(s)).get(0));
        });
    }

    /** Subscribers matching the query, in id order. */
    public List<Subscriber> list(SubscriberQuery query) {
        String pattern = query.search() == null || query.search().isBlank() ? null
                : "%" + likeEscaped(query.search().strip().toLowerCase(Locale.ROOT)) + "%";
        return jdbi.withHandle(handle -> {
            SubscriberDao dao = handle.attach(SubscriberDao.class);
            return withTopics(dao, dao.list(query.status() == null ? null : query.status().name(), query.topic(),
                    pattern, query.afterId(), query.limit()));
        });
    }

    /**
     * The next batch of subscribers who get digests: ACTIVE, with an id above {@code afterId}, in id
     * order. Pass the last id of one batch to get the next; an empty list means done.
     *
     * @param frequency only DAILY or only WEEKLY subscribers; null for both (never PAUSED ones)
     */
    public List<Subscriber> activeBatch(Frequency frequency, long afterId, int limit) {
        return jdbi.withHandle(handle -> {
            SubscriberDao dao = handle.attach(SubscriberDao.class);
            return withTopics(dao, frequency == null ? dao.activeBatch(afterId, limit)
                    : dao.activeBatchOf(frequency.name(), afterId, limit));
        });
    }

    /** {@link #upsert(SubscriberDraft, SubscriberStatus)} for an address the admin vouches for: new ones are ACTIVE. */
    public UpsertOutcome upsert(SubscriberDraft draft) {
        return upsert(draft, SubscriberStatus.ACTIVE);
    }

    /**
     * Add or update the subscriber with the draft's address, in one transaction; repeating it changes
     * nothing more. A new address gets {@code status} (ACTIVE counts as confirmed now), the draft's
     * details, and the configured defaults for what the draft leaves null. A known address:
     * <ul>
     *   <li>UNSUBSCRIBED or BOUNCED: nothing is written and it stays so ({@link UpsertOutcome#KEPT_INACTIVE},
     *       or UNCHANGED when the draft says the same);</li>
     *   <li>otherwise its details are replaced (topics as a whole; null time zone, locale, send day or
     *       hour keep the stored value) and its status kept, unless {@code status} is UNSUBSCRIBED or
     *       BOUNCED: a file may end a subscription, never start one again.</li>
     * </ul>
     * Two upserts of the same new address at once store it once: the loser of the race retries as an update.
     */
    public UpsertOutcome upsert(SubscriberDraft draft, SubscriberStatus status) {
        checkDraft(draft);
        Objects.requireNonNull(status, "status");
        try {
            return upsertOnce(draft, status);
        } catch (UnableToExecuteStatementException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                // Another upsert inserted the same address between our look-up and our insert.
                return upsertOnce(draft, status);
            }
            throw e;
        }
    }

    private UpsertOutcome upsertOnce(SubscriberDraft draft, SubscriberStatus status) {
        return jdbi.inTransaction(handle -> {
            SubscriberDao dao = handle.attach(SubscriberDao.class);
            Instant now = clock.instant();
            List<String> topics = draft.topics().stream().distinct().sorted().toList();
            Optional<Subscriber> known = dao.findByEmailKey(EmailAddresses.key(draft.email()))
                    .map(s -> withTopics(dao, List.of(s)).get(0));
            if (known.isEmpty()) {
                SubscriberDao.Row row = row(draft, status, defaultSendDay, defaultSendHour, defaultZone, defaultLocale);
                long id = dao.insert(row, now, status == SubscriberStatus.ACTIVE ? now : null,
                        status == SubscriberStatus.UNSUBSCRIBED ? now : null, status == SubscriberStatus.BOUNCED ? now : null,
                        status == SubscriberStatus.BOUNCED ? IMPORTED_AS_BOUNCED : null);
                dao.insertTopics(id, topics);
                return UpsertOutcome.NEW;
            }
            Subscriber stored = known.get();
            boolean ends = isInactive(status) && !isInactive(stored.status());
            SubscriberDao.Row wanted = row(draft, ends ? status : stored.status(), stored.sendDay(), stored.sendHour(),
                    stored.timeZone(), stored.locale());
            boolean same = wanted.equals(row(stored)) && topics.equals(stored.topics());
            if (isInactive(stored.status())) {
                return same && status == stored.status() ? UpsertOutcome.UNCHANGED : UpsertOutcome.KEPT_INACTIVE;
            }
            if (same) {
                return UpsertOutcome.UNCHANGED;
            }
            dao.update(stored.id(), wanted, now, IMPORTED_AS_BOUNCED);
            if (!topics.equals(stored.topics())) {
                dao.deleteTopics(stored.id());
                dao.insertTopics(stored.id(), topics);
            }
            return UpsertOutcome.UPDATED;
        });
    }

    /**
     * Store a sign-up from the public subscribe form. A new address is added as PENDING (it gets digests once its
     * owner confirms, see {@link #updateStatus}) and returned. A known address is left exactly as it is, whatever
     * its status, and empty is returned: unlike {@link #upsert}, which replaces a known address's details, a form
     * anyone can fill in never changes a stored subscriber. Two sign-ups of one new address at once store it once.
     */
    public Optional<Subscriber> signUp(SubscriberDraft draft) {
        return insertIfNew(draft, SubscriberStatus.PENDING).flatMap(this::find);
    }

    /**
     * Add a subscriber from a file only if the address is new (with {@code status}; ACTIVE counts as confirmed now);
     * a known address is left exactly as it is, whatever the file says: its reader may have changed their
     * preferences on the web since ({@code serve}'s import at start-up). Returns NEW or UNCHANGED.
     */
    public UpsertOutcome addIfNew(SubscriberDraft draft, SubscriberStatus status) {
        Objects.requireNonNull(status, "status");
        return insertIfNew(draft, status).isPresent() ? UpsertOutcome.NEW : UpsertOutcome.UNCHANGED;
    }

    /** Insert a new address with its topics; empty when it is known (also when another insert won the race). */
    private Optional<Long> insertIfNew(SubscriberDraft draft, SubscriberStatus status) {
        checkDraft(draft);
        try {
            return jdbi.inTransaction(handle -> {
                SubscriberDao dao = handle.attach(SubscriberDao.class);
                if (dao.findByEmailKey(EmailAddresses.key(draft.email())).isPresent()) {
                    return Optional.<Long>empty();
                }
                Instant now = clock.instant();
                long id = dao.insert(row(draft, status, defaultSendDay, defaultSendHour, defaultZone, defaultLocale),
                        now, status == SubscriberStatus.ACTIVE ? now : null,
                        status == SubscriberStatus.UNSUBSCRIBED ? now : null, status == SubscriberStatus.BOUNCED ? now : null,
                        status == SubscriberStatus.BOUNCED ? IMPORTED_AS_BOUNCED : null);
                dao.insertTopics(id, draft.topics().stream().distinct().sorted().toList());
                return Optional.of(id);
            });
        } catch (UnableToExecuteStatementException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                return Optional.empty(); // another insert of the same address won the race
            }
            throw e;
        }
    }

    /**
     * Replace what a subscriber chose in the preference centre (name, topics, frequency, send day and hour, zone,
     * language); their address and status stay. Returns false when there is no such subscriber.
     *
     * @throws GazetteException for a name longer than {@link #MAX_NAME_LENGTH}, an hour outside 0 to 23, or a
     *     language tag longer than {@link #MAX_LOCALE_LENGTH}
     */
    public boolean updatePreferences(long id, SubscriberPreferences preferences) {
        Objects.requireNonNull(preferences, "preferences");
        if (preferences.name().length() > MAX_NAME_LENGTH) {
            throw new GazetteException("the name is longer than " + MAX_NAME_LENGTH + " characters");
        }
        if (preferences.sendHour() < 0 || preferences.sendHour() > 23) {
            throw new GazetteException("send hour " + preferences.sendHour() + " is not an hour from 0 to 23");
        }
        String locale = preferences.locale().toLanguageTag();
        if (locale.length() > MAX_LOCALE_LENGTH) {
            throw new GazetteException("the language tag " + locale + " is longer than " + MAX_LOCALE_LENGTH
                    + " characters");
        }
        SubscriberDao.PreferencesRow row = new SubscriberDao.PreferencesRow(preferences.name(),
                preferences.frequency().name(), preferences.sendDay().name(), preferences.sendHour(),
                preferences.timeZone().getId(), locale);
        return jdbi.inTransaction(handle -> {
            SubscriberDao dao = handle.attach(SubscriberDao.class);
            if (dao.updatePreferences(id, row, clock.instant()) == 0) {
                return false;
            }
            List<String> stored = dao.topicsOf(List.of(id)).stream().map(SubscriberDao.TopicRow::topic).toList();
            if (!stored.equals(preferences.topics())) {
                dao.deleteTopics(id);
                dao.insertTopics(id, preferences.topics());
            }
            return true;
        });
    }

    /**
     * Forget the sign-ups that were not confirmed in time: every PENDING subscriber created before {@code cutoff},
     * with their topics and deliveries. Returns how many.
     */
    public int deletePendingOlderThan(Instant cutoff) {
        return jdbi.withExtension(SubscriberDao.class, dao -> dao.deletePendingOlderThan(cutoff));
    }

    /**
     * Their mail server refused the address for good: no more mail to it. Applies to ACTIVE and
     * PENDING subscribers; returns whether it did.
     */
    public boolean markBounced(long id, String reason) {
        String cut = reason == null ? "" : reason.length() > MAX_REASON_LENGTH ? reason.substring(0, MAX_REASON_LENGTH) : reason;
        return jdbi.withExtension(SubscriberDao.class, dao -> dao.markBounced(id, cut, clock.instant())) > 0;
    }

    /** They asked to stop. Returns false when there is no such subscriber or they already had. */
    public boolean unsubscribe(long id) {
        return jdbi.withExtension(SubscriberDao.class, dao -> dao.unsubscribe(id, clock.instant())) > 0;
    }

    /**
     * Set the status by hand (an admin's decision; ACTIVE counts as confirmed now). Returns false when
     * there is no such subscriber or the status was already that.
     */
    public boolean updateStatus(long id, SubscriberStatus status) {
        Objects.requireNonNull(status, "status");
        return jdbi.withExtension(SubscriberDao.class, dao -> dao.updateStatus(id, status.name(), clock.instant())) > 0;
    }

    /**
     * Invalidate every link signed for them so far (unsubscribe, preferences, and their calendar feed's address) by
     * raising their token version and their calendar version; returns the new token version.
     *
     * @throws GazetteException when there is no such subscriber
     */
    public int revokeTokens(long id) {
        return jdbi.inTransaction(handle -> {
            SubscriberDao dao = handle.attach(SubscriberDao.class);
            if (dao.revokeTokens(id, clock.instant()) == 0) {
                throw new GazetteException("no subscriber with id " + id);
            }
            return dao.tokenVersion(id).orElseThrow();
        });
    }

    /**
     * Give them a new calendar feed address: raising their calendar version revokes the old one, while the links in
     * their emails keep working. Returns the new calendar version.
     *
     * @throws GazetteException when there is no such subscriber
     */
    public int revokeCalendar(long id) {
        return jdbi.inTransaction(handle -> {
            SubscriberDao dao = handle.attach(SubscriberDao.class);
            if (dao.revokeCalendar(id, clock.instant()) == 0) {
                throw new GazetteException("no subscriber with id " + id);
            }
            return dao.calendarVersion(id).orElseThrow();
        });
    }

    /** How many subscribers are in each status; every status is present, zero included. */
    public Map<SubscriberStatus, Integer> countByStatus() {
        Map<SubscriberStatus, Integer> counts = new EnumMap<>(SubscriberStatus.class);
        for (SubscriberStatus status : SubscriberStatus.values()) {
            counts.put(status, 0);
        }
        jdbi.withExtension(SubscriberDao.class, SubscriberDao::countByStatus)
                .forEach(c -> counts.put(SubscriberStatus.valueOf(c.status()), c.total()));
        return counts;
    }

    /** Forget a subscriber entirely, with their topics and deliveries. Returns whether there was one. */
    public boolean delete(long id) {
        return jdbi.withExtension(SubscriberDao.class, dao -> dao.delete(id)) > 0;
    }

    private static void checkDraft(SubscriberDraft draft) {
        Objects.requireNonNull(draft, "draft");
        Objects.requireNonNull(draft.frequency(), "frequency");
        EmailAddresses.problem(draft.email()).ifPresent(problem -> {
            throw new GazetteException("invalid address '" + draft.email() + "': " + problem);
        });
        if (draft.name() != null && draft.name().length() > MAX_NAME_LENGTH) {
            throw new GazetteException("the name of " + draft.email() + " is longer than " + MAX_NAME_LENGTH + " characters");
        }
        if (draft.locale() != null && draft.locale().toLanguageTag().length() > MAX_LOCALE_LENGTH) {
            throw new GazetteException("the language tag of " + draft.email() + " is longer than " + MAX_LOCALE_LENGTH
                    + " characters");
        }
        if (draft.sendHour() != null && (draft.sendHour() < 0 || draft.sendHour() > 23)) {
            throw new GazetteException("send hour " + draft.sendHour() + " is not an hour from 0 to 23");
        }
    }

    private static SubscriberDao.Row row(SubscriberDraft d, SubscriberStatus status, DayOfWeek day, int hour, ZoneId zone,
            Locale locale) {
        return new SubscriberDao.Row(d.email(), EmailAddresses.key(d.email()), d.name() == null ? "" : d.name(),
                status.name(), d.frequency().name(), (d.sendDay() == null ? day : d.sendDay()).name(),
                d.sendHour() == null ? hour : d.sendHour(), (d.timeZone() == null ? zone : d.timeZone()).getId(),
                (d.locale() == null ? locale : d.locale()).toLanguageTag());
    }

    private static SubscriberDao.Row row(Subscriber s) {
        return new SubscriberDao.Row(s.email(), EmailAddresses.key(s.email()), s.name(), s.status().name(),
                s.frequency().name(), s.sendDay().name(), s.sendHour(), s.timeZone().getId(), s.locale().toLanguageTag());
    }

    private static boolean isInactive(SubscriberStatus status) {
        return status == SubscriberStatus.UNSUBSCRIBED || status == SubscriberStatus.BOUNCED;
    }

    private static List<Subscriber> withTopics(SubscriberDao dao, List<Subscriber> subscribers) {
        if (subscribers.isEmpty()) {
            return subscribers;
        }
        Map<Long, List<String>> topics = new HashMap<>();
        List<Long> ids = subscribers.stream().map(Subscriber::id).toList();
        for (int i = 0; i < ids.size(); i += 500) {
            dao.topicsOf(ids.subList(i, Math.min(ids.size(), i + 500))).forEach(row ->
                    topics.computeIfAbsent(row.subscriberId(), k -> new ArrayList<>()).add(row.topic()));
        }
        return subscribers.stream().map(s -> new Subscriber(s.id(), s.email(), s.name(), s.status(),
                topics.getOrDefault(s.id(), List.of()).stream().sorted().toList(), s.frequency(), s.sendDay(),
                s.sendHour(), s.timeZone(), s.locale(), s.tokenVersion(), s.calendarVersion(), s.createdAt(), s.confirmedAt())).toList();
    }

    private static String likeEscaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
