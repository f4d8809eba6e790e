package dev.gazette.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.gazette.config.ConfigException;
import dev.gazette.config.GazetteConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * The database: a connection pool, the schema brought up to date by migrations, and a Jdbi on top.
 * Opening it fails fast, naming {@code database.url}, when the database cannot be reached.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final DatabaseKind kind;
    private final Jdbi jdbi;

    private Database(HikariDataSource dataSource, DatabaseKind kind) {
        this.dataSource = dataSource;
        this.kind = kind;
        this.jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
        InstantColumns.register(jdbi);
    }

    /** Open the database the configuration names, creating the data directory for an embedded one. */
    public static Database open(GazetteConfig config) {
        if (config.database().embedded()) {
            createDirectory(config.dataDir());
        }
        return open(config.jdbcUrl(), config.database().user(), config.database().password(),
                config.database().poolSize());
    }

    public static Database open(String jdbcUrl, String user, String password, int poolSize) {
        DatabaseKind kind = DatabaseKind.of(jdbcUrl);
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(jdbcUrl);
        hikari.setUsername(user == null || user.isBlank() ? (kind == DatabaseKind.H2 ? "sa" : null) : user);
        hikari.setPassword(password == null ? "" : password);
        hikari.setMaximumPoolSize(poolSize);
        hikari.setPoolName("gazette");
        hikari.setConnectionTimeout(10_000);
        hikari.setInitializationFailTimeout(10_000);
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(hikari);
        } catch (RuntimeException e) {
            throw new ConfigException("key 'database.url': cannot connect to " + jdbcUrl + ": " + rootMessage(e), e);
        }
        try {
            migrate(dataSource, kind);
        } catch (FlywayException e) {
            dataSource.close();
            throw new ConfigException("database " + jdbcUrl + ": the schema could not be brought up to date: "
                    + rootMessage(e), e);
        }
        return new Database(dataSource, kind);
    }

    private static void migrate(DataSource dataSource, DatabaseKind kind) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/common", kind.migrationFolder())
                .failOnMissingLocations(true)
                .load()
                .migrate();
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public DatabaseKind kind() {
        return kind;
    }

    /** A connection for code that must manage its own (Quartz); the caller closes it. */
    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    @Override
    public void close() {
        dataSource.close();
    }

    private static void createDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new ConfigException("key 'data-dir': cannot create " + dir.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
