package dev.gazette.admin;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The admin accounts' statements; each one's SQL is in {@code AdminDao/<method>.sql} beside this class. */
@UseClasspathSqlLocator
@RegisterConstructorMapper(AdminUser.class)
@RegisterConstructorMapper(AdminDao.Credentials.class)
interface AdminDao {

    /** An admin with their stored password hash; never leaves this package. */
    record Credentials(long id, String passwordHash) {}

    @SqlUpdate
    @GetGeneratedKeys("id")
    long insert(@Bind("name") String name, @Bind("nameKey") String nameKey, @Bind("passwordHash") String passwordHash,
            @Bind("now") Instant now);

    @SqlQuery
    Optional<AdminUser> findByNameKey(@Bind("nameKey") String nameKey);

    @SqlQuery
    Optional<AdminUser> find(@Bind("id") long id);

    @SqlQuery
    Optional<Credentials> credentials(@Bind("nameKey") String nameKey);

    @SqlQuery
    List<AdminUser> list();

    @SqlQuery
    int count();

    @SqlUpdate
    int updatePassword(@Bind("id") long id, @Bind("passwordHash") String passwordHash, @Bind("now") Instant now);

    /** Replace a hash by a stronger one of the same password, without counting as a password change. */
    @SqlUpdate
    int rehash(@Bind("id") long id, @Bind("passwordHash") String passwordHash);

    @SqlUpdate
    int recordLogin(@Bind("id") long id, @Bind("now") Instant now);
}
