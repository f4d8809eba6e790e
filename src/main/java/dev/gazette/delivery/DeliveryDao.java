package dev.gazette.delivery;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The ledger's statements; each one's SQL is in {@code DeliveryDao/<method>.sql} beside this class ({@code finish.sql},
 * run once per message, is read by {@link DeliveryLedger} itself).
 */
@UseClasspathSqlLocator
@RegisterConstructorMapper(Delivery.class)
@RegisterConstructorMapper(DeliveryDao.WindowEnd.class)
@RegisterConstructorMapper(DeliveryDao.Planned.class)
@RegisterConstructorMapper(DeliveryDao.StatusCount.class)
interface DeliveryDao {

    record WindowEnd(long subscriberId, Instant windowEnd) {}

    record Planned(long subscriberId, String edition) {}

    record StatusCount(String status, int count) {}

    @SqlUpdate
    int insert(@BindMethods("d") NewDelivery delivery, @Bind("now") Instant now);

    @SqlBatch("insert")
    int[] insertAll(@BindMethods("d") List<NewDelivery> deliveries, @Bind("now") Instant now);

    @SqlQuery
    Optional<Delivery> find(@Bind("id") long id);

    @SqlQuery
    Optional<Delivery> findByEdition(@Bind("subscriberId") long subscriberId, @Bind("edition") String edition);

    /** The end of the window of each subscriber's latest digest that was sent or skipped. */
    @SqlQuery
    List<WindowEnd> lastWindowEnds(@BindList("ids") Collection<Long> subscriberIds);

    @SqlQuery
    List<Planned> planned(@BindList("ids") Collection<Long> subscriberIds, @BindList("editions") Collection<String> editions);

    @SqlQuery
    List<Long> claimable(@Bind("now") Instant now, @Bind("limit") int limit);

    @SqlUpdate
    int claimAll(@BindList("ids") Collection<Long> ids, @Bind("token") String token, @Bind("now") Instant now,
            @Bind("leaseUntil") Instant leaseUntil);

    @SqlQuery
    List<Delivery> claimed(@BindList("ids") Collection<Long> ids, @Bind("token") String token);

    @SqlUpdate
    int retryLater(@Bind("id") long id, @Bind("error") String error, @Bind("at") Instant at, @Bind("now") Instant now);

    @SqlQuery
    Optional<Instant> nextRetry();

    @SqlQuery
    Optional<Instant> lastNoticeAt(@Bind("subscriberId") long subscriberId);

    @SqlQuery
    Optional<Instant> lastAlertAt(@Bind("subscriberId") long subscriberId, @Bind("pattern") String pattern);

    @SqlQuery
    List<StatusCount> countByStatus();

    @SqlUpdate
    int retryFailed(@Bind("subscriberId") Long subscriberId, @Bind("now") Instant now);

    @SqlQuery
    List<Long> claimableOfJob(@Bind("jobId") long jobId, @Bind("now") Instant now, @Bind("limit") int limit);

    @SqlQuery
    Optional<Instant> nextRetryOfJob(@Bind("jobId") long jobId);

    @SqlQuery
    List<StatusCount> countByJob(@Bind("jobId") long jobId);

    @SqlQuery
    List<Delivery> listOfJob(@Bind("jobId") long jobId, @Bind("status") String status, @Bind("limit") int limit);

    @SqlQuery
    List<Delivery> list(@Bind("status") String status, @Bind("subscriberId") Long subscriberId, @Bind("limit") int limit);
}
