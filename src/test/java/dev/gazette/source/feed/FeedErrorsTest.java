package dev.gazette.source.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gazette.source.FetchedDocument;
import dev.gazette.source.SourceException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Documents that are not feeds fail with a message that says what is wrong and where. */
class FeedErrorsTest {

    private final FeedParser parser = new FeedParser();

    @Test
    void emptyBody() {
        assertThatThrownBy(() -> parser.parse(new FetchedDocument(Feeds.FEED_URI, new byte[0], "application/rss+xml")))
                .isInstanceOf(SourceException.class)
                .hasMessage("the document is empty");
    }

    @Test
    void whitespaceOnlyBodyIsEmptyToo() {
        byte[] blank = " \r\n\t \n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> parser.parse(new FetchedDocument(Feeds.FEED_URI, blank, null)))
                .isInstanceOf(SourceException.class)
                .hasMessage("the document is empty");
    }

    @Test
    void malformedXmlSaysLineAndColumn() {
        assertThatThrownBy(() -> parser.parse(Feeds.fixture("malformed.xml")))
                .isInstanceOf(SourceException.class)
                .hasMessageStartingWith("not well-formed XML at line 8, column ")
                .hasMessageContaining("title");
    }

    @Test
    void truncatedDocumentSaysLineAndThatItEndsEarly() {
        assertThatThrownBy(() -> parser.parse(Feeds.fixture("truncated.xml")))
                .isInstanceOf(SourceException.class)
                .hasMessageStartingWith("not well-formed XML at line 12")
                .hasMessageContaining("truncated");
    }

    @Test
    void prologWithoutRootElementIsTruncated() {
        assertThatThrownBy(() -> parser.parse(Feeds.text("<?xml version=\"1.0\"?>\n<!-- nothing -->\n")))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("not well-formed XML at line")
                .hasMessageContaining("truncated");
    }

    @Test
    void htmlPageInsteadOfFeed() {
        FetchedDocument page = new FetchedDocument(Feeds.FEED_URI, Feeds.bytes("html-page.html"), "text/html; charset=utf-8");
        assertThatThrownBy(() -> parser.parse(page))
                .isInstanceOf(SourceException.class)
                .hasMessageStartingWith("not an RSS or Atom feed")
                .hasMessageContaining("<html>")
                .hasMessageContaining("web page");
    }

    @Test
    void htmlPageWithoutDoctype() {
        assertThatThrownBy(() -> parser.parse(Feeds.text("<html><head><title>Home</title></head><body><p>Hi<br></body></html>")))
                .isInstanceOf(SourceException.class)
                .hasMessageStartingWith("not an RSS or Atom feed")
                .hasMessageContaining("<html>");
    }

    @Test
    void otherXmlIsNotAFeedAndTheRootElementIsNamed() {
        assertThatThrownBy(() -> parser.parse(Feeds.fixture("sitemap.xml")))
                .isInstanceOf(SourceException.class)
                .hasMessage("not an RSS or Atom feed (root element <urlset>)");
    }

    @Test
    void textThatIsNotXmlAtAll() {
        assertThatThrownBy(() -> parser.parse(Feeds.text("{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": []}")))
                .isInstanceOf(SourceException.class)
                .hasMessageStartingWith("not an RSS or Atom feed")
                .hasMessageContaining("not XML")
                .hasMessageContaining("{\"version\"");
    }

    @Test
    void undeclaredEntitySaysWhere() {
        String xml = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>t</title>\n<item><title>a &bogus; b</title></item>\n</channel></rss>";
        assertThatThrownBy(() -> parser.parse(Feeds.text(xml)))
                .isInstanceOf(SourceException.class)
                .hasMessageStartingWith("not well-formed XML at line 3")
                .hasMessageContaining("bogus");
    }

    @Test
    void unknownEncodingIsNamed() {
        String xml = "<?xml version=\"1.0\" encoding=\"x-no-such-charset\"?><rss version=\"2.0\"><channel><title>t</title></channel></rss>";
        assertThatThrownBy(() -> parser.parse(Feeds.text(xml)))
                .isInstanceOf(SourceException.class)
                .hasMessageStartingWith("unsupported character encoding")
                .satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("x-no-such-charset"));
    }
}
