package dev.gazette.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The statements of manual sends; each one's SQL is in {@code SendJobDao/<method>.sql} beside this class. */
@UseClasspathSqlLocator
@RegisterConstructorMapper(SendJob.class)
interface SendJobDao {

    @SqlUpdate
    @GetGeneratedKeys("id")
    long insert(@Bind("requestKey") String requestKey, @BindMethods("r") SendRequest request,
            @Bind("createdBy") String createdBy, @Bind("now") Instant now);

    @SqlQuery
    Optional<SendJob> find(@Bind("id") long id);

    @SqlQuery
    Optional<SendJob> findByRequestKey(@Bind("requestKey") String requestKey);

    @SqlQuery
    List<SendJob> list(@Bind("limit") int limit);

    @SqlQuery
    List<SendJob> unfinished();

    @SqlUpdate
    int markRunning(@Bind("id") long id, @Bind("now") Instant now);

    @SqlUpdate
    int markPlanned(@Bind("id") long id, @Bind("alreadyHad") int alreadyHad, @Bind("now") Instant now);

    @SqlUpdate
    int finish(@Bind("id") long id, @Bind("status") String status, @Bind("error") String error,
            @Bind("now") Instant now);
}
