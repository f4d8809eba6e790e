package dev.gazette.source.feed;

import static dev.gazette.source.feed.Feeds.byTitle;
import static dev.gazette.source.feed.Feeds.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.source.FetchedDocument;
import dev.gazette.source.ParsedItem;
import dev.gazette.source.StableIds;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Links, dates, ids, categories, titles and character encodings. */
class FeedFieldsTest {

    private static List<ParsedItem> rss(String channelLink, String items) {
        return new FeedParser().parse(Feeds.text(rssXml(channelLink, items)));
    }

    private static String rssXml(String channelLink, String items) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><title>T</title>"
                + (channelLink == null ? "" : "<link>" + channelLink + "</link>")
                + "<description>d</description>" + items + "</channel></rss>";
    }

    @Test
    void relativeLinksResolveAgainstTheChannelLink() {
        List<ParsedItem> items = rss("https://news.example.org/section/",
                "<item><title>a</title><link>story-1</link></item>"
                        + "<item><title>b</title><link>/top/story-2</link></item>"
                        + "<item><title>c</title><link>//cdn.example.net/story-3</link></item>"
                        + "<item><title>d</title><link>  https://other.example.com/x?a=1&amp;b=2  </link></item>");

        assertThat(items).extracting(ParsedItem::link).containsExactly(
                "https://news.example.org/section/story-1",
                "https://news.example.org/top/story-2",
                "https://cdn.example.net/story-3",
                "https://other.example.com/x?a=1&b=2");
    }

    @Test
    void relativeLinksResolveAgainstTheDocumentWhenTheChannelLinkIsMissingOrRelative() {
        assertThat(rss(null, "<item><title>a</title><link>story-1</link></item>"))
                .extracting(ParsedItem::link).containsExactly("https://feeds.example.com/path/story-1");
        assertThat(rss("/home/", "<item><title>a</title><link>story-1</link></item>"))
                .extracting(ParsedItem::link).containsExactly("https://feeds.example.com/home/story-1");
    }

    @Test
    void onlyHttpLinksAreKept() {
        List<ParsedItem> items = rss("https://news.example.org/",
                "<item><title>js</title><link>javascript:alert(1)</link></item>"
                        + "<item><title>data</title><link>data:text/html,hi</link></item>"
                        + "<item><title>ftp</title><link>ftp://files.example.org/a</link></item>"
                        + "<item><title>mail</title><link>mailto:a@example.org</link></item>");
        assertThat(items).hasSize(4).extracting(ParsedItem::link).containsOnlyNulls();

        // a file: source with relative links and no usable channel link gives no link at all
        FetchedDocument local = new FetchedDocument(URI.create("file:///srv/feeds/local.xml"),
                rssXml(null, "<item><title>a</title><link>story-1</link></item>").getBytes(StandardCharsets.UTF_8), null);
        assertThat(new FeedParser().parse(local)).extracting(ParsedItem::link).containsOnlyNulls();
    }

    @Test
    void atomWithoutXmlBaseUsesTheAlternateFeedLinkNotSelf() {
        String atom = "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title>"
                + "<link rel=\"self\" href=\"https://feeds.elsewhere.example/x/feed.atom\"/>"
                + "<link rel=\"alternate\" href=\"https://site.example/blog/\"/><id>urn:f</id>"
                + "<updated>2026-11-01T00:00:00Z</updated>"
                + "<entry><title>e</title><id>urn:e</id><updated>2026-11-01T00:00:00Z</updated>"
                + "<link rel=\"enclosure\" href=\"https://cdn.example/e.mp3\"/><link href=\"posts/e\"/></entry></feed>";

        assertThat(new FeedParser().parse(Feeds.text(atom)))
                .extracting(ParsedItem::link).containsExactly("https://site.example/blog/posts/e");
    }

    @Test
    void rfc822DatesWithNamedAndNumericZones() {
        List<ParsedItem> items = rss("https://n.example/",
                "<item><title>gmt</title><pubDate>Tue, 03 Nov 2026 09:00:00 GMT</pubDate></item>"
                        + "<item><title>plus9</title><pubDate>Thu, 05 Nov 2026 18:30:00 +0900</pubDate></item>"
                        + "<item><title>minus5</title><pubDate>Fri, 06 Nov 2026 07:00:00 -0500</pubDate></item>");

        assertThat(items).extracting(ParsedItem::publishedAt).containsExactly(
                Instant.parse("2026-11-03T09:00:00Z"),
                Instant.parse("2026-11-05T09:30:00Z"),
                Instant.parse("2026-11-06T12:00:00Z"));
    }

    @Test
    void iso8601WithOffsetAndDcDate() {
        String atom = "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title><id>urn:f</id>"
                + "<updated>2026-11-01T00:00:00Z</updated><entry><title>e</title><id>urn:e</id>"
                + "<published>2026-11-09T16:00:00+09:00</published><updated>2026-11-10T08:00:00.250-03:30</updated></entry></feed>";
        ParsedItem entry = new FeedParser().parse(Feeds.text(atom)).get(0);
        assertThat(entry.publishedAt()).isEqualTo(Instant.parse("2026-11-09T07:00:00Z"));
        assertThat(entry.updatedAt()).isEqualTo(Instant.parse("2026-11-10T11:30:00.250Z"));

        ParsedItem dc = rss("https://n.example/",
                "<item><title>dc</title><dc:date>2026-11-06T07:45:00-05:00</dc:date></item>").get(0);
        assertThat(dc.publishedAt()).isEqualTo(Instant.parse("2026-11-06T12:45:00Z"));
    }

    @Test
    void updatedDatesInsideRssItems() {
        String xml = rssXml("https://n.example/",
                "<item><title>dcterms</title><dcterms:modified>2026-11-04T08:15:00+01:00</dcterms:modified></item>"
                        + "<item><title>dc</title><dc:modified>2026-11-05</dc:modified></item>"
                        + "<item><title>atom</title><atom:updated>2026-11-06T10:00:00Z</atom:updated></item>")
                .replace("<rss version=\"2.0\"", "<rss version=\"2.0\" xmlns:dcterms=\"http://purl.org/dc/terms/\""
                        + " xmlns:atom=\"http://www.w3.org/2005/Atom\"");
        List<ParsedItem> items = new FeedParser().parse(Feeds.text(xml));

        assertThat(items).extracting(ParsedItem::updatedAt).containsExactly(
                Instant.parse("2026-11-04T07:15:00Z"),
                Instant.parse("2026-11-05T00:00:00Z"),
                Instant.parse("2026-11-06T10:00:00Z"));
        assertThat(items).extracting(ParsedItem::publishedAt).containsOnlyNulls();
    }

    @Test
    void missingOrUnreadableDatesAreNullNeverNow() {
        List<ParsedItem> items = rss("https://n.example/",
                "<item><title>none</title></item>"
                        + "<item><title>garbage</title><pubDate>next Tuesday, probably</pubDate></item>"
                        + "<item><title>empty</title><pubDate></pubDate></item>");

        assertThat(items).hasSize(3);
        assertThat(items).extracting(ParsedItem::publishedAt).containsOnlyNulls();
        assertThat(items).extracting(ParsedItem::updatedAt).containsOnlyNulls();
    }

    @Test
    void categoriesAreTrimmedDistinctAndNonBlank() {
        ParsedItem flu = Feeds.byGuid(parse("rss20.xml"), "bulletin-2026-0412");
        assertThat(flu.categories()).containsExactly("Vaccines", "Public health");
    }

    @Test
    void koreanTitleAndCategorySurvive() {
        ParsedItem seoul = byTitle(parse("rss20.xml"), "서울 임상시험 센터 개소");
        assertThat(seoul.categories()).containsExactly("임상시험");
        assertThat(seoul.link()).isEqualTo("https://bulletin.example.com/news/seoul-trial-centre");
    }

    @Test
    void guidFallsBackToTheLinkThenToAHashOfTitleAndDate() {
        List<ParsedItem> items = parse("rss20.xml");

        // explicit guid, even where the link is unusable
        assertThat(byTitle(items, "Links that go nowhere").guid()).isEqualTo("bulletin-2026-0417");
        assertThat(byTitle(items, "Links that go nowhere").link()).isNull();
        // no guid: the resolved, absolute link
        assertThat(byTitle(items, "서울 임상시험 센터 개소").guid())
                .isEqualTo("https://bulletin.example.com/news/seoul-trial-centre");
        // a permalink guid and no link: the guid is the link too
        ParsedItem rota = byTitle(items, "Night pharmacy rota");
        assertThat(rota.guid()).isEqualTo("https://bulletin.example.com/news/pharmacy-rota");
        assertThat(rota.link()).isEqualTo("https://bulletin.example.com/news/pharmacy-rota");
        // neither guid nor link
        assertThat(byTitle(items, "Parking notice").guid()).isEqualTo(StableIds.of("Parking notice", ""));

        ParsedItem dated = rss(null, "<item><title>Dated</title><pubDate>Tue, 03 Nov 2026 09:00:00 GMT</pubDate></item>").get(0);
        assertThat(dated.guid()).isEqualTo(StableIds.of("Dated", "2026-11-03T09:00:00Z"));
        // the same entry parsed twice gets the same id
        assertThat(rss(null, "<item><title>Dated</title><pubDate>Tue, 03 Nov 2026 09:00:00 GMT</pubDate></item>").get(0).guid())
                .isEqualTo(dated.guid());
    }

    @Test
    void titlesArePlainTextWithEntitiesDecodedAndWhitespaceCollapsed() {
        List<ParsedItem> items = rss(null,
                "<item><title>  Fish &amp;amp; chips &lt;b&gt;now&lt;/b&gt;\n\t served  </title></item>"
                        + "<item><title><![CDATA[<em>Tom</em> &quot;the&quot; Cat]]></title></item>");
        assertThat(items).extracting(ParsedItem::title).containsExactly("Fish & chips now served", "Tom \"the\" Cat");
    }

    @Test
    void httpCharsetIsHonouredWhenTheXmlDeclarationNamesNone() {
        byte[] euc = rssXml(null, "<item><title>바이오 임상시험</title></item>")
                .replace(" encoding=\"UTF-8\"", "")
                .getBytes(Charset.forName("EUC-KR"));
        FetchedDocument doc = new FetchedDocument(Feeds.FEED_URI, euc, "application/rss+xml; charset=EUC-KR");
        assertThat(new FeedParser().parse(doc)).extracting(ParsedItem::title).containsExactly("바이오 임상시험");
    }

    @Test
    void xmlEncodingDeclarationIsHonouredWithoutAContentType() {
        byte[] euc = rssXml(null, "<item><title>바이오 임상시험</title></item>")
                .replace("encoding=\"UTF-8\"", "encoding=\"EUC-KR\"")
                .getBytes(Charset.forName("EUC-KR"));
        FetchedDocument doc = new FetchedDocument(Feeds.FEED_URI, euc, null);
        assertThat(new FeedParser().parse(doc)).extracting(ParsedItem::title).containsExactly("바이오 임상시험");

        byte[] latin = rssXml(null, "<item><title>Café</title></item>")
                .replace("encoding=\"UTF-8\"", "encoding=\"ISO-8859-1\"")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThat(new FeedParser().parse(new FetchedDocument(Feeds.FEED_URI, latin, null)))
                .extracting(ParsedItem::title).containsExactly("Café");
    }

    @Test
    void byteOrderMarksAreHonouredAndTextXmlWithoutCharsetIsNotAscii() {
        String xml = rssXml(null, "<item><title>바이오 산업</title></item>").replace(" encoding=\"UTF-8\"", "");
        byte[] body = xml.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);

        assertThat(new FeedParser().parse(new FetchedDocument(Feeds.FEED_URI, withBom, "text/xml")))
                .extracting(ParsedItem::title).containsExactly("바이오 산업");
        assertThat(new FeedParser().parse(new FetchedDocument(Feeds.FEED_URI, body, "text/xml")))
                .extracting(ParsedItem::title).containsExactly("바이오 산업");

        byte[] utf16 = xml.getBytes(StandardCharsets.UTF_16); // big-endian with a BOM
        assertThat(new FeedParser().parse(new FetchedDocument(Feeds.FEED_URI, utf16, null)))
                .extracting(ParsedItem::title).containsExactly("바이오 산업");
    }
}
