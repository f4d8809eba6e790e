package dev.gazette.item;

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

/** The item queries; each statement's SQL is in {@code ItemDao/<method>.sql} beside this class on the classpath. */
@UseClasspathSqlLocator
@RegisterRowMapper(ItemRowMapper.class)
@RegisterConstructorMapper(ItemDao.Known.class)
@RegisterConstructorMapper(ItemDao.TopicRow.class)
public interface ItemDao {

    record Known(long id, String contentHash) {}

    @SqlQuery
    Optional<Known> findBySourceGuid(@Bind("sourceId") String sourceId, @Bind("guid") String guid);

    @SqlQuery
    Optional<Long> findIdByLinkKey(@Bind("linkKey") String linkKey);

    @SqlUpdate
    @GetGeneratedKeys("id")
    long insert(@Bind("sourceId") String sourceId, @BindMethods("d") ItemDraft draft,
            @Bind("categories") String categories, @Bind("contentHash") String contentHash, @Bind("now") Instant now);

    @SqlUpdate
    void update(@Bind("id") long id, @BindMethods("d") ItemDraft draft, @Bind("categories") String categories,
            @Bind("contentHash") String contentHash, @Bind("now") Instant now);

    @SqlUpdate
    void deleteTopics(@Bind("id") long id);

    // --- one source's items at once (ItemBatch) ---

    record KnownGuid(long id, String guid, String contentHash) {}

    record LinkedId(long id, String linkKey) {}

    @SqlQuery
    @RegisterConstructorMapper(KnownGuid.class)
    List<KnownGuid> findBySourceGuids(@Bind("sourceId") String sourceId, @BindList("guids") Collection<String> guids);

    @SqlQuery
    @RegisterConstructorMapper(LinkedId.class)
    List<LinkedId> findIdsByLinkKeys(@BindList("linkKeys") Collection<String> linkKeys);

    @SqlBatch("insert")
    void insertAll(@Bind("sourceId") String sourceId, @BindMethods("d") List<ItemDraft> drafts,
            @Bind("categories") List<String> categories, @Bind("contentHash") List<String> contentHashes,
            @Bind("now") Instant now);

    @SqlBatch("update")
    void updateAll(@Bind("id") List<Long> ids, @BindMethods("d") List<ItemDraft> drafts,
            @Bind("categories") List<String> categories, @Bind("contentHash") List<String> contentHashes,
            @Bind("now") Instant now);

    @SqlBatch("deleteTopics")
    void deleteTopicsOfAll(@Bind("id") List<Long> ids);

    /** One row per pair: {@code ids.get(i)} is tagged {@code topics.get(i)}. */
    @SqlBatch("insertTopic")
    void insertTopicRows(@Bind("id") List<Long> ids, @Bind("topic") List<String> topics);

    @SqlBatch("insertTopic")
    void insertTopics(@Bind("id") long id, @Bind("topic") List<String> topics);


    @SqlQuery
    List<Item> list(@Bind("sourceId") String sourceId, @Bind("topic") String topic, @Bind("kind") String kind,
            @Bind("since") Instant since, @Bind("limit") int limit);

    @SqlQuery
    List<Item> articlesFirstSeen(@Bind("from") Instant from, @Bind("to") Instant to,
            @BindList("topics") Collection<String> topics);

    @SqlQuery
    List<Item> upcomingEvents(@Bind("from") Instant from, @Bind("to") Instant to,
            @Bind("earliestStart") Instant earliestStart, @Bind("allDayEndAfter") Instant allDayEndAfter,
            @Bind("allDayStartAfter") Instant allDayStartAfter, @BindList("topics") Collection<String> topics);

    @SqlQuery
    List<TopicRow> topicsOf(@BindList("ids") List<Long> ids);

    record TopicRow(long itemId, String topic) {}

    @SqlQuery
    int countBySource(@Bind("sourceId") String sourceId);

    // --- alerts: items not yet matched against the alerts, and items by id ---

    @SqlQuery
    List<Item> uncheckedForAlerts(@Bind("afterId") long afterId, @Bind("upTo") Instant upTo, @Bind("limit") int limit);

    @SqlUpdate
    int markCheckedForAlerts(@BindList("ids") Collection<Long> ids, @Bind("upTo") Instant upTo, @Bind("now") Instant now);

    @SqlQuery
    List<Item> firstSeenSince(@Bind("from") Instant from, @Bind("limit") int limit);

    @SqlQuery
    List<Item> byIds(@BindList("ids") Collection<Long> ids);
}
