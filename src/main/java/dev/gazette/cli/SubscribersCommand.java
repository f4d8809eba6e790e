package dev.gazette.cli;

import dev.gazette.Gazette;
import dev.gazette.GazetteException;
import dev.gazette.subscriber.Frequency;
import dev.gazette.subscriber.Subscriber;
import dev.gazette.subscriber.SubscriberQuery;
import dev.gazette.subscriber.SubscriberStatus;
import dev.gazette.subscriber.csv.ImportReport;
import dev.gazette.subscriber.csv.RowProblem;
import dev.gazette.subscriber.csv.SubscriberCsvWriter;
import dev.gazette.subscriber.csv.SubscriberImporter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "subscribers", mixinStandardHelpOptions = true,
        description = "Import, export and list the people who get digests (file format: subscribers/README.md).",
        subcommands = {
            SubscribersCommand.ImportSubscribers.class,
            SubscribersCommand.ExportSubscribers.class,
            SubscribersCommand.ListSubscribers.class
        })
final class SubscribersCommand {

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {
                "Import subscriber CSV files (UTF-8, a header row first; see subscribers/README.md).",
                "Rows are matched by address, ignoring case: new addresses are added, known ones updated. An address",
                "that unsubscribed or bounced stays so. Bad rows are skipped and printed as FILE:LINE: reason; the",
                "good rows are imported. Importing a file again changes nothing.",
                "Exit code: 0 when every row was imported, 1 when a row was rejected, 2 when a file could not be read."
            })
    static final class ImportSubscribers implements Callable<Integer> {
        @Mixin
        GazetteOptions options;

        @Parameters(paramLabel = "FILE", arity = "1..*", description = "The CSV files to import.")
        List<Path> files;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            boolean rejected = false;
            boolean unreadable = false;
            try (Gazette gazette = options.open(false)) {
                SubscriberImporter importer = gazette.subscriberImporter();
                for (Path file : files) {
                    ImportReport report = importer.importFile(file);
                    if (report.failed()) {
                        err.println("gazette: " + report.file() + ": " + report.error());
                        unreadable = true;
                        continue;
                    }
                    for (RowProblem problem : report.problems()) {
                        err.println(report.file() + ":" + problem.line() + ": " + problem.reason());
                    }
                    out.println(report.summary());
                    rejected |= report.rejected() > 0;
                }
            }
            out.flush();
            err.flush();
            return unreadable ? ExitCodes.CANNOT_RUN : rejected ? ExitCodes.NEEDS_ATTENTION : ExitCodes.OK;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {
                "Write subscribers as CSV in the import format (UTF-8), every column included, so importing the",
                "export changes nothing. Values that a spreadsheet would run as a formula get a leading ' (the",
                "import takes it off again)."
            })
    static final class ExportSubscribers implements Callable<Integer> {
        @Mixin
        GazetteOptions options;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write here instead of standard output.")
        Path output;

        @Option(names = "--status", paramLabel = "STATUS",
                description = "Only subscribers in this state: active, pending, unsubscribed or bounced.")
        String status;

        @Option(names = "--topic", paramLabel = "SLUG", description = "Only subscribers following this topic.")
        String topic;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            SubscriberQuery query = new SubscriberQuery(status(spec, status), topic, null, 0, Integer.MAX_VALUE);
            try (Gazette gazette = options.open(false)) {
                if (output == null) {
                    // The command line's standard output is UTF-8 (see GazetteCli.run).
                    new SubscriberCsvWriter().export(gazette.subscribers(), query, spec.commandLine().getOut());
                    return ExitCodes.OK;
                }
                int count;
                try (Writer file = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                    count = new SubscriberCsvWriter().export(gazette.subscribers(), query, file);
                } catch (IOException e) {
                    throw new GazetteException("cannot write " + output + ": " + e.getMessage(), e);
                }
                spec.commandLine().getOut().printf("%d subscriber%s written to %s%n", count, count == 1 ? "" : "s", output);
                spec.commandLine().getOut().flush();
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List subscribers in the order they were added, with their topics and when digests go out.")
    static final class ListSubscribers implements Callable<Integer> {
        @Mixin
        GazetteOptions options;

        @Option(names = "--status", paramLabel = "STATUS",
                description = "Only subscribers in this state: active, pending, unsubscribed or bounced.")
        String status;

        @Option(names = "--topic", paramLabel = "SLUG", description = "Only subscribers following this topic.")
        String topic;

        @Option(names = "--search", paramLabel = "TEXT", description = "Only subscribers whose address or name contains TEXT.")
        String search;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "100",
                description = "Show at most N subscribers (default: ${DEFAULT-VALUE}).")
        int limit;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            if (limit < 1) {
                throw new ParameterException(spec.commandLine(), "--limit must be at least 1");
            }
            SubscriberQuery query = new SubscriberQuery(status(spec, status), topic, search, 0, limit);
            PrintWriter out = spec.commandLine().getOut();
            try (Gazette gazette = options.open(false)) {
                Table table = new Table("ID", 8, "EMAIL", 40, "NAME", 30, "STATUS", 12, "FREQUENCY", 9, "SENDS", 9,
                        "TIME ZONE", 30, "LOCALE", 10, "TOPICS", 80);
                for (Subscriber s : gazette.subscribers().list(query)) {
                    table.row(s.id(), s.email(), s.name(), lower(s.status()), lower(s.frequency()), sends(s),
                            s.timeZone().getId(), s.locale().toLanguageTag(), String.join(",", s.topics()));
                }
                if (table.isEmpty()) {
                    out.println("No subscribers match. Add some with 'gazette subscribers import FILE'.");
                } else {
                    table.print(out);
                }
                Map<SubscriberStatus, Integer> counts = gazette.subscribers().countByStatus();
                out.println("All subscribers: " + counts.entrySet().stream()
                        .map(e -> e.getValue() + " " + lower(e.getKey())).collect(Collectors.joining(", ")));
                out.flush();
                return ExitCodes.OK;
            }
        }

        /** When digests go out, in the subscriber's own time: "mon 08:00" for weekly, "08:00" for daily. */
        private static String sends(Subscriber s) {
            String hour = String.format("%02d:00", s.sendHour());
            if (s.frequency() == Frequency.WEEKLY) {
                return lower(s.sendDay()).substring(0, 3) + " " + hour;
            }
            return s.frequency() == Frequency.DAILY ? hour : "";
        }
    }

    private static SubscriberStatus status(CommandSpec spec, String status) {
        if (status == null) {
            return null;
        }
        for (SubscriberStatus s : SubscriberStatus.values()) {
            if (s.name().equalsIgnoreCase(status.strip())) {
                return s;
            }
        }
        throw new ParameterException(spec.commandLine(),
                "--status '" + status + "' is not one of active, pending, unsubscribed, bounced");
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
