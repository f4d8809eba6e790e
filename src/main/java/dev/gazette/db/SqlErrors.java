package dev.gazette.db;

import java.sql.SQLException;

/** Reading what went wrong in a statement, the same way on H2 and PostgreSQL. */
public final class SqlErrors {
    /** SQLSTATE for a unique or primary key violation, on both databases. */
    private static final String UNIQUE_VIOLATION = "23505";

    private SqlErrors() {}

    /** Whether the failure, or one of its causes, is a unique key violation (another writer got there first). */
    public static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
