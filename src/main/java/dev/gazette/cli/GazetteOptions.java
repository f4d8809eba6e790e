package dev.gazette.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.gazette.Gazette;
import dev.gazette.config.ConfigLoader;
import dev.gazette.config.GazetteConfig;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/** Options every command takes. */
final class GazetteOptions {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "YAML configuration file (default: $GAZETTE_CONFIG, else the built-in defaults; "
                    + "see docs/gazette.example.yml)")
    Path config;

    @Option(names = {"-v", "--verbose"}, description = "Log what Gazette is doing to standard error.")
    boolean verbose;

    GazetteConfig loadConfig() {
        ConfigLoader loader = new ConfigLoader(System.getenv());
        Path file = config;
        String fromEnvironment = System.getenv("GAZETTE_CONFIG");
        if (file == null && fromEnvironment != null && !fromEnvironment.isBlank()) {
            file = Path.of(fromEnvironment);
        }
        return file == null ? loader.load() : loader.load(file);
    }

    /** Load the configuration and open Gazette; one-shot commands log only warnings unless --verbose. */
    Gazette open(boolean logInfo) {
        if (!logInfo && !verbose) {
            ((Logger) LoggerFactory.getLogger("dev.gazette")).setLevel(Level.WARN);
        }
        return Gazette.open(loadConfig(), Clock.systemUTC());
    }
}
