package dev.gazette;

import dev.gazette.admin.Admin;
import dev.gazette.alert.AlertMails;
import dev.gazette.alert.AlertStore;
import dev.gazette.alert.Alerts;
import dev.gazette.calendar.CalendarFeed;
import dev.gazette.calendar.CalendarLinks;
import dev.gazette.calendar.EventCalendar;
import dev.gazette.config.GazetteConfig;
import dev.gazette.config.SourceConfig;
import dev.gazette.config.TopicConfig;
import dev.gazette.db.Database;
import dev.gazette.db.Settings;
import dev.gazette.delivery.AlertComposer;
import dev.gazette.delivery.DeliveryLedger;
import dev.gazette.delivery.DigestComposer;
import dev.gazette.delivery.DigestDispatcher;
import dev.gazette.delivery.MailRoute;
import dev.gazette.delivery.Mailer;
import dev.gazette.delivery.Recipients;
import dev.gazette.delivery.SendJobs;
import dev.gazette.digest.AlertRenderer;
import dev.gazette.digest.Digest;
import dev.gazette.digest.DigestRenderer;
import dev.gazette.digest.SharedDigests;
import dev.gazette.digest.DigestSelector;
import dev.gazette.digest.EditorNotes;
import dev.gazette.digest.EditorsPicks;
import dev.gazette.item.ItemStore;
import dev.gazette.item.PinnedItems;
import dev.gazette.schedule.GazetteScheduler;
import dev.gazette.source.CollectReport;
import dev.gazette.source.Collector;
import dev.gazette.source.ItemParsers;
import dev.gazette.source.SourceCatalog;
import dev.gazette.source.SourceStore;
import dev.gazette.source.fetch.Fetcher;
import dev.gazette.subscriber.Frequency;
import dev.gazette.subscriber.LinkTokens;
import dev.gazette.subscriber.Subscriber;
import dev.gazette.subscriber.SubscriberLinks;
import dev.gazette.subscriber.SubscriberStore;
import dev.gazette.subscriber.csv.SubscriberImporter;
import dev.gazette.topic.TopicMatcher;
import dev.gazette.topic.TopicStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The composition root: builds every part of Gazette from one configuration, once. Entry points
 * (the CLI, the web server, the scheduler) receive their parts from here.
 */
public final class Gazette implements AutoCloseable {
    private final GazetteConfig config;
    private final Database database;
    private final SourceStore sources;
    private final ItemStore items;
    private final SubscriberStore subscribers;
    private final Collector collector;
    private final LinkTokens tokens;
    private final DeliveryLedger ledger;
    private final DigestSelector selector;
    private final Clock clock;
    private final MailRoute mail;
    private final SourceCatalog catalog;
    private final EditorNotes editorNotes;
    private final PinnedItems pinnedItems;
    private final SendJobs sendJobs;
    private final TopicStore topics;
    private final Admin admin;
    private final Alerts alerts;
    private volatile String baseUrl;

    private Gazette(GazetteConfig config, Database database, Clock clock) {
        this.clock = clock;
        this.config = config;
        this.database = database;
        this.sources = new SourceStore(database.jdbi(), clock);
        this.items = new ItemStore(database.jdbi(), clock);
        this.subscribers = new SubscriberStore(database.jdbi(), clock, config.subscribers());
        ItemParsers parsers = new ItemParsers(config.collect().calendar(), clock);
        this.topics = new TopicStore(database.jdbi(), clock, config.topics());
        Fetcher fetcher = new Fetcher(config.fetch());
        this.collector = new Collector(sources, items, fetcher, parsers::forSource,
                new TopicMatcher(topics::effective), config.fetch(), clock);
        this.catalog = new SourceCatalog(database.jdbi(), config, sources, fetcher, clock);
        sources.sync(catalog.effective());
        this.tokens = new LinkTokens(secret(config, database), clock);
        this.ledger = new DeliveryLedger(database.jdbi(), clock);
        this.editorNotes = new EditorNotes(database.jdbi(), clock);
        this.pinnedItems = new PinnedItems(database.jdbi(), clock);
        this.selector = new DigestSelector(items, config.digest(), config.topics(),
                EditorsPicks.of(editorNotes, pinnedItems));
        this.mail = new MailRoute(config);
        this.admin = new Admin(database.jdbi(), clock, config.admin());
        this.alerts = new Alerts(new AlertStore(database.jdbi(), clock), items, config.alerts(),
                config.topics().stream().map(TopicConfig::slug).toList(), clock);
        this.baseUrl = config.server().baseUrl(config.server().port());
        this.sendJobs = new SendJobs(database.jdbi(), this::digests,
                config.topics().stream().map(TopicConfig::slug).collect(Collectors.toSet()), clock);
    }

