package dev.gazette.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gazette.Sha256;
import dev.gazette.config.AdminConfig;
import dev.gazette.db.Database;
import dev.gazette.db.DatabaseKind;
import dev.gazette.testing.MutableClock;
import dev.gazette.testing.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Admins, sessions, API tokens and the audit log on H2 and on PostgreSQL: every query must work on both. */
class AdminStoresTest {
    private static final String PASSWORD = "correct horse battery staple";

    private final MutableClock clock = new MutableClock("2026-11-28T10:00:00Z");

    private Admin admin(Database db) {
        return new Admin(db.jdbi(), clock, new AdminConfig(Duration.ofMinutes(30), true));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void passwordsAreKeptAsArgon2idHashesAndCheckedIgnoringTheNamesCase(DatabaseKind kind) {
        try (Database db = TestDatabases.open(kind)) {
            AdminAccounts accounts = admin(db).accounts();

            AdminUser alice = accounts.create("Alice", PASSWORD);

            String stored = db.jdbi().withHandle(h -> h.createQuery("SELECT password_hash FROM admin_user")
                    .mapTo(String.class).one());
            assertThat(stored).startsWith("$argon2id$v=19$m=16384,t=2,p=1$").doesNotContain(PASSWORD);
            assertThat(accounts.authenticate("alice", PASSWORD)).map(AdminUser::id).contains(alice.id());
            assertThat(accounts.authenticate("ALICE", PASSWORD)).isPresent();
            assertThat(accounts.authenticate("alice", PASSWORD + " ")).isEmpty();
            assertThat(accounts.authenticate("bob", PASSWORD)).isEmpty();
            assertThat(accounts.authenticate("", "")).isEmpty();
            assertThat(accounts.authenticate(null, null)).isEmpty();
            assertThat(accounts.findByName("alice").orElseThrow().lastLoginAt()).isEqualTo(clock.instant());
            assertThat(accounts.list()).extracting(AdminUser::name).containsExactly("Alice");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void namesAreUniqueIgnoringCaseAndWeakPasswordsOrBadNamesAreRefused(DatabaseKind kind) {
        try (Database db = TestDatabases.open(kind)) {
            AdminAccounts accounts = admin(db).accounts();
            accounts.create("alice", PASSWORD);

            assertThatThrownBy(() -> accounts.create("ALICE", PASSWORD)).isInstanceOf(AdminException.class)
                    .hasMessage("there is already an admin named 'ALICE'");
            assertThatThrownBy(() -> accounts.create("bob", "short")).isInstanceOf(AdminException.class)
                    .hasMessageContaining("too short (5 characters): use at least 12");
            assertThatThrownBy(() -> accounts.create("bob", "bob-the-builder-2026")).hasMessageContaining("name");
            assertThatThrownBy(() -> accounts.create("bad name", PASSWORD)).hasMessageContaining("not a valid admin name");
            assertThatThrownBy(() -> accounts.create("", PASSWORD)).hasMessageContaining("not a valid admin name");
            assertThat(accounts.count()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theFirstAdminIsCreatedOnlyWhenThereIsNone(DatabaseKind kind) {
        try (Database db = TestDatabases.open(kind)) {
            AdminAccounts accounts = admin(db).accounts();
            String password = AdminAccounts.randomPassword();

            assertThat(password).hasSize(20);
            assertThat(accounts.createFirst("admin", password)).map(AdminUser::name).contains("admin");
            assertThat(accounts.createFirst("admin", AdminAccounts.randomPassword())).isEmpty();
            assertThat(accounts.authenticate("admin", password)).isPresent();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void sessionsKeepOnlyAHashOfTheirIdAndEndWhenIdleLoggedOutOrThePasswordChanges(DatabaseKind kind) {
        try (Database db = TestDatabases.open(kind)) {
            Admin admin = admin(db);
            AdminUser alice = admin.accounts().create("alice", PASSWORD);
            AdminSessions sessions = admin.sessions();

            String id = sessions.start(alice);
            assertThat(id).hasSize(43).matches("[A-Za-z0-9_-]+");
            List<String> stored = db.jdbi().withHandle(h -> h.createQuery("SELECT id_hash FROM admin_session")
                    .mapTo(String.class).list());
            assertThat(stored).containsExactly(Sha256.hex(id));

            clock.advance(Duration.ofMinutes(29));
            assertThat(sessions.use(id)).map(AdminSession::adminName).contains("alice");
            clock.advance(Duration.ofMinutes(29)); // 58 minutes after log-in, 29 after last use: still live
            assertThat(sessions.use(id)).isPresent();
            clock.advance(Duration.ofMinutes(31));
            assertThat(sessions.use(id)).isEmpty();
            assertThat(sessions.use(id)).isEmpty();
            assertThat(sessions.use("not-a-session")).isEmpty();
            assertThat(sessions.use(null)).isEmpty();

            String first = sessions.start(alice);
            String second = sessions.start(alice);
            assertThat(sessions.countLive(alice.id())).isEqualTo(2);
            assertThat(sessions.end(first)).isTrue();
            assertThat(sessions.use(first)).isEmpty();

            String third = sessions.start(alice);
            admin.accounts().changePassword("alice", "another fine passphrase", third);
            assertThat(sessions.use(second)).isEmpty();
            assertThat(sessions.use(third)).isPresent();
            assertThat(admin.accounts().authenticate("alice", PASSWORD)).isEmpty();
            assertThat(admin.accounts().authenticate("alice", "another fine passphrase")).isPresent();

            admin.accounts().changePassword("alice", "yet another passphrase", null);
            assertThat(sessions.use(third)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void apiTokensAreShownOnceStoredAsHashesVerifiedAndRevoked(DatabaseKind kind) {
        try (Database db = TestDatabases.open(kind)) {
            ApiTokens tokens = admin(db).apiTokens();

            NewApiToken created = tokens.create("  deploy script ", "alice");
            assertThat(created.secret()).startsWith("gzt_").hasSize(47);
            assertThat(created.toString()).doesNotContain(created.secret());
            assertThat(created.token().name()).isEqualTo("deploy script");
            assertThat(created.token().lastUsedAt()).isNull();
            List<String> stored = db.jdbi().withHandle(h -> h.createQuery("SELECT token_hash FROM api_token")
                    .mapTo(String.class).list());
            assertThat(stored).containsExactly(Sha256.hex(created.secret()));

            assertThat(tokens.verify(created.secret())).map(ApiToken::id).contains(created.token().id());
            assertThat(tokens.find(created.token().id()).orElseThrow().lastUsedAt()).isEqualTo(clock.instant());
            assertThat(tokens.verify(" " + created.secret() + "\n")).isPresent();
            assertThat(tokens.verify(created.secret().substring(0, 46) + "x")).isEmpty();
            assertThat(tokens.verify("gzt_")).isEmpty();
            assertThat(tokens.verify("")).isEmpty();
            assertThat(tokens.verify(null)).isEmpty();
            assertThat(tokens.verify("Bearer " + created.secret())).isEmpty();

            NewApiToken other = tokens.create("monitoring", "cli");
            assertThat(tokens.revoke(created.token().id(), "bob")).isTrue();
            assertThat(tokens.revoke(created.token().id(), "bob")).isFalse();
            assertThat(tokens.verify(created.secret())).isEmpty();
            assertThat(tokens.verify(other.secret())).isPresent();
            assertThat(tokens.list()).extracting(ApiToken::name).containsExactly("monitoring", "deploy script");
            ApiToken revoked = tokens.find(created.token().id()).orElseThrow();
            assertThat(revoked.active()).isFalse();
            assertThat(revoked.revokedBy()).isEqualTo("bob");

            assertThatThrownBy(() -> tokens.create(" ", "alice")).hasMessageContaining("needs a name");
            assertThatThrownBy(() -> tokens.create("x".repeat(101), "alice")).hasMessageContaining("at most 100");
            assertThatThrownBy(() -> tokens.create("a\nb", "alice")).hasMessageContaining("one line");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theAuditLogListsNewestFirstByActorAndActionAndCutsLongValues(DatabaseKind kind) {
        try (Database db = TestDatabases.open(kind)) {
            AuditLog audit = admin(db).audit();
            audit.record("alice", "login", null, "from 127.0.0.1");
            clock.advance(Duration.ofMinutes(1));
            audit.record("alice", "subscriber.update", "a@example.org", "name 'A' → 'B'");
            audit.record("bob", "subscriber.delete", "b@example.org", null);
            audit.record("cli", "token.create", "x".repeat(500), "y".repeat(3000));

            List<AuditEntry> all = audit.list(null, null, 0, 10);
            assertThat(all).extracting(AuditEntry::action)
                    .containsExactly("token.create", "subscriber.delete", "subscriber.update", "login");
            assertThat(all.get(0).target()).hasSize(400).endsWith("…");
            assertThat(all.get(0).detail()).hasSize(2000);
            assertThat(all.get(2).createdAt()).isEqualTo(Instant.parse("2026-11-28T10:01:00Z"));
            assertThat(all.get(2).detail()).isEqualTo("name 'A' → 'B'");

            assertThat(audit.list("alice", null, 0, 10)).extracting(AuditEntry::action)
                    .containsExactly("subscriber.update", "login");
            assertThat(audit.list(null, "subscriber", 0, 10)).extracting(AuditEntry::actor).containsExactly("bob", "alice");
            assertThat(audit.list(null, "subscriber.delete", 0, 10)).hasSize(1);
            assertThat(audit.list(null, "sub", 0, 10)).isEmpty();
            assertThat(audit.list(" ", " ", all.get(1).id(), 10)).extracting(AuditEntry::action)
                    .containsExactly("subscriber.update", "login");
            assertThat(audit.list(null, null, 0, 2)).hasSize(2);
        }
    }
}
