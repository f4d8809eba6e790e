package dev.gazette.schedule;

import dev.gazette.db.DatabaseKind;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** The scheduler contract on a real PostgreSQL server, started once for the class, with a new database per test. */
class PostgresCollectionSchedulerTest extends CollectionSchedulerContract {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private String url;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @BeforeEach
    void createDatabase() throws SQLException {
        String name = "gazette_" + DATABASES.incrementAndGet();
        try (Connection admin = postgres.getPostgresDatabase().getConnection();
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        url = postgres.getJdbcUrl("postgres", name);
    }

    @Override
    protected String jdbcUrl() {
        return url;
    }

    @Override
    protected String user() {
        return "postgres";
    }

    @Override
    protected DatabaseKind kind() {
        return DatabaseKind.POSTGRESQL;
    }
}
