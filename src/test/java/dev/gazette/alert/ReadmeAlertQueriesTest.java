package dev.gazette.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.alert.query.AlertQueries;
import dev.gazette.config.ConfigDefaults;
import dev.gazette.config.TopicConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The query examples in the README are queries Gazette accepts, with the sample topics and the default limits. */
class ReadmeAlertQueriesTest {
    private static final String MARKER = "<!-- alert query examples:";

    @Test
    void everyExampleQueryInTheReadmeIsAccepted() throws Exception {
        List<String> queries = examples(Files.readAllLines(Path.of("README.md")));
        AlertQueries parser = new AlertQueries(ConfigDefaults.config().topics().stream().map(TopicConfig::slug).toList(),
                ConfigDefaults.config().alerts().maxQueryLength());

        assertThat(queries).hasSizeGreaterThanOrEqualTo(8);
        for (String query : queries) {
            assertThat(parser.parse(query).text()).as(query).isNotBlank();
        }
    }

    /** The queries of the fenced block after the marker: each line up to two spaces and a #. */
    private static List<String> examples(List<String> readme) {
        List<String> queries = new ArrayList<>();
        int at = 0;
        while (at < readme.size() && !readme.get(at).startsWith(MARKER)) {
            at++;
        }
        assertThat(at).as("the README marks its alert query examples").isLessThan(readme.size());
        for (int i = at + 2; i < readme.size() && !readme.get(i).startsWith("```"); i++) {
            String line = readme.get(i);
            int comment = line.indexOf("  #");
            queries.add((comment < 0 ? line : line.substring(0, comment)).strip());
        }
        return queries;
    }
}
