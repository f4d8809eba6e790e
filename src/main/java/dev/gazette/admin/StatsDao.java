package dev.gazette.admin;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The dashboard's counts; each statement's SQL is in {@code StatsDao/<method>.sql} beside this class. */
@UseClasspathSqlLocator
@RegisterConstructorMapper(StatsDao.StatusCount.class)
interface StatsDao {

    record StatusCount(String status, int total) {}

    /** Items first collected in [from, to): uses the index on first_seen_at. */
    @SqlQuery
    int itemsFirstSeen(@Bind("from") Instant from, @Bind("to") Instant to);

    /** Deliveries that became SENT, FAILED or SKIPPED in [from, to), by status: uses the index on updated_at. */
    @SqlQuery
    List<StatusCount> deliveriesFinished(@Bind("from") Instant from, @Bind("to") Instant to);
}
