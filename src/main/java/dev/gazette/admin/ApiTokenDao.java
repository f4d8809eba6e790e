package dev.gazette.admin;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The API tokens' statements; each one's SQL is in {@code ApiTokenDao/<method>.sql} beside this class. */
@UseClasspathSqlLocator
@RegisterConstructorMapper(ApiToken.class)
interface ApiTokenDao {

    @SqlUpdate
    @GetGeneratedKeys("id")
    long insert(@Bind("name") String name, @Bind("tokenHash") String tokenHash, @Bind("createdBy") String createdBy,
            @Bind("now") Instant now);

    @SqlQuery
    Optional<ApiToken> find(@Bind("id") long id);

    @SqlQuery
    Optional<ApiToken> findActiveByHash(@Bind("tokenHash") String tokenHash);

    @SqlQuery
    List<ApiToken> list();

    @SqlUpdate
    int revoke(@Bind("id") long id, @Bind("by") String by, @Bind("now") Instant now);

    @SqlUpdate
    int markUsed(@Bind("id") long id, @Bind("now") Instant now, @Bind("staleBefore") Instant staleBefore);
}
