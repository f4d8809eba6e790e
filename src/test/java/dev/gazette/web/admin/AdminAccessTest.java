package dev.gazette.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.admin.AuditEntry;
import dev.gazette.db.DatabaseKind;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who may use the console: log-in, sessions, log-out, CSRF, over real HTTP. */
class AdminAccessTest {
    @TempDir
    Path dir;

    private AdminWorld world;
    private long subscriberId;

    @BeforeEach
    void open() {
        world = new AdminWorld(dir, DatabaseKind.H2, "admin: {session-timeout: 30m}");
        world.importSubscribers("email,name,topics,frequency,timezone,locale\nann@example.org,Ann,oncology,weekly,UTC,en\n");
        subscriberId = world.subscriberId("ann@example.org");
    }

    @AfterEach
    void close() {
        world.close();
    }

    private List<String> pages() {
        return List.of("/admin", "/admin/subscribers", "/admin/subscribers?status=ACTIVE&q=ann",
                "/admin/subscribers/" + subscriberId, "/admin/subscribers/import", "/admin/subscribers/export",
                "/admin/topics", "/admin/topics/oncology", "/admin/preview", "/admin/preview?email=ann@example.org",
                "/admin/preview/" + subscriberId + "/html", "/admin/deliveries", "/admin/outbox", "/admin/tokens",
                "/admin/audit", "/admin/account", "/admin/alerts", "/admin/alerts?test=cancer");
    }

    private List<String> posts() {
        return List.of("/admin/logout", "/admin/account", "/admin/subscribers/" + subscriberId,
                "/admin/subscribers/" + subscriberId + "/unsubscribe", "/admin/subscribers/" + subscriberId + "/delete",
                "/admin/subscribers/import", "/admin/topics/oncology", "/admin/topics/oncology/reset",
                "/admin/deliveries/retry", "/admin/tokens", "/admin/tokens/1/revoke",
                "/admin/subscribers/" + subscriberId + "/alerts", "/admin/alerts/1/pause", "/admin/alerts/1/resume",
                "/admin/alerts/1/delete");
    }

    @Test
    void everyAdminPageSendsAVisitorToTheLogInPageAndShowsToAnAdmin() {
        Browser visitor = world.browser();
        for (String page : pages()) {
            Browser.Page answer = visitor.get(page);
            assertThat(answer.status()).as(page).isEqualTo(303);
            assertThat(answer.location()).as(page)
                    .isEqualTo("/admin/login?next=" + URLEncoder.encode(page, StandardCharsets.UTF_8));
            assertThat(answer.body()).as(page).doesNotContain("ann@example.org");
        }
        Browser admin = world.admin();
        for (String page : pages()) {
            assertThat(admin.get(page).status()).as(page).isEqualTo(200);
        }
    }

    @Test
    void everyAdminPostWithoutASessionIsRefusedAndChangesNothing() {
        Browser visitor = world.browser();
        for (String post : posts()) {
            Browser.Page answer = visitor.post(post, Map.of("confirm", "yes", "name", "x", "include", "x"));
            assertThat(answer.status()).as(post).isEqualTo(403);
            assertThat(answer.body()).as(post).contains("Log in first");
        }
        assertThat(world.gazette.subscribers().find(subscriberId)).isPresent();
        assertThat(world.gazette.subscribers().find(subscriberId).orElseThrow().status().name()).isEqualTo("ACTIVE");
        assertThat(world.gazette.admin().apiTokens().list()).isEmpty();
        assertThat(world.gazette.topics().overrides()).isEmpty();
    }

