package dev.gazette.source;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The statements of sources managed in the console (their definitions, and the switches of the configuration
 * file's sources); each one's SQL is in {@code AdminSourceDao/<method>.sql} beside this class.
 */
@UseClasspathSqlLocator
@RegisterConstructorMapper(AdminSourceDao.Row.class)
@RegisterConstructorMapper(AdminSourceDao.Switch.class)
interface AdminSourceDao {

    record Row(String id, String definition, String createdBy, Instant createdAt, String updatedBy,
            Instant updatedAt) {}

    record Switch(String sourceId, boolean enabled, String changedBy, Instant changedAt) {}

    @SqlQuery
    List<Row> list();

    @SqlQuery
    Optional<Row> find(@Bind("id") String id);

    @SqlUpdate
    void insert(@Bind("id") String id, @Bind("definition") String definition, @Bind("by") String by,
            @Bind("now") Instant now);

    @SqlUpdate
    int update(@Bind("id") String id, @Bind("definition") String definition, @Bind("by") String by,
            @Bind("now") Instant now);

    @SqlUpdate
    int delete(@Bind("id") String id);

    @SqlQuery
    List<Switch> switches();

    @SqlUpdate
    void insertSwitch(@Bind("id") String id, @Bind("enabled") boolean enabled, @Bind("by") String by,
            @Bind("now") Instant now);

    @SqlUpdate
    int deleteSwitch(@Bind("id") String id);
}
