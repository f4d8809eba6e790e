package dev.gazette.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands as a user runs them, on the built-in sample sources, reading what they print. */
class GazetteCliTest {
    @TempDir
    Path dir;

    private Path config;

    record Run(int exitCode, String out, String err) {}

    @BeforeEach
    void writeConfig() throws IOException {
        config = dir.resolve("gazette.yml");
        Files.writeString(config, "data-dir: " + dir.resolve("data") + "\n");
    }

    private Run gazette(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = GazetteCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void collectThenListShowsTheSeedsArticlesAndEventsAndASecondCollectAddsNothing() {
        Run collect = gazette("collect", "--config", config.toString());
        assertThat(collect.exitCode()).as(collect.out() + collect.err()).isZero();
        assertThat(collect.out()).contains("sample-news ", "sample-news-events", "sample-wire", "sample-events")
                .contains("4 sources:").contains("0 failed");

        Run events = gazette("items", "list", "--config", config.toString(), "--source", "sample-news-events");
        assertThat(events.out()).contains("2026-02-09", "World Health Expo Dubai", "Dubai Exhibition Centre, Dubai")
                .contains("2026-03-23", "DCAT Week", "New York, USA");
        Run articles = gazette("items", "list", "--config", config.toString(), "--source", "sample-news");
        assertThat(articles.out()).contains("2026-01-23", "Forced Migrants in Ukraine Face Barriers to HIV and TB Care",
                "infectious-disease");
        assertThat(articles.out().lines().count()).isEqualTo(1 + 7);

        Run again = gazette("collect", "--config", config.toString());
        assertThat(again.out()).contains("4 sources: 0 new, 0 updated");
    }

    @Test
    void itemsListFiltersByTopicKindAndDate() {
        gazette("collect", "--config", config.toString());

        Run cardiology = gazette("items", "list", "--config", config.toString(), "--topic", "cardiology",
                "--kind", "ARTICLE", "--since", "2026-01-01");
        assertThat(cardiology.out()).contains("Residual Cardiovascular Risk").doesNotContain("Measles");

        Run bad = gazette("items", "list", "--config", config.toString(), "--since", "yesterday");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--since 'yesterday' is neither a day");
    }

    @Test
    void sourcesListShowsHealthAndAFailingSourceMakesCollectExitOne() throws IOException {
        Files.writeString(config, """
                data-dir: %s
                sources:
                  - id: missing-file
                    type: feed
                    url: file:%s
                  - id: sample-wire
                    type: feed
                    url: classpath:samples/biotech-feed.xml
                """.formatted(dir.resolve("data"), dir.resolve("nope.xml")));

        Run collect = gazette("collect", "--config", config.toString());

        assertThat(collect.exitCode()).isEqualTo(1);
        assertThat(collect.out()).contains("missing-file", "FAILED", "no such file").contains("1 failed");
        Run list = gazette("sources", "list", "--config", config.toString());
        assertThat(list.out()).contains("missing-file").contains("no such file").contains("never");
        assertThat(list.out()).containsPattern("sample-wire\\s+feed\\s+yes\\s+\\d+");
    }

    @Test
    void aBadConfigurationStopsWithTheKeyAndLineAndExitCodeTwo() throws IOException {
        Files.writeString(config, "server:\n  port: eighty\n");

        Run run = gazette("sources", "list", "--config", config.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("gazette: ").contains("server.port").contains("line 2");
    }

    @Test
    void helpExplainsEachCommand() {
        Run help = gazette("--help");
        assertThat(help.out()).contains("serve", "collect", "sources", "items");
        assertThat(gazette("items", "list", "--help").out()).contains("--source", "--topic", "--kind", "--since",
                "--config");
    }
}
