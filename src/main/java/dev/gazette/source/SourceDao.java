package dev.gazette.source;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The source queries; each statement's SQL is in {@code SourceDao/<method>.sql} beside this class on the classpath. */
@UseClasspathSqlLocator
@RegisterConstructorMapper(SourceStatus.class)
public interface SourceDao {

    @SqlQuery
    Optional<String> findDefinitionHash(@Bind("id") String id);

    /** What {@link SourceStore#sync} compares with the configuration. */
    record Definition(String id, String name, String type, String url, String definitionHash, boolean enabled) {}

    @SqlQuery
    @RegisterConstructorMapper(Definition.class)
    List<Definition> definitions();

    /** Every source's state; {@code itemCount} is not counted (0). */
    @SqlQuery
    List<SourceStatus> states();

    @SqlUpdate
    void insert(@Bind("id") String id, @Bind("name") String name, @Bind("type") String type, @Bind("url") String url,
            @Bind("hash") String definitionHash, @Bind("enabled") boolean enabled, @Bind("now") Instant now);

    @SqlUpdate
    void updateDefinition(@Bind("id") String id, @Bind("name") String name, @Bind("type") String type,
            @Bind("url") String url, @Bind("hash") String definitionHash, @Bind("enabled") boolean enabled);

    /** A changed definition starts afresh: no validators, no failure history. */
    @SqlUpdate
    void resetState(@Bind("id") String id);

    /** Sources no longer configured stay (their items refer to them) but are not collected. */
    @SqlUpdate
    void disableOthers(@BindList("ids") List<String> configuredIds);

    @SqlUpdate
    void disableAll();

    @SqlQuery
    Optional<SourceStatus> find(@Bind("id") String id);

    @SqlQuery
    List<SourceStatus> list();

    @SqlUpdate
    void recordSuccess(@Bind("id") String id, @Bind("etag") String etag, @Bind("lastModified") String lastModified,
            @Bind("now") Instant now);

    @SqlUpdate
    void recordNotModified(@Bind("id") String id, @Bind("now") Instant now);

    @SqlUpdate
    void recordFailure(@Bind("id") String id, @Bind("error") String error, @Bind("now") Instant now,
            @Bind("retryAfter") Instant retryAfter);
}
