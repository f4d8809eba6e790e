package dev.gazette.subscriber;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The subscriber queries; each statement's SQL is in {@code SubscriberDao/<method>.sql} beside this
 * class on the classpath. Subscribers come back without their topics; {@link SubscriberStore} adds them.
 */
@UseClasspathSqlLocator
@RegisterRowMapper(SubscriberRowMapper.class)
@RegisterConstructorMapper(SubscriberDao.TopicRow.class)
@RegisterConstructorMapper(SubscriberDao.StatusCount.class)
public interface SubscriberDao {

    /** The values of one row to write; enums and zones already in their stored text form. */
    record Row(String email, String emailKey, String name, String status, String frequency, String sendDay,
            int sendHour, String timeZone, String locale) {}

    /** What the preference centre writes; enums and zones in their stored text form. */
    record PreferencesRow(String name, String frequency, String sendDay, int sendHour, String timeZone, String locale) {}

    record TopicRow(long subscriberId, String topic) {}

    record StatusCount(String status, int total) {}

    @SqlQuery
    Optional<Subscriber> find(@Bind("id") long id);

    @SqlQuery
    List<Subscriber> byIds(@BindList("ids") Collection<Long> ids);

    @SqlQuery
    Optional<Subscriber> findByEmailKey(@Bind("emailKey") String emailKey);

    @SqlQuery
    List<Subscriber> list(@Bind("status") String status, @Bind("topic") String topic, @Bind("pattern") String pattern,
            @Bind("afterId") long afterId, @Bind("limit") int limit);

    @SqlQuery
    List<Subscriber> activeBatch(@Bind("afterId") long afterId, @Bind("limit") int limit);

    @SqlQuery
    List<Subscriber> activeBatchOf(@Bind("frequency") String frequency, @Bind("afterId") long afterId,
            @Bind("limit") int limit);

    @SqlUpdate
    @GetGeneratedKeys("id")
    long insert(@BindMethods("r") Row row, @Bind("now") Instant now, @Bind("confirmedAt") Instant confirmedAt,
            @Bind("unsubscribedAt") Instant unsubscribedAt, @Bind("bouncedAt") Instant bouncedAt,
            @Bind("bounceReason") String bounceReason);

    @SqlUpdate
    void update(@Bind("id") long id, @BindMethods("r") Row row, @Bind("now") Instant now,
            @Bind("bounceReason") String bounceReason);

    @SqlUpdate
    int updatePreferences(@Bind("id") long id, @BindMethods("p") PreferencesRow row, @Bind("now") Instant now);

    @SqlUpdate
    int deletePendingOlderThan(@Bind("cutoff") Instant cutoff);

    @SqlUpdate
    int markBounced(@Bind("id") long id, @Bind("reason") String reason, @Bind("now") Instant now);

    @SqlUpdate
    int unsubscribe(@Bind("id") long id, @Bind("now") Instant now);

    @SqlUpdate
    int updateStatus(@Bind("id") long id, @Bind("status") String status, @Bind("now") Instant now);

    @SqlUpdate
    int revokeTokens(@Bind("id") long id, @Bind("now") Instant now);

    @SqlQuery
    Optional<Integer> tokenVersion(@Bind("id") long id);

    @SqlUpdate
    int revokeCalendar(@Bind("id") long id, @Bind("now") Instant now);

    @SqlQuery
    Optional<Integer> calendarVersion(@Bind("id") long id);

    @SqlQuery
    List<StatusCount> countByStatus();

    @SqlUpdate
    int delete(@Bind("id") long id);

    @SqlUpdate
    void deleteTopics(@Bind("id") long id);

    @SqlBatch("insertTopic")
    void insertTopics(@Bind("id") long id, @Bind("topic") List<String> topics);

    @SqlQuery
    List<TopicRow> topicsOf(@BindList("ids") List<Long> ids);
}
