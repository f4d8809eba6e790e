package dev.gazette.cli;

import dev.gazette.Gazette;
import dev.gazette.GazetteException;
import dev.gazette.alert.Alert;
import dev.gazette.alert.AlertFrequency;
import dev.gazette.alert.AlertListing;
import dev.gazette.alert.Alerts;
import dev.gazette.alert.query.InvalidQueryException;
import dev.gazette.alert.query.QueryProblem;
import dev.gazette.alert.query.TextSegment;
import dev.gazette.item.Item;
import dev.gazette.subscriber.Subscriber;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "alerts", mixinStandardHelpOptions = true,
        description = {
            "Subscribers' keyword alerts: list them with how much they match, add, change, pause, resume and delete",
            "them, test a query on the last days' items, and match new items now.",
            "Query syntax: words, \"exact phrases\", OR, -word to exclude, (groups), topic:SLUG, source:ID,",
            "kind:article or kind:event (see the README, \"Alerts\").",
            "Exit code: 0 done, 2 bad arguments, an unusable query, or an unknown subscriber or alert."
        },
        subcommands = {
            AlertsCommand.ListAlerts.class,
            AlertsCommand.AddAlert.class,
            AlertsCommand.ChangeAlert.class,
            AlertsCommand.PauseAlert.class,
            AlertsCommand.ResumeAlert.class,
            AlertsCommand.DeleteAlert.class,
            AlertsCommand.TestQuery.class,
            AlertsCommand.MatchAlerts.class
        })
final class AlertsCommand {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    /** Run against Gazette, printing an unusable query with a caret under its column (exit 2). */
    static int run(CommandSpec spec, GazetteOptions options, Function<Gazette, Integer> command) {
        try (Gazette gazette = options.open(false)) {
            return command.apply(gazette);
        } catch (InvalidQueryException e) {
            printProblem(spec.commandLine().getErr(), queryOf(spec), e.problem());
            return ExitCodes.CANNOT_RUN;
        } finally {
            spec.commandLine().getOut().flush();
        }
    }

    private static String queryOf(CommandSpec spec) {
        var option = spec.findOption("--query");
        return option == null ? null : option.getValue();
    }

    /**
     * "gazette: invalid query: column 8: ..." then the query and a caret under the column (in terminal columns, so
     * Korean text lines up).
     */
    static void printProblem(PrintWriter err, String query, QueryProblem problem) {
        err.println("gazette: invalid query: " + problem.message());
        if (query != null && problem.column() > 0) {
            String line = query.replaceAll("\\R", " ");
            int points = line.codePointCount(0, line.length());
            int before = line.offsetByCodePoints(0, Math.min(problem.column() - 1, points));
            err.println("  " + line);
            err.println("  " + " ".repeat(Table.width(line.substring(0, before))) + "^");
        }
        err.flush();
    }

    static AlertFrequency frequency(CommandSpec spec, String text) {
        try {
            return AlertFrequency.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--frequency " + e.getMessage());
        }
    }

    static Subscriber subscriber(Gazette gazette, String email) {
        return gazette.subscribers().findByEmail(email.strip())
                .orElseThrow(() -> new GazetteException("no subscriber " + email));
    }

    static Alert alert(Gazette gazette, long id) {
        return gazette.alerts().find(id).orElseThrow(() -> new GazetteException("no alert " + id
                + " (see: gazette alerts list)"));
    }

    static String describe(Alert a) {
        return "alert " + a.id() + " \"" + a.query() + "\" (" + a.frequency().label() + (a.paused() ? ", paused" : "")
                + ")";
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List alerts, newest first, with the items they matched in the last 7 and 30 days, in all, "
                    + "and those waiting for an email.")
    static final class ListAlerts implements Callable<Integer> {
        @Mixin
        GazetteOptions options;

