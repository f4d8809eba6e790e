package dev.gazette.item;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The statements of pinned items; each one's SQL is in {@code PinnedItemDao/<method>.sql} beside this class. */
@UseClasspathSqlLocator
@RegisterRowMapper(ItemRowMapper.class)
@RegisterConstructorMapper(PinnedItemDao.PinRow.class)
interface PinnedItemDao {

    record PinRow(long itemId, String pinnedBy, Instant pinnedAt, Instant unpinnedAt) {}

    @SqlQuery
    int itemExists(@Bind("itemId") long itemId);

    @SqlUpdate
    int insert(@Bind("itemId") long itemId, @Bind("by") String by, @Bind("now") Instant now);

    @SqlUpdate
    int repin(@Bind("itemId") long itemId, @Bind("by") String by, @Bind("now") Instant now);

    @SqlUpdate
    int unpin(@Bind("itemId") long itemId, @Bind("by") String by, @Bind("now") Instant now);

    @SqlQuery
    Optional<PinRow> find(@Bind("itemId") long itemId);

    @SqlQuery
    List<PinRow> current(@Bind("limit") int limit);

    @SqlQuery
    List<Item> items(@BindList("ids") Collection<Long> ids);

    @SqlQuery
    List<Item> pinnedIn(@Bind("from") Instant from, @Bind("to") Instant to);
}
