package dev.gazette.cli;

import dev.gazette.Gazette;
import dev.gazette.GazetteException;
import dev.gazette.delivery.DigestComposer;
import dev.gazette.subscriber.Subscriber;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "preview", mixinStandardHelpOptions = true,
        description = {
            "Render the digest a subscriber would get next (the articles since their previous digest, the upcoming",
            "events), exactly as it would be sent. Nothing is sent or recorded."
        })
final class PreviewCommand implements Callable<Integer> {

    enum Format { html, text }

    @Mixin
    GazetteOptions options;

    @Option(names = "--subscriber", paramLabel = "EMAIL", required = true, description = "Whose digest to render.")
    String email;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "html",
            description = "html or text (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to this file instead of standard output.")
    Path output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Gazette gazette = options.open(false)) {
            Subscriber subscriber = gazette.subscribers().findByEmail(email)
                    .orElseThrow(() -> new GazetteException("no subscriber " + email + " (see: gazette subscribers list)"));
            DigestComposer.Composed composed = gazette.digests().preview(subscriber);
            String body = format == Format.html ? composed.digest().html() : composed.digest().text();
            if (output == null) {
                spec.commandLine().getOut().print(body);
                spec.commandLine().getOut().flush();
            } else {
                try {
                    Files.writeString(output, body, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new GazetteException("cannot write " + output + ": " + e, e);
                }
            }
            spec.commandLine().getErr().printf("Subject: %s%n%d new articles, %d upcoming events%s%n",
                    composed.digest().subject(), composed.digest().articleCount(), composed.digest().eventCount(),
                    composed.nothingNew() ? " (nothing new: it would be skipped unless digest.send-empty is true)" : "");
            return ExitCodes.OK;
        }
    }
}
