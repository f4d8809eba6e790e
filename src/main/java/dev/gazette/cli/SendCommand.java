package dev.gazette.cli;

import dev.gazette.Gazette;
import dev.gazette.GazetteException;
import dev.gazette.delivery.Delivery;
import dev.gazette.delivery.DeliveryStatus;
import dev.gazette.delivery.DigestDispatcher;
import dev.gazette.delivery.MailAddresses;
import dev.gazette.delivery.SendReport;
import dev.gazette.subscriber.Frequency;
import dev.gazette.subscriber.Subscriber;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "send", mixinStandardHelpOptions = true,
        description = {
            "Send the current period's digest now to every active subscriber of a frequency who has not had it,",
            "whatever their send hour, and wait until each one is sent, skipped or given up.",
            "Each subscriber gets each period's digest once: a second run sends nothing new.",
            "A digest with nothing new is skipped (digest.send-empty). Without mail.host, mail goes to the demo outbox."
        })
final class SendCommand implements Callable<Integer> {

    @Mixin
    GazetteOptions options;

    @Option(names = "--frequency", paramLabel = "FREQUENCY", required = true,
            description = "Whose digest to send: daily or weekly.")
    String frequency;

    @Option(names = "--dry-run", description = "Show who would get a digest and what it would hold; send nothing.")
    boolean dryRun;

    @Option(names = "--to", paramLabel = "EMAIL",
            description = "Send one subscriber's digest (see --subscriber) to this test address instead; "
                    + "it does not count as theirs.")
    String to;

    @Option(names = "--subscriber", paramLabel = "EMAIL",
            description = "With --to: whose digest to send (default: the first active subscriber of the frequency).")
    String subscriber;

    @Option(names = "--limit", paramLabel = "N", description = "Send to at most N subscribers.")
    Integer limit;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        Frequency chosen = frequency();
        if (limit != null && limit < 1) {
            throw new ParameterException(spec.commandLine(), "--limit must be at least 1");
        }
        if (subscriber != null && to == null) {
            throw new ParameterException(spec.commandLine(), "--subscriber goes with --to (a test send)");
        }
        if (to != null && dryRun) {
            throw new ParameterException(spec.commandLine(), "--dry-run and --to do not go together: --to sends a test mail");
        }
        if (to != null && !MailAddresses.isValid(to)) {
            throw new ParameterException(spec.commandLine(),
                    "--to '" + to + "' is not one email address like name@example.org");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Gazette gazette = options.open(false)) {
            DigestDispatcher digests = gazette.digests();
            if (to != null) {
                return sendTest(gazette, digests, chosen, out);
            }
            int most = limit == null ? Integer.MAX_VALUE : limit;
            if (dryRun) {
                return dryRun(digests, chosen, most, out);
            }
            SendReport report;
            // The bar is closed (its last line drawn) before the summary is printed below it.
            try (TerminalProgress progress = TerminalProgress.open("Sending")) {
                report = digests.sendNow(chosen, most, progress);
            }
            out.printf("%d planned now: %d sent, %d skipped, %d failed, %d waiting to retry%n", report.planned(),
                    report.sent(), report.skipped(), report.failed(), report.retrying());
            if (report.failed() > 0) {
                out.println("Failures (see 'gazette deliveries list --status failed'):");
                digests.ledger().list(DeliveryStatus.FAILED, null, 20)
                        .forEach(d -> out.printf("  %s  %s  %s%n", d.recipient(), d.edition(), d.lastError()));
            }
            if (gazette.mail().isDemo()) {
                out.println(gazette.mail().describe());
            }
            return report.failed() > 0 ? ExitCodes.NEEDS_ATTENTION : ExitCodes.OK;
        }
    }

    private int sendTest(Gazette gazette, DigestDispatcher digests, Frequency chosen, PrintWriter out)
            throws InterruptedException {
        Subscriber whose = subscriber != null
                ? gazette.subscribers().findByEmail(subscriber)
                        .orElseThrow(() -> new GazetteException("no subscriber " + subscriber))
                : digests.planner().due(dev.gazette.delivery.PlanMode.NOW, chosen, 1).stream().findFirst()
                        .map(due -> due.subscriber())
                        .orElseThrow(() -> new GazetteException("no active " + frequency + " subscriber to take a digest from"));
        Delivery sent = digests.sendTest(whose, to);
        out.printf("Test send of %s's digest to %s: %s%s%n", whose.email(), to,
                sent.status().name().toLowerCase(java.util.Locale.ROOT),
                sent.lastError() == null ? "" : " (" + sent.lastError() + ")");
        if (gazette.mail().isDemo()) {
            out.println(gazette.mail().describe());
        }
        return sent.status() == DeliveryStatus.SENT ? ExitCodes.OK : ExitCodes.NEEDS_ATTENTION;
    }

    private static int dryRun(DigestDispatcher digests, Frequency chosen, int most, PrintWriter out) {
        Table table = new Table("EMAIL", 32, "EDITION", 18, "ARTICLES", 8, "EVENTS", 6, "BY TOPIC", 50, "NOTE", 34);
        int wouldSend = 0;
        for (DigestDispatcher.DryRun run : digests.dryRun(chosen, most)) {
            Map<String, Integer> byTopic = run.composed().articlesByTopic();
            table.row(run.due().subscriber().email(), run.due().edition().key(),
                    String.valueOf(run.composed().digest().articleCount()),
                    String.valueOf(run.composed().digest().eventCount()),
                    byTopic.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")),
                    run.note());
            wouldSend += run.note().isEmpty() ? 1 : 0;
        }
        if (table.isEmpty()) {
            out.println("No active subscriber gets a " + chosen.name().toLowerCase(java.util.Locale.ROOT) + " digest.");
            return ExitCodes.OK;
        }
        table.print(out);
        out.printf("Dry run: %d would be sent now; nothing was sent.%n", wouldSend);
        return ExitCodes.OK;
    }

    private Frequency frequency() {
        return switch (frequency.toLowerCase(java.util.Locale.ROOT)) {
            case "daily" -> Frequency.DAILY;
            case "weekly" -> Frequency.WEEKLY;
            default -> throw new ParameterException(spec.commandLine(),
                    "--frequency '" + frequency + "' must be daily or weekly");
        };
    }
}
