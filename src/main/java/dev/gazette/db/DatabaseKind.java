package dev.gazette.db;

import java.util.Locale;

/** The databases Gazette runs on. Every query is tested on both. */
public enum DatabaseKind {
    H2("h2", "org.quartz.impl.jdbcjobstore.StdJDBCDelegate"),
    POSTGRESQL("postgresql", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");

    private final String migrationFolder;
    private final String quartzDelegate;

    DatabaseKind(String migrationFolder, String quartzDelegate) {
        this.migrationFolder = migrationFolder;
        this.quartzDelegate = quartzDelegate;
    }

    public static DatabaseKind of(String jdbcUrl) {
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("unsupported database URL: " + jdbcUrl);
    }

    /** The classpath folder of this database's own migrations (the Quartz tables). */
    String migrationFolder() {
        return "classpath:db/migration/" + migrationFolder;
    }

    /** The Quartz driver delegate this database needs (PostgreSQL fails with the standard one). */
    public String quartzDelegate() {
        return quartzDelegate;
    }
}
