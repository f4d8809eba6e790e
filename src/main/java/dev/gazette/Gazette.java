package dev.gazette;

import dev.gazette.config.GazetteConfig;
import dev.gazette.config.SourceConfig;
import dev.gazette.db.Database;
import dev.gazette.item.ItemStore;
import dev.gazette.schedule.GazetteScheduler;
import dev.gazette.source.CollectReport;
import dev.gazette.source.Collector;

import dev.gazette.source.ItemParsers;
import dev.gazette.source.SourceStore;
import dev.gazette.source.fetch.Fetcher;
import dev.gazette.topic.TopicMatcher;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The composition root: builds every part of Gazette from one configuration, once. Entry points
 * (the CLI, the web server, the scheduler) receive their parts from here.
 */
public final class Gazette implements AutoCloseable {
    private final GazetteConfig config;
    private final Database database;
    private final SourceStore sources;
    private final ItemStore items;
    private final Collector collector;

    private Gazette(GazetteConfig config, Database database, Clock clock) {
        this.config = config;
        this.database = database;
        this.sources = new SourceStore(database.jdbi(), clock);
        this.items = new ItemStore(database.jdbi(), clock);
        ItemParsers parsers = new ItemParsers(config.collect().calendar(), clock);
        this.collector = new Collector(sources, items, new Fetcher(config.fetch()), parsers::forSource,
                new TopicMatcher(config.topics()), config.fetch(), clock);
        sources.sync(config.sources());
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

    public SourceStore sources() {
        return sources;
    }

    public ItemStore items() {
        return items;
    }

    /** Collect every enabled source now, whatever its back-off. */
    public CollectReport collectNow() {
        return collector.collect(config.sources(), Collector.Mode.NOW);
    }

    /** Collect the named source now, whatever its back-off. */
    public CollectReport collectNow(String sourceId) {
        SourceConfig source = source(sourceId).orElseThrow(() -> new GazetteException("no source '" + sourceId
                + "' is configured (see: gazette sources list)"));
        return new CollectReport(List.of(collector.collect(source, Collector.Mode.NOW)));
    }

    /** A scheduler for collection, not yet started. */
    public GazetteScheduler scheduler() {
        return new GazetteScheduler(database, sourceId ->
                source(sourceId).ifPresent(source -> collector.collect(source, Collector.Mode.SCHEDULED)));
    }

    public Optional<SourceConfig> source(String id) {
        return config.sources().stream().filter(s -> s.id().equals(id)).findFirst();
    }

    @Override
    public void close() {
        database.close();
    }
}
