package dev.gazette.cli;

import dev.gazette.Gazette;
import dev.gazette.GazetteException;
import dev.gazette.admin.AdminUser;
import dev.gazette.admin.ApiToken;
import dev.gazette.admin.AuditLog;
import dev.gazette.admin.NewApiToken;
import dev.gazette.admin.PasswordPolicy;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "admin", mixinStandardHelpOptions = true,
        description = {
            "Manage the admins of the console (/admin) and the tokens of the REST API.",
            "Passwords are read from the terminal without echo, or from standard input with --password-stdin;",
            "they must have at least " + PasswordPolicy.MIN_LENGTH + " characters. Every change is recorded in the audit log."
        },
        subcommands = {
            AdminCommand.Create.class,
            AdminCommand.Password.class,
            AdminCommand.ListAdmins.class,
            AdminCommand.Tokens.class
        })
final class AdminCommand {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    private AdminCommand() {}

    /** Where a new password comes from. */
    static final class PasswordSource {
        @Option(names = "--password-stdin",
                description = "Read the password from the first line of standard input (for scripts), not the terminal.")
        boolean stdin;

        String read(String name) {
            if (stdin) {
                try {
                    String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                    if (line == null || line.isEmpty()) {
                        throw new GazetteException("no password on standard input");
                    }
                    return line;
                } catch (IOException e) {
                    throw new GazetteException("cannot read the password from standard input: " + e.getMessage(), e);
                }
            }
            Console console = System.console();
            if (console == null) {
                throw new GazetteException("there is no terminal to read the password from: pipe it in with "
                        + "--password-stdin");
            }
            char[] first = console.readPassword("New password for %s (at least %d characters): ", name,
                    PasswordPolicy.MIN_LENGTH);
            if (first == null) {
                throw new GazetteException("no password given");
            }
            PasswordPolicy.problem(name, new String(first)).ifPresent(problem -> {
                throw new GazetteException(problem);
            });
            char[] again = console.readPassword("The same password again: ");
            try {
                if (again == null || !Arrays.equals(first, again)) {
                    throw new GazetteException("the two passwords differ; nothing was changed");
                }
                return new String(first);
            } finally {
                Arrays.fill(first, ' ');
                if (again != null) {
                    Arrays.fill(again, ' ');
                }
            }
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Add an admin who can log in to the console at /admin.")
    static final class Create implements Callable<Integer> {
        @Mixin
        GazetteOptions options;

        @Mixin
        PasswordSource password;

        @Parameters(paramLabel = "NAME", description = "Their log-in name: letters, digits, '.', '-', '_' or '@'.")
        String name;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            String secret = password.read(name);
            try (Gazette gazette = options.open(false)) {
                AdminUser admin = gazette.admin().accounts().create(name, secret);
                gazette.admin().audit().record(AuditLog.CLI, "admin.create", admin.name(), null);
                spec.commandLine().getOut().printf("Admin %s created. Log in at %s/admin%n", admin.name(),
                        gazette.config().server().baseUrl(gazette.config().server().port()));
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "password", mixinStandardHelpOptions = true,
            description = "Give an admin a new password; every session of theirs ends.")
    static final class Password implements Callable<Integer> {
        @Mixin
        GazetteOptions options;

        @Mixin
        PasswordSource password;

        @Parameters(paramLabel = "NAME", description = "The admin's name.")
        String name;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (Gazette gazette = options.open(false)) {
                AdminUser admin = gazette.admin().accounts().findByName(name)
                        .orElseThrow(() -> new GazetteException("there is no admin named '" + name
                                + "' (see: gazette admin list)"));
                gazette.admin().accounts().changePassword(admin.name(), password.read(admin.name()), null);
                gazette.admin().audit().record(AuditLog.CLI, "admin.password", admin.name(), "every session ended");
                spec.commandLine().getOut().printf("New password set for %s; they are logged out everywhere.%n",
                        admin.name());
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the admins.")
    static final class ListAdmins implements Callable<Integer> {
        @Mixin
        GazetteOptions options;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Gazette gazette = options.open(false)) {
                Table table = new Table("NAME", 64, "CREATED", 20, "PASSWORD CHANGED", 20, "LAST LOG-IN", 20,
                        "SESSIONS", 8);
                for (AdminUser a : gazette.admin().accounts().list()) {
                    table.row(a.name(), time(a.createdAt()), time(a.passwordChangedAt()), time(a.lastLoginAt()),
                            gazette.admin().sessions().countLive(a.id()));
                }
                if (table.isEmpty()) {
                    out.println("No admins yet. Add one with 'gazette admin create NAME' (or start 'gazette serve', "
                            + "which creates 'admin' with a password it prints once).");
                } else {
                    table.print(out);
                }
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "token", mixinStandardHelpOptions = true,
            description = {
                "Create, list and revoke tokens for the REST API. A client sends one as 'Authorization: Bearer TOKEN'.",
                "A token is printed once, when created: only its hash is kept."
            },
            subcommands = {Tokens.CreateToken.class, Tokens.ListTokens.class, Tokens.RevokeToken.class})
    static final class Tokens {

        @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a token and print it, once.")
        static final class CreateToken implements Callable<Integer> {
            @Mixin
            GazetteOptions options;

            @Parameters(paramLabel = "NAME", description = "What the token is for, e.g. 'deploy script'.")
            String name;

            @Spec
            CommandSpec spec;

            @Override
            public Integer call() {
                try (Gazette gazette = options.open(false)) {
                    NewApiToken created = gazette.admin().apiTokens().create(name, AuditLog.CLI);
                    gazette.admin().audit().record(AuditLog.CLI, "token.create", created.token().name(),
                            "id " + created.token().id());
                    PrintWriter out = spec.commandLine().getOut();
                    out.printf("Token %d (%s):%n%s%n", created.token().id(), created.token().name(), created.secret());
                    out.println("Keep it now: it is not shown again. Revoke it with 'gazette admin token revoke "
                            + created.token().id() + "'.");
                    return ExitCodes.OK;
                }
            }
        }

        @Command(name = "list", mixinStandardHelpOptions = true, description = "List the tokens (never the tokens themselves).")
        static final class ListTokens implements Callable<Integer> {
            @Mixin
            GazetteOptions options;

            @Spec
            CommandSpec spec;

            @Override
            public Integer call() {
                PrintWriter out = spec.commandLine().getOut();
                try (Gazette gazette = options.open(false)) {
                    Table table = new Table("ID", 6, "NAME", 40, "CREATED BY", 20, "CREATED", 20, "LAST USED", 20,
                            "STATE", 30);
                    for (ApiToken t : gazette.admin().apiTokens().list()) {
                        table.row(t.id(), t.name(), t.createdBy(), time(t.createdAt()), time(t.lastUsedAt()),
                                t.active() ? "active" : "revoked " + time(t.revokedAt()));
                    }
                    if (table.isEmpty()) {
                        out.println("No API tokens. Create one with 'gazette admin token create NAME'.");
                    } else {
                        table.print(out);
                    }
                    return ExitCodes.OK;
                }
            }
        }

        @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a token: it stops working at once.")
        static final class RevokeToken implements Callable<Integer> {
            @Mixin
            GazetteOptions options;

            @Parameters(paramLabel = "ID", description = "The token's id (see: gazette admin token list).")
            long id;

            @Spec
            CommandSpec spec;

            @Override
            public Integer call() {
                try (Gazette gazette = options.open(false)) {
                    ApiToken token = gazette.admin().apiTokens().find(id)
                            .orElseThrow(() -> new GazetteException("there is no API token " + id
                                    + " (see: gazette admin token list)"));
                    if (!gazette.admin().apiTokens().revoke(id, AuditLog.CLI)) {
                        spec.commandLine().getOut().printf("Token %d (%s) was revoked already.%n", id, token.name());
                        return ExitCodes.OK;
                    }
                    gazette.admin().audit().record(AuditLog.CLI, "token.revoke", token.name(), "id " + id);
                    spec.commandLine().getOut().printf("Token %d (%s) revoked.%n", id, token.name());
                    return ExitCodes.OK;
                }
            }
        }
    }

    private static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atOffset(ZoneOffset.UTC));
    }
}
