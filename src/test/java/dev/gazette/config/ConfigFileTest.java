package dev.gazette.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gazette.item.ItemKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.io.TempDir;

/** What the config tests share: a temporary YAML file, loading it, and asserting the error it gives. */
abstract class ConfigFileTest {
    static final String MY_SOURCE = """
            sources:
              - id: my-id
                type: feed
                url: https://example.org/feed.xml
            """;

    @TempDir
    Path dir;

    Path file;


    Path write(String yaml) {
        file = dir.resolve("gazette.yml");
        try {
            Files.writeString(file, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    GazetteConfig load(String yaml) {
        return new ConfigLoader(Map.of()).load(write(yaml));
    }

    AbstractThrowableAssert<?, ? extends Throwable> assertError(String yaml) {
        Path yamlFile = write(yaml);
        return assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(yamlFile)).isInstanceOf(ConfigException.class);
    }
}