    @Test
    void aWrongPasswordAndAnUnknownNameGetTheSameAnswerAndNoSession() {
        Browser visitor = world.browser();

        Browser.Page wrongPassword = visitor.login(AdminWorld.ADMIN, "not the password at all");
        Browser.Page unknownName = visitor.login("mallory", AdminWorld.PASSWORD);

        for (Browser.Page answer : List.of(wrongPassword, unknownName)) {
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.doc().select("[role=alert]").text()).isEqualTo("Wrong name or password.");
            assertThat(answer.all("Set-Cookie")).noneMatch(c -> c.startsWith("gazette_admin="));
        }
        assertThat(visitor.get("/admin").status()).isEqualTo(303);
        assertThat(wrongPassword.doc().select("input[name=name]").attr("value")).isEqualTo(AdminWorld.ADMIN);
        assertThat(wrongPassword.doc().select("input[name=password]").attr("value")).isEmpty();
        List<AuditEntry> audit = world.gazette.admin().audit().list(null, "login", 0, 10);
        assertThat(audit).extracting(AuditEntry::action).containsExactly("login.failed", "login.failed");
        assertThat(audit).extracting(AuditEntry::target).containsExactly("(no such admin)", AdminWorld.ADMIN);
        assertThat(audit).extracting(AuditEntry::actor).containsOnly("anonymous");
    }

    @Test
    void loggingInSetsAnHttpOnlyLaxCookieForTheConsoleAndReturnsToThePageAskedFor() {
        Browser browser = world.browser();
        String asked = browser.get("/admin/subscribers?status=ACTIVE").location();
        Browser.Page form = browser.get(asked);
        assertThat(form.doc().select("input[name=next]").attr("value")).isEqualTo("/admin/subscribers?status=ACTIVE");

        Browser.Page answer = browser.post("/admin/login", Map.of("name", "ALICE", "password", AdminWorld.PASSWORD,
                "next", "/admin/subscribers?status=ACTIVE"));

        assertThat(answer.status()).isEqualTo(303);
        assertThat(answer.location()).isEqualTo("/admin/subscribers?status=ACTIVE");
        String cookie = answer.all("Set-Cookie").stream().filter(c -> c.startsWith("gazette_admin=")).findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly", "SameSite=Lax", "Path=/admin").doesNotContain("Secure", "Max-Age", "Expires");
        assertThat(browser.get("/admin/subscribers").doc().select("#subscribers td").text()).contains("ann@example.org");
        assertThat(browser.get("/admin/login").location()).isEqualTo("/admin");
        assertThat(world.gazette.admin().audit().list(AdminWorld.ADMIN, "login", 0, 10)).hasSize(1);
    }

    @Test
    void afterLoggingInOnlyPagesOfTheConsoleAreFollowed() {
        for (String next : List.of("https://evil.example/", "//evil.example/admin", "/\\evil.example", "/admin/login",
                "/adminx", "javascript:alert(1)")) {
            Browser browser = world.browser();
            browser.get("/admin/login");
            Browser.Page answer = browser.post("/admin/login", Map.of("name", AdminWorld.ADMIN, "password", AdminWorld.PASSWORD,
                    "next", next));
            assertThat(answer.location()).as(next).isEqualTo("/admin");
        }
    }

    @Test
    void afterFiveFailuresTheNameIsLockedEvenForTheRightPassword() {
        Browser visitor = world.browser();
        for (int i = 0; i < 5; i++) {
            assertThat(visitor.login(AdminWorld.ADMIN, "guess number " + i).status()).isEqualTo(401);
        }

        Browser.Page locked = visitor.login(AdminWorld.ADMIN, AdminWorld.PASSWORD);

        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.doc().select("[role=alert]").text()).isEqualTo("Too many failed log-ins. Try again in 15 minute(s).");
        assertThat(visitor.get("/admin").status()).isEqualTo(303);
        assertThat(world.gazette.admin().audit().list("anonymous", "login.refused", 0, 10)).hasSize(1);
    }

    @Test
    void aSessionEndsAfterTheTimeoutWithoutUseAndUseKeepsItAlive() {
        Browser admin = world.admin();
        world.clock.advance(Duration.ofMinutes(20));
        assertThat(admin.get("/admin").status()).isEqualTo(200);
        world.clock.advance(Duration.ofMinutes(20));
        assertThat(admin.get("/admin").status()).as("40 minutes after log-in, 20 after the last use").isEqualTo(200);

        world.clock.advance(Duration.ofMinutes(31));

        Browser.Page expired = admin.get("/admin/subscribers");
        assertThat(expired.status()).isEqualTo(303);
        assertThat(expired.location()).startsWith("/admin/login");
        assertThat(admin.post("/admin/tokens", Map.of("name", "late")).status()).isEqualTo(403);
        assertThat(world.gazette.admin().apiTokens().list()).isEmpty();
    }

    @Test
    void loggingOutEndsTheSessionOnTheServerSoACopiedCookieNoLongerWorks() {
        Browser admin = world.admin();
        String session = admin.cookie(AdminAuth.COOKIE).orElseThrow();
        Browser thief = world.browser();
        thief.setCookie(AdminAuth.COOKIE, session);
        assertThat(thief.get("/admin").status()).isEqualTo(200);
        assertThat(admin.get("/admin/logout").status()).as("a GET (a link, a prefetch) does not log out").isEqualTo(404);
        assertThat(admin.get("/admin").status()).isEqualTo(200);

        Browser.Page out = admin.post("/admin/logout", Map.of());

        assertThat(out.status()).isEqualTo(303);
        assertThat(out.location()).isEqualTo("/admin/login?done=logged-out");
        assertThat(admin.get(out.location()).doc().select("[role=status]").text()).isEqualTo("You are logged out.");
        assertThat(admin.get("/admin").status()).isEqualTo(303);
        assertThat(thief.get("/admin").status()).isEqualTo(303);
        assertThat(world.gazette.admin().audit().list(AdminWorld.ADMIN, "logout", 0, 10)).hasSize(1);
    }

    @Test
    void formsWithoutThisBrowsersCsrfValueAreRefused() {
        Browser admin = world.admin();
        Browser other = world.browser();
        String othersValue = other.csrf();

        assertThat(admin.postRaw("/admin/tokens", Map.of("name", "no csrf")).status()).isEqualTo(403);
        assertThat(admin.postRaw("/admin/tokens", Map.of("name", "someone else's", "_csrf", othersValue)).status())
                .isEqualTo(403);
        assertThat(admin.postRaw("/admin/subscribers/" + subscriberId + "/delete", Map.of("confirm", "yes", "_csrf", ""))
                .status()).isEqualTo(403);
        assertThat(world.browser().postRaw("/admin/login", Map.of("name", AdminWorld.ADMIN, "password", AdminWorld.PASSWORD))
                .status()).isEqualTo(403);
        assertThat(world.gazette.admin().apiTokens().list()).isEmpty();
        assertThat(world.gazette.subscribers().find(subscriberId)).isPresent();
        assertThat(admin.post("/admin/tokens", Map.of("name", "with csrf")).status()).isEqualTo(200);
    }

    @Test
    void changingThePasswordEndsTheOtherSessionsButNotThisOne() {
        Browser laptop = world.admin();
        Browser phone = world.admin();

        Browser.Page weak = laptop.post("/admin/account", Map.of("current", AdminWorld.PASSWORD, "password", "tooshort",
                "again", "tooshort"));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.doc().select("[role=alert]").text()).contains("too short");
        assertThat(laptop.post("/admin/account", Map.of("current", "wrong", "password", "a new long passphrase",
                "again", "a new long passphrase")).doc().select("[role=alert]").text())
                .isEqualTo("The current password is not right.");
        assertThat(phone.get("/admin").status()).isEqualTo(200);

        Browser.Page changed = laptop.post("/admin/account", Map.of("current", AdminWorld.PASSWORD,
                "password", "a new long passphrase", "again", "a new long passphrase"));

        assertThat(changed.status()).isEqualTo(303);
        assertThat(laptop.get(changed.location()).doc().select("[role=status]").text()).contains("Your password is changed");
        assertThat(phone.get("/admin").status()).isEqualTo(303);
        assertThat(world.browser().login(AdminWorld.ADMIN, "a new long passphrase").status()).isEqualTo(303);
        assertThat(world.gazette.admin().audit().list(AdminWorld.ADMIN, "admin.password", 0, 10)).hasSize(1);
    }

    @Test
    void adminPagesForbidFramingScriptsAndCaching() {
        Browser admin = world.admin();
        for (String page : List.of("/admin", "/admin/login", "/admin/subscribers")) {
            Browser.Page answer = admin.get(page.equals("/admin/login") ? "/admin/audit" : page);
            assertThat(answer.header("Content-Security-Policy")).get().asString()
                    .contains("default-src 'none'", "frame-ancestors 'none'", "form-action 'self'").doesNotContain("script-src");
            assertThat(answer.header("X-Frame-Options")).contains("DENY");
            assertThat(answer.header("Cache-Control")).contains("no-store");
        }
        Browser.Page digest = admin.get("/admin/preview/" + subscriberId + "/html");
        assertThat(digest.header("Content-Security-Policy")).get().asString().startsWith("sandbox")
                .contains("frame-ancestors 'self'");
        assertThat(digest.header("X-Frame-Options")).contains("SAMEORIGIN");
    }

    @Test
    void theSessionCookieIsSecureWhenGazetteIsReachedOverHttps() {
        try (AdminWorld https = new AdminWorld(dir.resolve("https"), DatabaseKind.H2,
                "server: {public-url: \"https://news.example.org\"}")) {
            Browser browser = https.browser();
            Browser.Page form = browser.get("/admin/login");
            String csrfCookie = form.all("Set-Cookie").stream().filter(c -> c.startsWith("gazette_csrf=")).findFirst()
                    .orElseThrow();
            assertThat(csrfCookie).contains("Secure");
            Browser.Page answer = browser.postWithCookie("/admin/login", Map.of("name", AdminWorld.ADMIN,
                    "password", AdminWorld.PASSWORD, "_csrf", form.doc().select("input[name=_csrf]").attr("value")),
                    csrfCookie.substring(0, csrfCookie.indexOf(';')));
            assertThat(answer.status()).isEqualTo(303);
            assertThat(answer.all("Set-Cookie")).filteredOn(c -> c.startsWith("gazette_admin="))
                    .singleElement().asString().contains("Secure", "HttpOnly", "SameSite=Lax");
        }
    }
}
