package dev.gazette.cli;

import dev.gazette.Gazette;
import dev.gazette.item.Item;
import dev.gazette.item.ItemKind;
import dev.gazette.item.ItemQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "items", mixinStandardHelpOptions = true,
        description = "Show the articles and events Gazette has collected.",
        subcommands = ItemsCommand.ListItems.class)
final class ItemsCommand {

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = {
                "List collected items, newest first: articles by publication date, events by start.",
                "Event times are shown in the event's own time zone when the source gives one."
            })
    static final class ListItems implements Callable<Integer> {
        private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
        private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");

        @Mixin
        GazetteOptions options;

        @Option(names = "--source", paramLabel = "ID", description = "Only items from this source.")
        String source;

        @Option(names = "--topic", paramLabel = "SLUG", description = "Only items tagged with this topic.")
        String topic;

        @Option(names = "--kind", paramLabel = "KIND", description = "Only articles or only events: ${COMPLETION-CANDIDATES}.")
        ItemKind kind;

        @Option(names = "--since", paramLabel = "DATE",
                description = "Only items dated on or after this day (YYYY-MM-DD, UTC) or instant (ISO-8601).")
        String since;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "50",
                description = "Show at most N items (default: ${DEFAULT-VALUE}).")
        int limit;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            if (limit < 1) {
                throw new ParameterException(spec.commandLine(), "--limit must be at least 1");
            }
            Instant from = since == null ? null : parseSince();
            try (Gazette gazette = options.open(false)) {
                Table table = new Table("DATE", 22, "KIND", 7, "SOURCE", 20, "TITLE", 70, "TOPICS", 40, "VENUE", 40);
                for (Item item : gazette.items().list(new ItemQuery(source, topic, kind, from, limit))) {
                    table.row(date(item), item.kind().name().toLowerCase(java.util.Locale.ROOT), item.sourceId(),
                            item.title(), String.join(",", item.topics()), item.location());
                }
                if (table.isEmpty()) {
                    spec.commandLine().getOut().println("No items match. Run 'gazette collect' to collect the sources.");
                } else {
                    table.print(spec.commandLine().getOut());
                }
                return ExitCodes.OK;
            }
        }

        private Instant parseSince() {
            try {
                return LocalDate.parse(since).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notADay) {
                try {
                    return Instant.parse(since);
                } catch (DateTimeParseException e) {
                    throw new ParameterException(spec.commandLine(),
                            "--since '" + since + "' is neither a day (2026-01-23) nor an instant (2026-01-23T09:00:00Z)");
                }
            }
        }

        private static String date(Item item) {
            Instant when = item.date();
            if (item.kind() == ItemKind.EVENT && !item.allDay()) {
                ZoneId zone = item.timeZone() == null ? ZoneOffset.UTC : ZoneId.of(item.timeZone());
                return DAY_TIME.format(when.atZone(zone));
            }
            return DAY.format(when.atZone(ZoneOffset.UTC));
        }
    }
}
