package dev.gazette.topic;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The topic statements; each one's SQL is in {@code TopicDao/<method>.sql} beside this class. */
@UseClasspathSqlLocator
@RegisterConstructorMapper(TopicDao.OverrideRow.class)
@RegisterConstructorMapper(TopicDao.TopicCount.class)
interface TopicDao {

    /** Keywords one per line, as stored. */
    record OverrideRow(String slug, String includeWords, String excludeWords, Instant updatedAt, String updatedBy) {}

    record TopicCount(String topic, int total) {}

    @SqlQuery
    List<OverrideRow> overrides();

    @SqlUpdate
    int update(@Bind("slug") String slug, @Bind("includeWords") String includeWords,
            @Bind("excludeWords") String excludeWords, @Bind("now") Instant now, @Bind("by") String by);

    @SqlUpdate
    void insert(@Bind("slug") String slug, @Bind("includeWords") String includeWords,
            @Bind("excludeWords") String excludeWords, @Bind("now") Instant now, @Bind("by") String by);

    @SqlUpdate
    int delete(@Bind("slug") String slug);

    @SqlQuery
    List<TopicCount> itemCounts();

    @SqlQuery
    List<TopicCount> subscriberCounts();
}
