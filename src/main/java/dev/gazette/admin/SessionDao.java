package dev.gazette.admin;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The admin sessions' statements; each one's SQL is in {@code SessionDao/<method>.sql} beside this class. */
@UseClasspathSqlLocator
@RegisterConstructorMapper(AdminSession.class)
interface SessionDao {

    @SqlUpdate
    void insert(@Bind("idHash") String idHash, @Bind("adminId") long adminId, @Bind("now") Instant now);

    @SqlQuery
    Optional<AdminSession> find(@Bind("idHash") String idHash);

    @SqlUpdate
    int touch(@Bind("idHash") String idHash, @Bind("now") Instant now);

    @SqlUpdate
    int delete(@Bind("idHash") String idHash);

    @SqlUpdate
    int deleteOthers(@Bind("adminId") long adminId, @Bind("keepHash") String keepHash);

    @SqlUpdate
    int deleteIdle(@Bind("idleSince") Instant idleSince);

    @SqlQuery
    int countActive(@Bind("adminId") long adminId, @Bind("idleSince") Instant idleSince);
}
