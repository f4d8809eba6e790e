package dev.gazette.schedule;

import dev.gazette.db.DatabaseKind;
import dev.gazette.testing.TestDatabases;
import org.junit.jupiter.api.BeforeEach;

/** The scheduler contract on a real PostgreSQL server, with a new database per test. */
class PostgresGazetteSchedulerTest extends GazetteSchedulerContract {
    private String url;

    @BeforeEach
    void createDatabase() {
        url = TestDatabases.jdbcUrl(DatabaseKind.POSTGRESQL);
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
