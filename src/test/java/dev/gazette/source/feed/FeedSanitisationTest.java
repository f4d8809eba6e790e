package dev.gazette.source.feed;

import static dev.gazette.source.feed.Feeds.byGuid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.source.HtmlSanitizer;
import dev.gazette.source.ParsedItem;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What survives {@link HtmlSanitizer}, directly and on the way through the feed parser. */
class FeedSanitisationTest {

    private static final String BASE = "https://hostile.example.com/";

    private static String clean(String html) {
        return HtmlSanitizer.clean(html, BASE);
    }

    @Test
    void scriptsNeverSurvive() {
        assertThat(clean("<p>a</p><script>alert(1)</script><p>b</p>"))
                .isEqualTo("<p>a</p><p>b</p>");
        assertThat(clean("<svg><script>alert(1)</script></svg><scr<script>ipt>alert(2)</script>"))
                .doesNotContainIgnoringCase("<script")
                .doesNotContainIgnoringCase("<svg");
    }

    @Test
    void eventHandlersNeverSurvive() {
        String cleaned = clean("<img src=\"https://cdn.example.com/x.png\" onerror=\"alert(1)\">"
                + "<p onclick=\"alert(2)\" onmouseover=\"alert(3)\">Click</p>");
        assertThat(cleaned)
                .doesNotContainIgnoringCase("onerror")
                .doesNotContainIgnoringCase("onclick")
                .doesNotContainIgnoringCase("onmouseover")
                .doesNotContain("alert");
        assertThat(cleaned).contains("<img src=\"https://cdn.example.com/x.png\">").contains("<p>Click</p>");
    }

    @Test
    void javascriptLinksNeverSurvive() {
        String cleaned = clean("<a href=\"javascript:alert(1)\">a</a><a href=\" JaVaScRiPt:alert(2)\">b</a>"
                + "<a href=\"jav&#x09;ascript:alert(3)\">c</a><a href=\"data:text/html,<script>x</script>\">d</a>");
        assertThat(cleaned)
                .doesNotContainIgnoringCase("javascript")
                .doesNotContainIgnoringCase("data:")
                .doesNotContain("href");
        assertThat(cleaned).contains(">a</a>").contains(">d</a>");
    }

    @Test
    void iframesNeverSurvive() {
        assertThat(clean("<p>x</p><iframe src=\"https://evil.example.com/\"></iframe>"))
                .isEqualTo("<p>x</p>");
    }

    @Test
    void styleAttributesAndStyleElementsNeverSurvive() {
        assertThat(clean("<p style=\"position:fixed;top:0\">Styled</p>")).isEqualTo("<p>Styled</p>");
        assertThat(clean("<style>body{display:none}</style><p>after</p>")).isEqualTo("<p>after</p>");
    }

    @Test
    void formsNeverSurvive() {
        String cleaned = clean("<form action=\"https://evil.example.com/login\"><input name=\"password\" type=\"password\">"
                + "<button>Log in</button></form>");
        assertThat(cleaned)
                .doesNotContainIgnoringCase("<form")
                .doesNotContainIgnoringCase("<input")
                .doesNotContainIgnoringCase("<button")
                .doesNotContain("evil.example.com");
    }

    @Test
    void safeMarkupSurvives() {
        assertThat(clean("<p>Read the <a href=\"https://news.example.org/report\">report</a> with <strong>numbers</strong>.</p>"
                + "<img src=\"https://cdn.example.com/chart.png\" alt=\"chart\">"))
                .contains("<p>Read the <a href=\"https://news.example.org/report\"")
                .contains(">report</a> with <strong>numbers</strong>.</p>")
                .contains("<img src=\"https://cdn.example.com/chart.png\" alt=\"chart\">");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<p>a<table><tr><td>b</td></tr></table>c</p>",
        "<a href=\"https://a.example/\">1<div><a href=\"https://b.example/\">2</a></div>3</a>",
        "<b><i>x</b>y</i><p>unclosed <strong>bold <em>both</p> after",
        "<<script>script>alert(1)<</script>/script><scr<script>ipt>alert(1)</script>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<a href=\"https://ok.example/?a=1&b=2\">q</a> &nbsp; &amp;amp; \u00a0 <a href=\"/rel\">r</a>",
        "<p><a href=\"https://x.example/\"><p>block in a</p></a></p><b>1<p>2</b>3</p>",
        "<img src='https://i.example/a.png' alt='\"><script>alert(1)</script>'><![CDATA[<x>]]>",
        "<pre>\n\n  indented</pre><ul><li>a<li>b<ul><li>c</ul></ul>"
    })
    void cleaningIsIdempotent(String nasty) {
        String once = clean(nasty);
        assertThat(clean(once)).isEqualTo(once);
        assertThat(HtmlSanitizer.clean(once, "")).isEqualTo(once);
    }

    @Test
    void plainTextIsEscapedNotParsedAndIsAlreadyClean() {
        String html = HtmlSanitizer.fromText("it's <script>alert(1)</script> & \"quoted\"\r\nnext line");
        assertThat(html).isEqualTo("it's &lt;script&gt;alert(1)&lt;/script&gt; &amp; \"quoted\"<br>next line");
        assertThat(clean(html)).isEqualTo(html);
    }

    @Test
    void feedDescriptionsAreSanitised() {
        List<ParsedItem> items = Feeds.parse("nasty-descriptions.xml");

        assertThat(byGuid(items, "script").summaryHtml()).isEqualTo("<p>Before</p><p>After</p>");
        assertThat(byGuid(items, "handlers").summaryHtml())
                .doesNotContainIgnoringCase("onerror")
                .doesNotContainIgnoringCase("onclick")
                .contains("<img src=\"https://cdn.example.com/x.png\">");
        assertThat(byGuid(items, "js-link").summaryHtml()).doesNotContainIgnoringCase("javascript");
        assertThat(byGuid(items, "frames").summaryHtml())
                .doesNotContainIgnoringCase("<iframe")
                .doesNotContainIgnoringCase("<style")
                .doesNotContainIgnoringCase("style=")
                .doesNotContainIgnoringCase("<form")
                .doesNotContainIgnoringCase("<input")
                .contains("<p>Styled</p>");

        String good = byGuid(items, "good").summaryHtml();
        assertThat(good)
                .contains("<a href=\"https://hostile.example.com/report\"")
                .contains("<strong>key numbers</strong>")
                .contains("<img src=\"https://cdn.example.com/chart.png\" alt=\"chart\">")
                // relative links in the description resolve against the feed's link
                .contains("<a href=\"https://hostile.example.com/methods\"");
    }

    @Test
    void atomPlainTextContentIsEscapedNotParsed() {
        String atom = "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title><id>urn:f</id>"
                + "<updated>2026-11-01T00:00:00Z</updated><entry><title>e</title><id>urn:e</id>"
                + "<content type=\"text\">&lt;script&gt;alert(1)&lt;/script&gt; is how it's done</content></entry>"
                + "<entry><title>untyped</title><id>urn:u</id><summary>&lt;img src=x onerror=alert(1)&gt;</summary></entry></feed>";
        List<ParsedItem> items = new FeedParser().parse(Feeds.text(atom));

        assertThat(items.get(0).summaryHtml()).isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt; is how it's done");
        // no type attribute means text in Atom
        assertThat(items.get(1).summaryHtml()).isEqualTo("&lt;img src=x onerror=alert(1)&gt;");
    }
}
