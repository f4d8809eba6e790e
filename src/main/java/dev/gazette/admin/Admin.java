package dev.gazette.admin;

import dev.gazette.config.AdminConfig;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/**
 * Everything about administering Gazette that is not HTTP: the admins and their sessions, API tokens, the audit
 * log, and the dashboard's counts. The console ({@code dev.gazette.web.admin}), the REST API and the
 * {@code gazette admin} commands use it through {@code Gazette.admin()}.
 */
public final class Admin {
    private final AdminSessions sessions;
    private final AdminAccounts accounts;
    private final ApiTokens apiTokens;
    private final AuditLog audit;
    private final AdminStats stats;

    public Admin(Jdbi jdbi, Clock clock, AdminConfig config) {
        this.sessions = new AdminSessions(jdbi, clock, config.sessionTimeout());
        this.accounts = new AdminAccounts(jdbi, clock, sessions);
        this.apiTokens = new ApiTokens(jdbi, clock);
        this.audit = new AuditLog(jdbi, clock);
        this.stats = new AdminStats(jdbi, clock);
    }

    public AdminAccounts accounts() {
        return accounts;
    }

    public AdminSessions sessions() {
        return sessions;
    }

    public ApiTokens apiTokens() {
        return apiTokens;
    }

    public AuditLog audit() {
        return audit;
    }

    public AdminStats stats() {
        return stats;
    }
}
