package dev.gazette.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.Gazette;
import dev.gazette.admin.AuditEntry;
import dev.gazette.config.ConfigLoader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin commands as a user runs them, on a temporary embedded database; passwords come from standard input. */
class AdminCommandTest {
    private static final String PASSWORD = "correct horse battery staple";

    @TempDir
    Path dir;

    private Path config;
    private final InputStream realIn = System.in;

    record Run(int exitCode, String out, String err) {}

    @BeforeEach
    void writeConfig() throws IOException {
        config = dir.resolve("gazette.yml");
        Files.writeString(config, "data-dir: " + dir.resolve("data") + "\n");
    }

    @AfterEach
    void restoreStandardInput() {
        System.setIn(realIn);
    }

    private Run gazette(String stdin, String... args) {
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.add("--config");
        all.add(config.toString());
        int code = GazetteCli.run(new PrintWriter(out), new PrintWriter(err), all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    private Gazette open() {
        return Gazette.open(new ConfigLoader(Map.of()).load(config), Clock.systemUTC());
    }

    @Test
    void createRefusesWeakPasswordsAndTakenNamesThenListsTheAdmin() {
        Run weak = gazette("hunter2\n", "admin", "create", "bob", "--password-stdin");
        assertThat(weak.exitCode()).isEqualTo(2);
        assertThat(weak.err()).isEqualTo("gazette: the password is too short (7 characters): use at least 12, "
                + "for example a few random words\n");

        Run created = gazette(PASSWORD + "\n", "admin", "create", "bob", "--password-stdin");
        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.out()).isEqualTo("Admin bob created. Log in at http://127.0.0.1:8080/admin\n");

        Run again = gazette(PASSWORD + "\n", "admin", "create", "BOB", "--password-stdin");
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("there is already an admin named 'BOB'");

        Run list = gazette("", "admin", "list");
        assertThat(list.out()).startsWith("NAME").containsPattern("\\nbob\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC");
        try (Gazette gazette = open()) {
            assertThat(gazette.admin().accounts().authenticate("bob", PASSWORD)).isPresent();
            assertThat(gazette.admin().audit().list("cli", null, 0, 10)).extracting(AuditEntry::action)
                    .containsExactly("admin.create");
        }
    }

    @Test
    void withoutATerminalThePasswordMustComeFromStandardInput() {
        Run run = gazette(PASSWORD + "\n", "admin", "create", "bob");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("gazette: there is no terminal to read the password from: pipe it in with "
                + "--password-stdin\n");
        assertThat(gazette("", "admin", "create", "bob", "--password-stdin").err())
                .isEqualTo("gazette: no password on standard input\n");
    }

    @Test
    void passwordSetsANewPasswordAndEndsEverySession() {
        gazette(PASSWORD + "\n", "admin", "create", "bob", "--password-stdin");
        String session;
        try (Gazette gazette = open()) {
            session = gazette.admin().sessions().start(gazette.admin().accounts().findByName("bob").orElseThrow());
        }

        Run changed = gazette("another long passphrase\n", "admin", "password", "bob", "--password-stdin");

        assertThat(changed.exitCode()).as(changed.err()).isZero();
        assertThat(changed.out()).isEqualTo("New password set for bob; they are logged out everywhere.\n");
        try (Gazette gazette = open()) {
            assertThat(gazette.admin().accounts().authenticate("bob", "another long passphrase")).isPresent();
            assertThat(gazette.admin().accounts().authenticate("bob", PASSWORD)).isEmpty();
            assertThat(gazette.admin().sessions().use(session)).isEmpty();
        }
        assertThat(gazette("another long passphrase\n", "admin", "password", "carol", "--password-stdin").err())
                .isEqualTo("gazette: there is no admin named 'carol' (see: gazette admin list)\n");
    }

    @Test
    void aTokenIsPrintedOnceListedWithoutItAndRevoked() {
        Run created = gazette("", "admin", "token", "create", "deploy script");

        assertThat(created.exitCode()).isZero();
        Matcher token = Pattern.compile("^(gzt_[A-Za-z0-9_-]{43})$", Pattern.MULTILINE).matcher(created.out());
        assertThat(token.find()).as(created.out()).isTrue();
        String secret = token.group(1);
        assertThat(created.out()).startsWith("Token 1 (deploy script):\n")
                .endsWith("Keep it now: it is not shown again. Revoke it with 'gazette admin token revoke 1'.\n");

        Run list = gazette("", "admin", "token", "list");
        assertThat(list.out()).contains("deploy script", "cli", "active").doesNotContain(secret);
        try (Gazette gazette = open()) {
            assertThat(gazette.admin().apiTokens().verify(secret)).isPresent();
        }

        assertThat(gazette("", "admin", "token", "revoke", "1").out()).isEqualTo("Token 1 (deploy script) revoked.\n");
        assertThat(gazette("", "admin", "token", "revoke", "1").out()).isEqualTo("Token 1 (deploy script) was revoked already.\n");
        assertThat(gazette("", "admin", "token", "revoke", "7").err())
                .isEqualTo("gazette: there is no API token 7 (see: gazette admin token list)\n");
        assertThat(gazette("", "admin", "token", "list").out()).contains("revoked ");
        try (Gazette gazette = open()) {
            assertThat(gazette.admin().apiTokens().verify(secret)).isEmpty();
            assertThat(gazette.admin().audit().list("cli", "token", 0, 10)).extracting(AuditEntry::action)
                    .containsExactly("token.revoke", "token.create");
        }
    }

    @Test
    void serveCreatesTheFirstAdminWithARandomPasswordPrintedOnceOnly() {
        StringWriter first = new StringWriter();
        StringWriter second = new StringWriter();
        try (Gazette gazette = open()) {
            ServeCommand.firstAdmin(gazette, "http://localhost:8080", new PrintWriter(first, true));
            ServeCommand.firstAdmin(gazette, "http://localhost:8080", new PrintWriter(second, true));

            Matcher line = Pattern.compile("^Admin console: http://localhost:8080/admin  user admin  password (\\S{20})$",
                    Pattern.MULTILINE).matcher(first.toString());
            assertThat(line.find()).as(first.toString()).isTrue();
            assertThat(gazette.admin().accounts().authenticate("admin", line.group(1))).isPresent();
            assertThat(second.toString()).isEqualTo("Admin console: http://localhost:8080/admin\n");
            assertThat(gazette.admin().audit().list("serve", "admin.create", 0, 10)).hasSize(1);
        }
        Run list = gazette("", "admin", "list");
        assertThat(list.out()).containsPattern("\\nadmin\\s");
    }

    @Test
    void serveWithoutCreateOnStartSaysHowToAddAnAdmin() throws IOException {
        Files.writeString(config, "data-dir: " + dir.resolve("data") + "\nadmin: {create-on-start: false}\n");
        StringWriter out = new StringWriter();
        try (Gazette gazette = open()) {
            ServeCommand.firstAdmin(gazette, "http://localhost:8080", new PrintWriter(out, true));
            assertThat(gazette.admin().accounts().count()).isZero();
        }
        assertThat(out.toString()).isEqualTo("Admin console: no admin yet; add one with 'gazette admin create NAME'.\n");
    }

    @Test
    void helpExplainsTheAdminCommands() {
        assertThat(gazette("", "--help").out()).contains("admin");
        assertThat(gazette("", "admin", "--help").out()).contains("create", "password", "list", "token", "--password-stdin");
        assertThat(gazette("", "admin", "token", "--help").out()).contains("create", "list", "revoke", "Bearer");
    }
}