    /** The configured secret, or the one generated for this database on first use. */
    private static String secret(GazetteConfig config, Database database) {
        String configured = config.security().secret();
        if (configured != null && !configured.isEmpty()) {
            return configured;
        }
        return new Settings(database.jdbi()).getOrCreate("link-token-secret", () -> {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
        });
    }

    /** Open the database (migrating it), and bring the stored sources in line with the configuration. */
    public static Gazette open(GazetteConfig config, Clock clock) {
        Database database = Database.open(config);
        try {
            return new Gazette(config, database, clock);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public GazetteConfig config() {
        return config;
    }

    /** The clock every part of Gazette reads the time from. */
    public Clock clock() {
        return clock;
    }

    public SourceStore sources() {
        return sources;
    }

    public ItemStore items() {
        return items;
    }

    public SubscriberStore subscribers() {
        return subscribers;
    }

    /** The topics in force: configured, with keywords edited in the admin console; item and subscriber counts. */
    public TopicStore topics() {
        return topics;
    }

    /** Admins, their sessions, API tokens, the audit log and the dashboard's counts. */
    public Admin admin() {
        return admin;
    }

    /** An importer of subscriber files that accepts the configured topics. */
    public SubscriberImporter subscriberImporter() {
        return new SubscriberImporter(subscribers, config.topics());
    }

    /** Sends digests: planning, the delivery ledger, composing and handing over to SMTP. */
    public DigestDispatcher digests() {
        return new DigestDispatcher(config, ledger, recipients(), mail::open, this::composer, alerts.store(),
                this::alertComposer, new SubscriberLinks(baseUrl, tokens), clock);
    }

    /** Manual sends from the console or the API: dry runs, jobs run in the background, their progress. */
    public SendJobs sendJobs() {
        return sendJobs;
    }

    /** Every source, the configuration file's and the admins': the sources in effect, changes, selector tests. */
    public SourceCatalog sourceCatalog() {
        return catalog;
    }

    /** Editor's notes for the next edition. */
    public EditorNotes editorNotes() {
        return editorNotes;
    }

    /** Items pinned (featured) for the next edition. */
    public PinnedItems pinnedItems() {
        return pinnedItems;
    }

    /** The signed-link tokens of this installation. */
    public LinkTokens tokens() {
        return tokens;
    }

    /** Where mail goes: the configured SMTP server, or the demo outbox. */
    public MailRoute mail() {
        return mail;
    }

    /** Tell Gazette the port its web server bound, for the links in emails when server.public-url is empty. */
    public void serving(int port) {
        this.baseUrl = config.server().baseUrl(port);
    }

    /** Keyword alerts: subscribers' queries, their limits, matching new items, "test this query". */
    public Alerts alerts() {
        return alerts;
    }

    /** A composer of alert emails for one send run: templates parsed once. */
    private AlertComposer alertComposer() {
        AlertMails mails = new AlertMails(alerts, items, calendarLinks()::eventUrl);
        AlertRenderer renderer = new AlertRenderer(config.digest());
        return (subscriber, deliveryId, links) -> mails.email(subscriber, deliveryId, links)
                .map(renderer::render).orElse(null);
    }

    /** The addresses of events' .ics files and of subscribers' calendar feeds. */
    public CalendarLinks calendarLinks() {
        return new CalendarLinks(baseUrl, tokens);
    }

    /** Writes events as iCalendar, with UIDs in the mail domain of {@code delivery.from}. */
    public EventCalendar eventCalendar() {
        return new EventCalendar(config.delivery().from(), clock);
    }

    /** Subscribers' calendar feeds: their topics' events up to {@code digest.event-horizon} ahead. */
    public CalendarFeed calendarFeed() {
        return new CalendarFeed(items, eventCalendar(), config.digest().eventHorizon(), clock);
    }

    /** A composer for one send run: items loaded once per window, templates parsed once, each shared content rendered once. */
    private DigestComposer composer() {
        SharedDigests digests = new SharedDigests(selector.forRun(clock.instant()),
                new DigestRenderer(config.digest(), config.topics(), calendarLinks()::eventUrl));
        return (subscriber, windowStart, windowEnd, links) -> {
            SharedDigests.Personal digest = digests.compose(subscriber, windowStart, windowEnd, links);
            return new DigestComposer.Composed(digest.digest(), digest.nothingNew(), digest.articlesByTopic());
        };
    }

    private Recipients recipients() {
        return new Recipients() {
            @Override
            public List<Subscriber> activeBatch(Frequency frequency, long afterId, int limit) {
                return subscribers.activeBatch(frequency, afterId, limit);
            }

            @Override
            public Optional<Subscriber> find(long id) {
                return subscribers.find(id);
            }

            @Override
            public List<Subscriber> findAll(Collection<Long> ids) {
                return subscribers.findAll(ids);
            }

            @Override
            public Optional<Subscriber> findByEmail(String email) {
                return subscribers.findByEmail(email);
            }

            @Override
            public void markBounced(long id, String reason) {
                subscribers.markBounced(id, reason);
            }
        };
    }

    /**
     * Collect every enabled source now, whatever its back-off, and match what is new against the alerts (their
     * emails go out with the next digest check of a running {@code serve}).
     */
    public CollectReport collectNow() {
        CollectReport report = collector.collect(catalog.effective(), Collector.Mode.NOW);
        matchAlerts();
        return report;
    }

    /**
     * What the scheduler runs for a source: collect it (honouring its back-off), match what is new against the
     * alerts, and send the "as it happens" alert emails that found something at once (within their interval).
     */
    public void collectOnSchedule(String sourceId) {
        Optional<SourceConfig> source = source(sourceId);
        if (source.isEmpty()) {
            return;
        }
        collector.collect(source.get(), Collector.Mode.SCHEDULED);
        if (matchAlerts().matched() == 0) {
            return;
        }
        try {
            digests().sendAlerts();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(Gazette.class).warn("alert emails wait for the next digest check: {}",
                    e.getMessage());
        }
    }

    /** Match the items collected since the last time against the alerts; a failure is logged, never thrown. */
    private Alerts.MatchReport matchAlerts() {
        try {
            return alerts.matchNew();
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(Gazette.class).error("matching alerts failed: {}", e.getMessage(), e);
            return new Alerts.MatchReport(0, 0, 0);
        }
    }

    /** Collect the named source now, whatever its back-off. */
    public CollectReport collectNow(String sourceId) {
        SourceConfig source = source(sourceId).orElseThrow(() -> new GazetteException("no source '" + sourceId
                + "' is configured (see: gazette sources list)"));
        CollectReport report = new CollectReport(List.of(collector.collect(source, Collector.Mode.NOW)));
        matchAlerts();
        return report;
    }

    /** A scheduler for collection and digests, not yet started; it follows changes to the sources. */
    public GazetteScheduler scheduler() {
        GazetteScheduler scheduler = new GazetteScheduler(database,
                this::collectOnSchedule,
                this::sendDueDigests);
        catalog.listen(scheduler::reschedule);
        return scheduler;
    }

    private void sendDueDigests() {
        try {
            expireSignUps();
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(Gazette.class).error("deleting unconfirmed sign-ups failed: {}",
                    e.getMessage(), e);
        }
        matchAlerts(); // items another process collected, or left unmatched by a crash
        try {
            digests().sendDue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(Gazette.class).error("sending digests failed: {}", e.getMessage(), e);
        }
    }

    /**
     * Delete the sign-ups not confirmed within {@code subscribers.confirm-within} of signing up (double opt-in); run
     * on every digest tick. Returns how many.
     */
    public int expireSignUps() {
        int deleted = subscribers.deletePendingOlderThan(clock.instant().minus(config.subscribers().confirmWithin()));
        if (deleted > 0) {
            org.slf4j.LoggerFactory.getLogger(Gazette.class).info("deleted {} sign-up(s) not confirmed within {}",
                    deleted, dev.gazette.config.Durations.format(config.subscribers().confirmWithin()));
        }
        return deleted;
    }

    /** The source in effect under that id: the configuration file's, or one added in the console. */
    public Optional<SourceConfig> source(String id) {
        return catalog.find(id);
    }

    @Override
    public void close() {
        sendJobs.close();
        alerts.close();
        mail.close();
        database.close();
    }
}
