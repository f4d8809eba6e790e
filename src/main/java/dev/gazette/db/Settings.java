package dev.gazette.db;

import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Values Gazette generates for itself once and keeps in the database (such as the key that signs email links),
 * so that every Gazette process sharing the database agrees on them.
 */
public final class Settings {
    private final Jdbi jdbi;

    public Settings(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The stored value, or the generated one stored now; when two processes race, both get the winner's value. */
    public String getOrCreate(String name, Supplier<String> generate) {
        Optional<String> stored = jdbi.withExtension(SettingDao.class, dao -> dao.find(name));
        if (stored.isPresent()) {
            return stored.get();
        }
        try {
            jdbi.useExtension(SettingDao.class, dao -> dao.insert(name, generate.get()));
        } catch (UnableToExecuteStatementException e) {
            // another process stored it first: fall through and read theirs
        }
        return jdbi.withExtension(SettingDao.class, dao -> dao.find(name))
                .orElseThrow(() -> new IllegalStateException("setting '" + name + "' could not be stored"));
    }
}
