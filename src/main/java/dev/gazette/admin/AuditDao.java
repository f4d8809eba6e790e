package dev.gazette.admin;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The audit log's statements; each one's SQL is in {@code AuditDao/<method>.sql} beside this class. */
@UseClasspathSqlLocator
@RegisterConstructorMapper(AuditEntry.class)
interface AuditDao {

    @SqlUpdate
    void insert(@Bind("now") Instant now, @Bind("actor") String actor, @Bind("action") String action,
            @Bind("target") String target, @Bind("detail") String detail);

    @SqlQuery
    List<AuditEntry> list(@Bind("actor") String actor, @Bind("action") String action, @Bind("beforeId") long beforeId,
            @Bind("limit") int limit);
}
