package dev.gazette.cli;

import dev.gazette.GazetteException;
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
            CommandLine.HelpCommand.class
        })
public final class GazetteCli {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Run the command line; returns the exit code: 0 fine, 1 something needs a look, 2 cannot run. */
    public static int run(String... args) {
        return run(new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true), args);
    }

    /** Run the command line writing to the given streams (tests read them as a user would). */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
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
