package dev.gazette.testing;

import dev.gazette.db.Database;
import dev.gazette.db.DatabaseKind;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real databases for tests: a fresh in-memory H2, or a fresh database in one real PostgreSQL server
 * (embedded, started once per JVM). Storage tests run on both, so every query is proven on both.
 */
public final class TestDatabases {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private TestDatabases() {}

    public static Database open(DatabaseKind kind) {
        return Database.open(jdbcUrl(kind), kind == DatabaseKind.H2 ? "sa" : "postgres", "", 4);
    }

    /** The URL of a new, empty database of that kind. */
    public static String jdbcUrl(DatabaseKind kind) {
        String name = "gazette_test_" + COUNTER.incrementAndGet();
        if (kind == DatabaseKind.H2) {
            return "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
        }
        EmbeddedPostgres server = postgres();
        try (Connection admin = server.getPostgresDatabase().getConnection(); Statement sql = admin.createStatement()) {
            sql.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return server.getJdbcUrl("postgres", name);
    }

    private static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is exiting
                }
            }));
        }
        return postgres;
    }
}
