package dev.gazette.source;

import dev.gazette.Sha256;
import dev.gazette.config.SourceConfig;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The state of each source: its definition as last configured, its HTTP validators, its health. */
public final class SourceStore {
    private static final int MAX_ERROR_LENGTH = 2000;

    private final Jdbi jdbi;
    private final Clock clock;

    public SourceStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /**
     * Make the stored sources match the configured ones. A source whose address, type or selectors
     * changed loses its validators and failure history; one no longer configured is disabled, not
     * deleted, so its items stay.
     */
    public void sync(List<SourceConfig> sources) {
        jdbi.useTransaction(handle -> {
            SourceDao dao = handle.attach(SourceDao.class);
            Map<String, SourceDao.Definition> stored = new HashMap<>();
            dao.definitions().forEach(d -> stored.put(d.id(), d));
            for (SourceConfig s : sources) {
                String hash = definitionHash(s);
                SourceDao.Definition known = stored.get(s.id());
                if (known == null) {
                    dao.insert(s.id(), s.name(), s.type().name(), s.url(), hash, s.enabled(), clock.instant());
                } else if (!known.equals(new SourceDao.Definition(s.id(), s.name(), s.type().name(), s.url(), hash,
                        s.enabled()))) {
                    dao.updateDefinition(s.id(), s.name(), s.type().name(), s.url(), hash, s.enabled());
                    if (!known.definitionHash().equals(hash)) {
                        dao.resetState(s.id());
                    }
                }
            }
            if (sources.isEmpty()) {
                dao.disableAll();
            } else {
                dao.disableOthers(sources.stream().map(SourceConfig::id).toList());
            }
        });
    }

    public Optional<SourceStatus> find(String id) {
        return jdbi.withExtension(SourceDao.class, dao -> dao.find(id));
    }

    /** Every source's state by id, read in one query; {@link SourceStatus#itemCount()} is not counted (0). */
    public Map<String, SourceStatus> states() {
        Map<String, SourceStatus> states = new HashMap<>();
        jdbi.withExtension(SourceDao.class, SourceDao::states).forEach(s -> states.put(s.id(), s));
        return states;
    }

    public List<SourceStatus> list() {
        return jdbi.withExtension(SourceDao.class, SourceDao::list);
    }

    public void recordSuccess(String id, String etag, String lastModified) {
        jdbi.useExtension(SourceDao.class, dao -> dao.recordSuccess(id, etag, lastModified, clock.instant()));
    }

    public void recordNotModified(String id) {
        jdbi.useExtension(SourceDao.class, dao -> dao.recordNotModified(id, clock.instant()));
    }

    public void recordFailure(String id, String error, Instant retryAfter) {
        String message = error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH - 1) + "…" : error;
        jdbi.useExtension(SourceDao.class, dao -> dao.recordFailure(id, message, clock.instant(), retryAfter));
    }

    static String definitionHash(SourceConfig s) {
        return Sha256.hex(s.type() + "\u0000" + s.url() + "\u0000" + s.page());
    }
}
