package dev.gazette.alert;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The alert queries; each statement's SQL is in {@code AlertDao/<method>.sql} beside this class on the classpath. */
@UseClasspathSqlLocator
@RegisterConstructorMapper(Alert.class)
@RegisterConstructorMapper(AlertMatch.class)
@RegisterConstructorMapper(AlertDao.WaitingRow.class)
@RegisterConstructorMapper(AlertDao.VolumeRow.class)
@RegisterConstructorMapper(AlertDao.ListingRow.class)
@RegisterConstructorMapper(AlertTotals.class)
interface AlertDao {

    record WaitingRow(long subscriberId, String frequency, Instant oldest, int total) {}

    record VolumeRow(long alertId, int lastWeek, int lastMonth, int total, int waiting, Instant lastMatchedAt) {}

    record ListingRow(long id, long subscriberId, String query, AlertFrequency frequency, boolean paused,
            Instant createdAt, Instant updatedAt, String email) {}

    @SqlUpdate
    @GetGeneratedKeys("id")
    long insert(@Bind("subscriberId") long subscriberId, @Bind("query") String query,
            @Bind("frequency") String frequency, @Bind("now") Instant now);

    @SqlQuery
    Optional<Alert> find(@Bind("id") long id);

    @SqlQuery
    List<Alert> ofSubscriber(@Bind("subscriberId") long subscriberId);

    @SqlQuery
    int countOfSubscriber(@Bind("subscriberId") long subscriberId);

    @SqlQuery
    Optional<Long> lockSubscriber(@Bind("subscriberId") long subscriberId);

    @SqlUpdate
    int update(@Bind("id") long id, @Bind("query") String query, @Bind("frequency") String frequency,
            @Bind("now") Instant now);

    @SqlUpdate
    int setPaused(@Bind("id") long id, @Bind("paused") boolean paused, @Bind("now") Instant now);

    @SqlUpdate
    int pauseAllOf(@Bind("subscriberId") long subscriberId, @Bind("now") Instant now);

    @SqlUpdate
    int delete(@Bind("id") long id);

    @SqlUpdate
    int deleteWaitingMatches(@Bind("alertId") long alertId);

    @SqlUpdate
    int deleteWaitingOfSubscriber(@Bind("subscriberId") long subscriberId);

    @SqlUpdate
    int dropWaitingOfInactive();

    /** The alerts that match: not paused, of an active subscriber. */
    @SqlQuery
    List<Alert> matching();

    @SqlQuery
    int countMatching();

    @SqlUpdate
    int insertMatch(@Bind("alertId") long alertId, @Bind("itemId") long itemId, @Bind("subscriberId") long subscriberId,
            @Bind("now") Instant now);

    @SqlQuery
    List<WaitingRow> waiting();

    @SqlUpdate
    int claim(@Bind("deliveryId") long deliveryId, @Bind("subscriberId") long subscriberId,
            @Bind("frequency") String frequency, @Bind("upTo") Instant upTo);

    @SqlQuery
    List<AlertMatch> ofDelivery(@Bind("deliveryId") long deliveryId);

    @SqlQuery
    List<VolumeRow> volumes(@BindList("alertIds") Collection<Long> alertIds, @Bind("weekAgo") Instant weekAgo,
            @Bind("monthAgo") Instant monthAgo);

    @SqlQuery
    List<ListingRow> listing(@Bind("subscriberId") Long subscriberId, @Bind("frequency") String frequency,
            @Bind("paused") Boolean paused, @Bind("limit") int limit);

    @SqlQuery
    AlertTotals totals(@Bind("since") Instant since);

    @SqlQuery
    List<AlertMatch> recentMatches(@Bind("alertId") long alertId, @Bind("limit") int limit);
}
