package dev.gazette.db;

import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The setting queries; SQL in {@code SettingDao/<method>.sql} beside this class on the classpath. */
@UseClasspathSqlLocator
interface SettingDao {
    @SqlQuery
    Optional<String> find(@Bind("name") String name);

    @SqlUpdate
    void insert(@Bind("name") String name, @Bind("value") String value);
}
