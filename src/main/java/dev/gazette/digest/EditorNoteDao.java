package dev.gazette.digest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The statements of editor's notes; each one's SQL is in {@code EditorNoteDao/<method>.sql} beside this class. */
@UseClasspathSqlLocator
@RegisterConstructorMapper(EditorNote.class)
interface EditorNoteDao {

    @SqlUpdate
    @GetGeneratedKeys("id")
    long insert(@Bind("markdown") String markdown, @Bind("by") String by, @Bind("now") Instant now);

    @SqlUpdate
    int revise(@Bind("id") long id, @Bind("markdown") String markdown, @Bind("now") Instant now);

    @SqlUpdate
    int withdraw(@Bind("id") long id, @Bind("by") String by, @Bind("now") Instant now);

    @SqlQuery
    Optional<EditorNote> find(@Bind("id") long id);

    @SqlQuery
    List<EditorNote> list(@Bind("limit") int limit);

    @SqlQuery
    List<EditorNote> writtenIn(@Bind("from") Instant from, @Bind("to") Instant to);
}
