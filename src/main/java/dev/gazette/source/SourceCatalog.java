package dev.gazette.source;

import dev.gazette.config.GazetteConfig;
import dev.gazette.config.PageSelectors;
import dev.gazette.config.SourceConfig;
import dev.gazette.config.SourceType;
import dev.gazette.config.SourceValidation;
import dev.gazette.config.TopicConfig;
import dev.gazette.db.SqlErrors;
import dev.gazette.item.ItemKind;
import dev.gazette.source.SourceChangeException.Problem;
import dev.gazette.source.fetch.Fetcher;
import dev.gazette.source.page.SelectorTestResult;
import dev.gazette.source.page.SelectorTester;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Every source Gazette collects: those of the configuration file and those admins add in the console (kept in the
 * database). The sources in effect are the file's, each switched on or off as the console last said, then the
 * admins' whose id the file does not use (the file wins a clash). Admins add, edit, switch and delete their own
 * sources; the file's are read-only here (their definition lives in the file) except for the switch, which is kept
 * in the database and wins over the file's {@code enabled} until switched back.
 *
 * <p>Definitions are checked as the configuration file's are ({@link SourceValidation}), except that a source added
 * here must be on the web (http or https, never {@code file:} or {@code classpath:}: the console must not read the
 * server's own files). Each change brings the stored source states in line ({@link SourceStore#sync}) and tells the
 * listeners (the scheduler), so a new source is scheduled at once and a changed interval takes effect.
 *
 * <p>Reads go to the database each time, so a change made by another process (the command line, a second server on
 * the same PostgreSQL) is seen at the next read.
 */
public final class SourceCatalog {
    private static final int MAX_BY = 200;

    /** Told of each change: the source now in effect under that id, or empty when it is gone. */
    @FunctionalInterface
    public interface Listener {
        void changed(String id, Optional<SourceConfig> source);
    }

    private final Jdbi jdbi;
    private final List<SourceConfig> configured;
    private final Set<String> topics;
    private final Duration defaultInterval;
    private final SourceStore states;
    private final SelectorTester tester;
    private final Clock clock;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    public SourceCatalog(Jdbi jdbi, GazetteConfig config, SourceStore states, Fetcher fetcher, Clock clock) {
        this.jdbi = jdbi;
        this.configured = List.copyOf(config.sources());
        this.topics = config.topics().stream().map(TopicConfig::slug).collect(Collectors.toUnmodifiableSet());
        this.defaultInterval = config.collect().defaultInterval();
        this.states = states;
        this.tester = new SelectorTester(fetcher);
        this.clock = clock;
    }

    /** Be told of every change from now on (the scheduler reschedules the source). */
    public void listen(Listener listener) {
        listeners.add(listener);
    }

    /** The sources in effect, the configuration file's first (in its order), then the admins' by id. */
    public List<SourceConfig> effective() {
        return sources(false).stream().filter(s -> !s.shadowed()).map(ManagedSource::definition).toList();
    }

    /** The source in effect under that id. */
    public Optional<SourceConfig> find(String id) {
        return effective().stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /**
     * Every source with its origin and health: the file's in its order, then the admins' by id (a shadowed one
     * too, marked so).
     */
    public List<ManagedSource> list() {
        return sources(true);
    }

    private List<ManagedSource> sources(boolean withStatus) {
        return jdbi.withHandle(handle -> {
            AdminSourceDao dao = handle.attach(AdminSourceDao.class);
            Map<String, AdminSourceDao.Switch> switches = dao.switches().stream()
                    .collect(Collectors.toMap(AdminSourceDao.Switch::sourceId, Function.identity()));
            Map<String, SourceStatus> status = !withStatus ? Map.of() : states.list().stream()
                    .collect(Collectors.toMap(SourceStatus::id, Function.identity()));
            List<ManagedSource> all = new ArrayList<>();
            Set<String> fileIds = new HashSet<>();
            for (SourceConfig source : configured) {
                fileIds.add(source.id());
                AdminSourceDao.Switch flip = switches.get(source.id());
                SourceConfig effective = flip == null ? source : withEnabled(source, flip.enabled());
                all.add(new ManagedSource(effective, SourceOrigin.CONFIG, status.get(source.id()), false, flip != null,
                        flip == null ? null : flip.changedBy(), flip == null ? null : flip.changedAt()));
            }
            for (AdminSourceDao.Row row : dao.list()) {
                all.add(new ManagedSource(SourceJson.read(row.definition(), defaultInterval), SourceOrigin.ADMIN,
                        status.get(row.id()), fileIds.contains(row.id()), false, row.updatedBy(), row.updatedAt()));
            }
            return all;
        });
    }

    /** One source as {@link #list()} gives it; an admin's shadowed source only when the file has none of that id. */
    public Optional<ManagedSource> get(String id) {
        return list().stream().filter(s -> s.definition().id().equals(id)).findFirst();
    }

    /**
     * Add a source. Blank fields take the file's defaults: the name is the id, the interval
     * {@code collect.default-interval}, a page's item kind an article and its locale English.
     *
     * @param by who adds it (an admin's name)
     * @throws SourceChangeException {@link Problem#INVALID} (with each problem) for a definition that is not
     *     valid, {@link Problem#CONFLICT} if the id is taken
     */
    public SourceConfig add(SourceConfig draft, String by) {
        String who = requireBy(by);
        SourceConfig source = normalise(draft);
        validate(source);
        if (configured.stream().anyMatch(s -> s.id().equals(source.id()))) {
            throw new SourceChangeException(Problem.CONFLICT, "source '" + source.id()
                    + "' is defined in the configuration file; choose another id");
        }
        try {
            jdbi.useExtension(AdminSourceDao.class,
                    dao -> dao.insert(source.id(), SourceJson.write(source), who, clock.instant()));
        } catch (UnableToExecuteStatementException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                throw new SourceChangeException(Problem.CONFLICT, "there is a source '" + source.id()
                        + "' already; choose another id");
            }
            throw e;
        }
        changed(source.id());
        return source;
    }

    /**
     * Replace an admin's source's definition; its id cannot change (items refer to it). A changed address, type or
     * selectors starts its state afresh (no validators, no failures); its items stay.
     *
     * @throws SourceChangeException {@link Problem#NOT_FOUND}, {@link Problem#READ_ONLY} for a source of the
     *     configuration file, {@link Problem#INVALID} for a definition that is not valid or another id
     */
    public SourceConfig update(String id, SourceConfig draft, String by) {
        String who = requireBy(by);
        requireAdmin(id);
        SourceConfig source = normalise(draft);
        if (!id.equals(source.id())) {
            throw new SourceChangeException(Problem.INVALID, "source '" + id + "' cannot be renamed to '" + source.id()
                    + "' (its items refer to its id): add a new source instead");
        }
        validate(source);
        if (jdbi.withExtension(AdminSourceDao.class,
                dao -> dao.update(id, SourceJson.write(source), who, clock.instant())) == 0) {
            throw notFound(id);
        }
        changed(id);
        return source;
    }

    /**
     * Switch a source on or off. An admin's source keeps the switch in its definition; a source of the configuration
     * file keeps it beside (switching it back to what the file says removes the switch).
     *
     * @throws SourceChangeException ({@link Problem#NOT_FOUND}) if there is no such source
     */
    public SourceConfig setEnabled(String id, boolean enabled, String by) {
        String who = requireBy(by);
        Optional<SourceConfig> file = configured.stream().filter(s -> s.id().equals(id)).findFirst();
        if (file.isPresent()) {
            jdbi.useTransaction(handle -> {
                AdminSourceDao dao = handle.attach(AdminSourceDao.class);
                dao.deleteSwitch(id);
                if (enabled != file.get().enabled()) {
                    dao.insertSwitch(id, enabled, who, clock.instant());
                }
            });
        } else {
            SourceConfig source = requireAdmin(id);
            SourceConfig switched = withEnabled(source, enabled);
            if (jdbi.withExtension(AdminSourceDao.class,
                    dao -> dao.update(id, SourceJson.write(switched), who, clock.instant())) == 0) {
                throw notFound(id);
            }
        }
        changed(id);
        return find(id).orElseThrow(() -> notFound(id));
    }

    /**
     * Delete an admin's source: it is collected no more. Its items stay (digests sent may link to them), and so does
     * its state, disabled, as for a source removed from the configuration file.
     *
     * @return false if there was no such admin's source
     * @throws SourceChangeException ({@link Problem#READ_ONLY}) for a source of the configuration file
     */
    public boolean delete(String id, String by) {
        requireBy(by);
        if (configured.stream().anyMatch(s -> s.id().equals(id))
                && jdbi.withExtension(AdminSourceDao.class, dao -> dao.find(id)).isEmpty()) {
            throw readOnly(id);
        }
        boolean deleted = jdbi.withExtension(AdminSourceDao.class, dao -> dao.delete(id)) == 1;
        if (deleted) {
            changed(id);
        }
        return deleted;
    }

    /**
     * Try a page's selectors on a page (http or https), saving nothing: the first items they extract and each
     * selector that fails or finds nothing.
     *
     * @param limit how many items to show (at most {@link SelectorTester#MAX_ITEMS})
     */
    public SelectorTestResult testSelectors(String url, PageSelectors selectors, int limit) {
        return tester.test(url, normalise(selectors), limit);
    }

    /** Bring the stored states in line with the sources in effect, and tell the listeners of the one changed. */
    private void changed(String id) {
        states.sync(effective());
        Optional<SourceConfig> now = find(id);
        listeners.forEach(listener -> listener.changed(id, now));
    }

    /** The stored definition of an admin's source (also one shadowed by the file's). */
    private SourceConfig requireAdmin(String id) {
        Optional<AdminSourceDao.Row> row = jdbi.withExtension(AdminSourceDao.class, dao -> dao.find(id));
        if (row.isPresent()) {
            return SourceJson.read(row.get().definition(), defaultInterval);
        }
        throw configured.stream().anyMatch(s -> s.id().equals(id)) ? readOnly(id) : notFound(id);
    }

    private void validate(SourceConfig source) {
        List<String> problems = new ArrayList<>();
        SourceValidation.check("", source, new HashSet<>(), topics, SourceValidation.WEB_SCHEMES,
                (key, what) -> problems.add(key + ": " + what));
        if (!problems.isEmpty()) {
            throw new SourceChangeException(Problem.INVALID, "source '" + source.id() + "' is not valid", problems);
        }
    }

    /** Blank fields as the configuration file's defaults; stray spaces gone. */
    SourceConfig normalise(SourceConfig s) {
        Objects.requireNonNull(s, "source");
        String id = strip(s.id());
        String name = strip(s.name());
        List<String> topicList = s.topics() == null ? List.of()
                : s.topics().stream().filter(Objects::nonNull).map(String::strip).filter(t -> !t.isEmpty()).distinct()
                        .toList();
        PageSelectors page = s.type() == SourceType.PAGE || s.page() != null ? normalise(s.page()) : null;
        if (s.type() != null && s.type() != SourceType.PAGE && s.page() != null && isEmpty(s.page())) {
            page = null; // a form's empty selector fields for a feed or calendar
        }
        return new SourceConfig(id, name.isEmpty() ? id : name, s.type(), strip(s.url()),
                s.interval() == null ? defaultInterval : s.interval(), strip(s.cron()), topicList, s.enabled(), page);
    }

    private static PageSelectors normalise(PageSelectors p) {
        if (p == null) {
            return new PageSelectors(ItemKind.ARTICLE, "", "", "", "", "", "", "", "", List.of(), "", "en");
        }
        List<String> formats = p.dateFormats() == null ? List.of()
                : p.dateFormats().stream().filter(Objects::nonNull).map(String::strip).filter(f -> !f.isEmpty())
                        .toList();
        String locale = strip(p.locale());
        return new PageSelectors(p.itemKind() == null ? ItemKind.ARTICLE : p.itemKind(), strip(p.item()),
                strip(p.title()), strip(p.link()), strip(p.date()), strip(p.summary()), strip(p.start()),
                strip(p.end()), strip(p.location()), formats, strip(p.timeZone()), locale.isEmpty() ? "en" : locale);
    }

    private static boolean isEmpty(PageSelectors p) {
        return Stream.of(p.item(), p.title(), p.link(), p.date(), p.summary(), p.start(), p.end(), p.location())
                .allMatch(v -> v == null || v.isBlank());
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }

    private static SourceConfig withEnabled(SourceConfig s, boolean enabled) {
        return new SourceConfig(s.id(), s.name(), s.type(), s.url(), s.interval(), s.cron(), s.topics(), enabled,
                s.page());
    }

    private static String requireBy(String by) {
        if (by == null || by.isBlank() || by.length() > MAX_BY) {
            throw new SourceChangeException(Problem.INVALID, "say who makes the change: a name of 1 to " + MAX_BY
                    + " characters");
        }
        return by.strip();
    }

    private static SourceChangeException notFound(String id) {
        return new SourceChangeException(Problem.NOT_FOUND, "there is no source '" + id + "'");
    }

    private static SourceChangeException readOnly(String id) {
        return new SourceChangeException(Problem.READ_ONLY, "source '" + id + "' is defined in the configuration "
                + "file: change it there (here it can only be switched on or off)");
    }
}
