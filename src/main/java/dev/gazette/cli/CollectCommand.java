package dev.gazette.cli;

import dev.gazette.Gazette;
import dev.gazette.source.CollectReport;
import dev.gazette.source.SourceResult;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "collect", mixinStandardHelpOptions = true,
        description = {
            "Collect every enabled source once, now, and print what each one gave.",
            "Failing sources are tried too, whatever their back-off. Items already stored are not stored again.",
            "Exit code: 0 when every source was read, 1 when a source failed (its reason is printed), "
                    + "2 when Gazette could not run."
        })
final class CollectCommand implements Callable<Integer> {
    @Mixin
    GazetteOptions options;

    @Option(names = "--source", paramLabel = "ID", description = "Collect only this source.")
    String source;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Gazette gazette = options.open(false)) {
            CollectReport report = source == null ? gazette.collectNow() : gazette.collectNow(source);
            print(report, spec.commandLine().getOut());
            return report.hasFailures() ? ExitCodes.NEEDS_ATTENTION : ExitCodes.OK;
        }
    }

    static void print(CollectReport report, PrintWriter out) {
        Table table = new Table("SOURCE", 24, "RESULT", 12, "NEW", 6, "UPDATED", 7, "SKIPPED", 7, "TIME", 8,
                "ERROR", 200);
        int failed = 0;
        for (SourceResult r : report.results()) {
            boolean counted = r.status() == SourceResult.Status.COLLECTED;
            table.row(r.sourceId(), label(r.status()), counted ? r.created() : "", counted ? r.updated() : "",
                    counted ? r.skipped() : "", r.took().isZero() ? "" : r.took().toMillis() + " ms",
                    r.status() == SourceResult.Status.FAILED ? r.error() : "");
            failed += r.status() == SourceResult.Status.FAILED ? 1 : 0;
        }
        table.print(out);
        out.printf("%d source%s: %d new, %d updated, %d skipped, %d failed%n", report.results().size(),
                report.results().size() == 1 ? "" : "s", report.created(),
                report.results().stream().mapToInt(SourceResult::updated).sum(),
                report.results().stream().mapToInt(SourceResult::skipped).sum(), failed);
        out.flush();
    }

    private static String label(SourceResult.Status status) {
        return switch (status) {
            case COLLECTED -> "ok";
            case NOT_MODIFIED -> "not modified";
            case BACKING_OFF -> "backing off";
            case DISABLED -> "disabled";
            case FAILED -> "FAILED";
        };
    }
}