        @Option(names = "--subscriber", paramLabel = "EMAIL", description = "Only this subscriber's alerts.")
        String email;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "100",
                description = "Show at most N alerts (default: ${DEFAULT-VALUE}).")
        int limit;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            if (limit < 1) {
                throw new ParameterException(spec.commandLine(), "--limit must be at least 1");
            }
            return run(spec, options, gazette -> {
                Long subscriberId = email == null ? null : subscriber(gazette, email).id();
                Table table = new Table("ID", 8, "SUBSCRIBER", 32, "QUERY", 50, "FREQUENCY", 9, "STATE", 6, "7D", 6,
                        "30D", 6, "TOTAL", 7, "WAITING", 7);
                for (AlertListing l : gazette.alerts().store().listing(subscriberId, limit)) {
                    Alert a = l.alert();
                    table.row(a.id(), l.subscriberEmail(), a.query(), a.frequency().label(),
                            a.paused() ? "paused" : "active", l.volume().lastWeek(), l.volume().lastMonth(),
                            l.volume().total(), l.volume().waiting());
                }
                PrintWriter out = spec.commandLine().getOut();
                if (table.isEmpty()) {
                    out.println(email != null ? "No alerts for " + email + "."
                            : "No alerts yet. Add one with 'gazette alerts add --subscriber EMAIL --query WORDS'.");
                } else {
                    table.print(out);
                }
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add an alert for a subscriber; it matches items collected from now on.")
    static final class AddAlert implements Callable<Integer> {
        @Mixin
        GazetteOptions options;

        @Option(names = "--subscriber", paramLabel = "EMAIL", required = true, description = "The subscriber's address.")
        String email;

        @Option(names = "--query", paramLabel = "QUERY", required = true, description = "What to look for.")
        String query;

        @Option(names = "--frequency", paramLabel = "F", defaultValue = "daily",
                description = "instant (as it happens), daily or weekly (default: ${DEFAULT-VALUE}).")
        String frequency;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            AlertFrequency f = frequency(spec, frequency);
            return run(spec, options, gazette -> {
                Alert alert = gazette.alerts().create(subscriber(gazette, email), query, f);
                spec.commandLine().getOut().println("Added " + describe(alert) + " for " + email.strip() + ".");
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "change", mixinStandardHelpOptions = true,
            description = "Change an alert's query or frequency; items it matched before stay matched.")
    static final class ChangeAlert implements Callable<Integer> {
        @Mixin
        GazetteOptions options;

        @Parameters(paramLabel = "ID", description = "The alert (see: gazette alerts list).")
        long id;

        @Option(names = "--query", paramLabel = "QUERY", description = "The new query.")
        String query;

        @Option(names = "--frequency", paramLabel = "F", description = "instant, daily or weekly.")
        String frequency;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            if (query == null && frequency == null) {
                throw new ParameterException(spec.commandLine(), "give --query, --frequency or both");
            }
            AlertFrequency f = frequency == null ? null : frequency(spec, frequency);
            return run(spec, options, gazette -> {
                Alert stored = alert(gazette, id);
                Alert changed = gazette.alerts().change(id, query == null ? stored.query() : query,
                        f == null ? stored.frequency() : f);
                spec.commandLine().getOut().println("Changed " + describe(changed) + ".");
                return ExitCodes.OK;
            });
        }
    }

    /** pause, resume and delete: one alert by id. */
    abstract static class OneAlert implements Callable<Integer> {
        @Mixin
        GazetteOptions options;

        @Parameters(paramLabel = "ID", description = "The alert (see: gazette alerts list).")
        long id;

        @Spec
        CommandSpec spec;

        abstract String apply(Alerts alerts, Alert alert);

        @Override
        public Integer call() {
            return run(spec, options, gazette -> {
                Alert alert = alert(gazette, id);
                spec.commandLine().getOut().println(apply(gazette.alerts(), alert));
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "pause", mixinStandardHelpOptions = true,
            description = "Pause an alert: it matches and sends nothing until resumed; what it found but had not sent "
                    + "is dropped.")
    static final class PauseAlert extends OneAlert {
        @Override
        String apply(Alerts alerts, Alert alert) {
            alerts.pause(alert.id());
            return "Paused " + describe(alert) + ".";
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true,
            description = "Resume a paused alert: it matches items collected from now on.")
    static final class ResumeAlert extends OneAlert {
        @Override
        String apply(Alerts alerts, Alert alert) {
            alerts.resume(alert.id());
            return "Resumed " + describe(alert) + ".";
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete an alert with its matches.")
    static final class DeleteAlert extends OneAlert {
        @Override
        String apply(Alerts alerts, Alert alert) {
            alerts.delete(alert.id());
            return "Deleted " + describe(alert) + ".";
        }
    }

    @Command(name = "test", mixinStandardHelpOptions = true,
            description = "Show what a query would have matched among the items collected in the test window "
                    + "(alerts.test-window, 30 days by default), newest first, the matched words between *asterisks*. "
                    + "Nothing is stored.")
    static final class TestQuery implements Callable<Integer> {
        @Mixin
        GazetteOptions options;

        @Option(names = "--query", paramLabel = "QUERY", required = true, description = "The query to test.")
        String query;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "50",
                description = "Print at most N items (default: ${DEFAULT-VALUE}); the count covers them all.")
        int limit;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return run(spec, options, gazette -> {
                Alerts.QueryTest result = gazette.alerts().test(query);
                PrintWriter out = spec.commandLine().getOut();
                Table table = new Table("DATE", 10, "SOURCE", 20, "TITLE", 200);
                for (Item item : result.matched().stream().limit(Math.max(0, limit)).toList()) {
                    table.row(DAY.format(item.date().atOffset(ZoneOffset.UTC)), item.sourceId(),
                            marked(result.query().highlight(item).title()));
                }
                if (!table.isEmpty()) {
                    table.print(out);
                }
                int n = result.matched().size();
                out.printf("%d of %d item%s collected in the last %d days match \u201c%s\u201d.%n", n, result.scanned(),
                        result.scanned() == 1 ? "" : "s", result.window().toDays(), result.query().text());
                return ExitCodes.OK;
            });
        }

        private static String marked(List<TextSegment> segments) {
            StringBuilder text = new StringBuilder();
            for (TextSegment s : segments) {
                text.append(s.matched() ? "*" + s.text() + "*" : s.text());
            }
            return text.toString();
        }
    }

    @Command(name = "match", mixinStandardHelpOptions = true,
            description = "Match the items collected since the last run against every alert that is not paused, now. "
                    + "(Collection does this by itself; the emails go out with the next digest check of 'serve'.)")
    static final class MatchAlerts implements Callable<Integer> {
        @Mixin
        GazetteOptions options;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return run(spec, options, gazette -> {
                Alerts.MatchReport report = gazette.alerts().matchNew();
                spec.commandLine().getOut().printf("%d new item%s checked against %d alert%s: %d new match%s.%n",
                        report.checked(), report.checked() == 1 ? "" : "s", report.alerts(),
                        report.alerts() == 1 ? "" : "s", report.matched(), report.matched() == 1 ? "" : "es");
                return ExitCodes.OK;
            });
        }
    }
}
