package dev.gazette.schedule;

import dev.gazette.db.DatabaseKind;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The scheduler contract on an embedded H2 file database, as Gazette uses by default. */
class H2GazetteSchedulerTest extends GazetteSchedulerContract {
    @TempDir
    Path dir;

    @Override
    protected String jdbcUrl() {
        return "jdbc:h2:file:" + dir.toAbsolutePath().resolve("gazette") + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    @Override
    protected DatabaseKind kind() {
        return DatabaseKind.H2;
    }
}
