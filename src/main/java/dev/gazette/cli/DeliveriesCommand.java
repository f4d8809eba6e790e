package dev.gazette.cli;

import dev.gazette.Gazette;
import dev.gazette.GazetteException;
import dev.gazette.delivery.Delivery;
import dev.gazette.delivery.DeliveryStatus;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "deliveries", mixinStandardHelpOptions = true,
        description = "Show the delivery ledger: every digest planned, sent, skipped or failed.",
        subcommands = DeliveriesCommand.ListDeliveries.class)
final class DeliveriesCommand {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List deliveries, newest first.")
    static final class ListDeliveries implements Callable<Integer> {
        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

        @Mixin
        GazetteOptions options;

        @Option(names = "--status", paramLabel = "STATUS",
                description = "Only deliveries in this state: queued, sending, sent, failed or skipped.")
        String status;

        @Option(names = "--subscriber", paramLabel = "EMAIL", description = "Only this subscriber's deliveries.")
        String email;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "50",
                description = "Show at most N deliveries (default: ${DEFAULT-VALUE}).")
        int limit;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            DeliveryStatus wanted = status(status);
            if (limit < 1) {
                throw new ParameterException(spec.commandLine(), "--limit must be at least 1");
            }
            try (Gazette gazette = options.open(false)) {
                Long subscriberId = email == null ? null : gazette.subscribers().findByEmail(email)
                        .orElseThrow(() -> new GazetteException("no subscriber " + email)).id();
                Table table = new Table("UPDATED", 20, "RECIPIENT", 32, "EDITION", 18, "STATUS", 8, "TRIES", 5,
                        "ITEMS", 5, "LAST ERROR", 60);
                for (Delivery d : gazette.digests().ledger().list(wanted, subscriberId, limit)) {
                    table.row(TIME.format(d.updatedAt().atOffset(ZoneOffset.UTC)), d.recipient(), d.edition(),
                            d.status().name().toLowerCase(Locale.ROOT), String.valueOf(d.attempts()),
                            d.itemCount() == null ? "" : String.valueOf(d.itemCount()),
                            d.lastError() == null ? "" : d.lastError());
                }
                if (table.isEmpty()) {
                    spec.commandLine().getOut().println(wanted != null || email != null ? "No deliveries match."
                            : "No deliveries yet. Send with 'gazette send --frequency weekly'.");
                } else {
                    table.print(spec.commandLine().getOut());
                }
                return ExitCodes.OK;
            }
        }

        private DeliveryStatus status(String text) {
            if (text == null) {
                return null;
            }
            for (DeliveryStatus s : DeliveryStatus.values()) {
                if (s.name().equalsIgnoreCase(text.strip())) {
                    return s;
                }
            }
            throw new ParameterException(spec.commandLine(),
                    "--status '" + text + "' is not one of queued, sending, sent, failed, skipped");
        }
    }
}
