package dev.gazette.cli;

import dev.gazette.Gazette;
import dev.gazette.source.SourceStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "sources", mixinStandardHelpOptions = true,
        description = "Show the sources Gazette collects from.",
        subcommands = SourcesCommand.ListSources.class)
final class SourcesCommand {

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = {
                "List every source with its type, item count and health: when it last succeeded, how many times",
                "in a row it has failed, and its last error."
            })
    static final class ListSources implements Callable<Integer> {
        private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

        @Mixin
        GazetteOptions options;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (Gazette gazette = options.open(false)) {
                Table table = new Table("ID", 24, "TYPE", 8, "ENABLED", 7, "ITEMS", 6, "LAST SUCCESS", 16,
                        "FAILURES", 8, "LAST ERROR", 80, "URL", 100);
                for (SourceStatus s : gazette.sources().list()) {
                    table.row(s.id(), s.type().name().toLowerCase(java.util.Locale.ROOT), s.enabled() ? "yes" : "no",
                            s.itemCount(), when(s.lastSuccessAt()), s.consecutiveFailures(),
                            s.failing() ? s.lastError() : "", s.url());
                }
                table.print(spec.commandLine().getOut());
                return ExitCodes.OK;
            }
        }

        private static String when(Instant instant) {
            return instant == null ? "never" : WHEN.format(instant.atZone(ZoneId.systemDefault()));
        }
    }
}
