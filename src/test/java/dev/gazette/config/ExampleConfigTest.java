package dev.gazette.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commented sample configuration must never drift from {@link ConfigDefaults}. */
class ExampleConfigTest {
    private static final Path EXAMPLE = Path.of("docs/gazette.example.yml");

    @TempDir
    Path dir;

    @Test
    void exampleLoadsToExactlyTheDefaults() {
        GazetteConfig fromExample = new ConfigLoader(Map.of()).load(EXAMPLE);

        assertThat(fromExample).isEqualTo(new ConfigLoader(Map.of()).load());
        assertThat(fromExample.topics()).isEqualTo(ConfigDefaults.sampleTopics());
        assertThat(fromExample.sources()).isEqualTo(ConfigDefaults.sampleSources());
    }

    @Test
    void exampleSpellsOutEveryKeyTheDefaultsHave() throws IOException {
        JsonNode defaults = ConfigMapper.create().valueToTree(ConfigDefaults.config());
        JsonNode example = ConfigMapper.create().readTree(Files.readString(EXAMPLE));

        // Feed and calendar sources have no page selectors: a null default is not a key to list.
        assertThat(keys(example, "")).isEqualTo(keys(defaults, ""));
    }

    @Test
    void exampleNamesTheEnvironmentVariableOfEveryKeyItOverrides() throws IOException {
        String text = Files.readString(EXAMPLE);

        ConfigLoader.ENVIRONMENT_KEYS.keySet()
                .forEach(variable -> assertThat(text).contains("# Environment: " + variable + "\n"));
        assertThat(text).contains("GAZETTE_CONFIG", "gazette serve --config gazette.yml", "jdbc:postgresql:");
    }

    @Test
    void commentedOutExampleSourcesAreValid() throws IOException {
        List<String> lines = Files.readAllLines(EXAMPLE);
        StringBuilder yaml = new StringBuilder("sources:\n");
        int start = lines.lastIndexOf("sources:");
        int end = start + 1;
        while (end < lines.size() && !lines.get(end).matches("[a-z].*")) {
            end++; // the sources section ends at the next top-level key
        }
        lines.subList(start, end).stream()
                .filter(line -> line.startsWith("  # - ") || line.startsWith("  #   "))
                .forEach(line -> yaml.append("  ").append(line.substring(4)).append('\n'));
        Path file = dir.resolve("examples.yml");
        Files.writeString(file, yaml);

        GazetteConfig config = new ConfigLoader(Map.of()).load(file);

        assertThat(config.sources()).extracting(SourceConfig::id).containsExactly("cancer-news", "ministry-notices");
        SourceConfig feed = config.sources().get(0);
        assertThat(feed.type()).isEqualTo(SourceType.FEED);
        assertThat(feed.url()).startsWith("https:");
        SourceConfig cron = config.sources().get(1);
        assertThat(cron.cron()).isNotBlank();
        assertThat(cron.page().timeZone()).isEqualTo("Asia/Seoul");
    }

    /** Every key path holding a non-null value, list elements by index: "sources[0].page.item". */
    private static Set<String> keys(JsonNode node, String path) {
        Set<String> keys = new TreeSet<>();
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (!field.getValue().isNull()) {
                    String key = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                    keys.add(key);
                    keys.addAll(keys(field.getValue(), key));
                }
            });
        } else if (node.isArray() && node.get(0) != null && node.get(0).isObject()) {
            for (int i = 0; i < node.size(); i++) {
                keys.addAll(keys(node.get(i), path + "[" + i + "]"));
            }
        }
        return keys;
    }
}
