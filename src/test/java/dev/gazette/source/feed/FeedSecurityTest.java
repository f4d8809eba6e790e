package dev.gazette.source.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.rometools.rome.io.ParsingFeedException;
import com.rometools.rome.io.SyndFeedInput;
import dev.gazette.source.SourceException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DOCTYPEs, external entities and entity expansion are refused. */
class FeedSecurityTest {

    /** Every message in the exception's cause chain. */
    private static String allMessages(Throwable t) {
        List<String> out = new ArrayList<>();
        for (Throwable c = t; c != null; c = c.getCause()) {
            out.add(c.getClass().getName() + ": " + c.getMessage());
        }
        return String.join("\n", out);
    }

    private static List<String> passwdLines() throws IOException {
        Path passwd = Path.of("/etc/passwd");
        List<String> lines = new ArrayList<>(List.of("root:x:0:0", "/bin/sh", "/usr/sbin/nologin"));
        if (Files.isReadable(passwd)) {
            Files.readAllLines(passwd).stream().filter(l -> l.length() > 8).limit(5).forEach(lines::add);
        }
        return lines;
    }

    @Test
    void externalEntityReadingEtcPasswdIsRejected() throws IOException {
        FeedParser parser = new FeedParser();

        assertThatThrownBy(() -> parser.parse(Feeds.fixture("xxe-file.xml")))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("DOCTYPE")
                .hasMessageContaining("line 2")
                .satisfies(e -> {
                    String everything = allMessages(e);
                    for (String line : passwdLines()) {
                        assertThat(everything).doesNotContain(line);
                    }
                });
    }

    @Test
    void externalParameterEntityIsRejected() {
        assertThatThrownBy(() -> new FeedParser().parse(Feeds.fixture("xxe-parameter.xml")))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void doctypeAfterCommentsAndProcessingInstructionsIsStillRejected() {
        assertThatThrownBy(() -> new FeedParser().parse(Feeds.fixture("xxe-after-comment.xml")))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("DOCTYPE")
                .hasMessageContaining("line 4");
    }

    @Test
    void lowerCaseDoctypeIsRejectedToo() {
        String xml = "<?xml version=\"1.0\"?>\n<!doctype rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                + "<rss version=\"2.0\"><channel><title>&x;</title></channel></rss>";
        assertThatThrownBy(() -> new FeedParser().parse(Feeds.text(xml)))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void billionLaughsIsRejectedQuickly() {
        byte[] body = Feeds.bytes("billion-laughs.xml");
        assertThat(new String(body, StandardCharsets.UTF_8)).contains("<!ENTITY lol9");

        SourceException e = assertTimeoutPreemptively(Duration.ofSeconds(3), () -> {
            try {
                new FeedParser().parse(Feeds.fixture("billion-laughs.xml"));
            } catch (SourceException thrown) {
                return thrown;
            }
            throw new AssertionError("billion laughs was parsed");
        });
        assertThat(e).hasMessageContaining("DOCTYPE");
        assertThat(allMessages(e)).doesNotContain("lollollol");
    }

    /**
     * The second line of defence, should the prolog check ever miss a DOCTYPE: ROME's own parser
     * (with whatever XML parser is on the class path) refuses DOCTYPEs. ROME swallows unknown
     * parser features silently, so this proves the feature really took effect.
     */
    @Test
    void romesOwnParserAlsoRefusesDoctypes() {
        for (String fixture : List.of("xxe-file.xml", "billion-laughs.xml", "xxe-parameter.xml")) {
            String xml = new String(Feeds.bytes(fixture), StandardCharsets.UTF_8);
            SyndFeedInput input = new SyndFeedInput();
            assertThat(input.isAllowDoctypes()).isFalse();
            assertTimeoutPreemptively(Duration.ofSeconds(3), () -> assertThatThrownBy(() -> input.build(new StringReader(xml)))
                    .as(fixture)
                    .isInstanceOf(ParsingFeedException.class)
                    .hasMessageContaining("DOCTYPE"));
        }
    }
}
