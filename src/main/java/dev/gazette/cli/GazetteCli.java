package dev.gazette.cli;

import dev.gazette.GazetteException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code gazette} command line. */
@Command(
        name = "gazette",
        mixinStandardHelpOptions = true,
        versionProvider = GazetteCli.Version.class,
        description = {
            "Gazette collects articles and events from feeds, web pages and calendars, and turns them into",
            "personal email digests.",
            "",
            "With no --config, every command runs on the built-in defaults: an embedded database under ./data",
            "and the bundled sample sources, so 'gazette collect' then 'gazette items list' work at once."
        },
        subcommands = {
            ServeCommand.class,
            CollectCommand.class,
            SourcesCommand.class,
            ItemsCommand.class,
            SubscribersCommand.class,
            SendCommand.class,
            PreviewCommand.class,
            DeliveriesCommand.class,
            AlertsCommand.class,
            AdminCommand.class,
            CommandLine.HelpCommand.class
        })
public final class GazetteCli {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Run the command line; returns the exit code: 0 fine, 1 something needs a look, 2 cannot run. */
    public static int run(String... args) {
        // UTF-8 whatever the platform's default: Korean names and titles, and exported CSV files, stay intact.
        return run(utf8(System.out), utf8(System.err), args);
    }

    private static PrintWriter utf8(OutputStream stream) {
        return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
    }

    /** Run the command line writing to the given streams (tests read them as a user would). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new GazetteCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof GazetteException) {
                commandLine.getErr().println("gazette: " + e.getMessage());
                return ExitCodes.CANNOT_RUN;
            }
            throw e;
        });
        return cli.execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = GazetteCli.class.getPackage().getImplementationVersion();
            return new String[] {"gazette " + (version == null ? "(development build)" : version)};
        }
    }
}
