package dev.gazette.config;

import java.nio.file.Path;
import java.util.List;

/**
 * All of Gazette's settings, immutable. Built by {@link ConfigLoader} from the defaults in
 * {@link ConfigDefaults}, a YAML file, and environment variables, in that order.
 *
 * @param dataDir where the embedded database and other local state live
 */
public record GazetteConfig(
        Path dataDir,
        DatabaseConfig database,
        ServerConfig server,
        FetchConfig fetch,
        CollectConfig collect,
        List<TopicConfig> topics,
        List<SourceConfig> sources,
        SubscribersConfig subscribers,
        DigestConfig digest,
        MailConfig mail,
        DeliveryConfig delivery,
        SecurityConfig security,
        AdminConfig admin,
        AlertsConfig alerts) {

    public GazetteConfig {
        topics = topics == null ? List.of() : List.copyOf(topics);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    /** A copy with other sources. */
    public GazetteConfig withSources(List<SourceConfig> newSources) {
        return new GazetteConfig(dataDir, database, server, fetch, collect, topics, newSources, subscribers, digest,
                mail, delivery, security, admin, alerts);
    }

    /**
     * The JDBC URL in force: the configured one, or the embedded H2 file under the data directory. One process
     * at a time can open the embedded file (H2's mixed mode cannot be combined with closing the database on
     * Gazette's own shutdown), so with it, commands such as {@code gazette send} run while {@code serve} is
     * stopped; PostgreSQL has no such limit.
     */
    public String jdbcUrl() {
        if (!database.embedded()) {
            return database.url();
        }
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("gazette") + ";DB_CLOSE_ON_EXIT=FALSE";
    }
}
