package dev.gazette.source.page;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.config.ConfigDefaults;
import dev.gazette.config.PageSelectors;
import dev.gazette.item.ItemKind;
import dev.gazette.source.fetch.Fetcher;
import dev.gazette.testing.FixtureServer;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Trying a page's selectors before saving them, against a page served over HTTP by a real server. */
class SelectorTesterTest {
    private static final String PAGE = """
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>News</title></head><body>
            <ul class="news">
              <li class="post"><h3><a href="/a/1">Lymphoma drug approved</a></h3>
                <time datetime="2026-11-27">Nov 27</time><p class="teaser">A <b>new</b> therapy.
                <script>alert(1)</script></p></li>
              <li class="post"><h3><a href="/a/2">Heart study results</a></h3>
                <time datetime="2026-11-26">Nov 26</time><p class="teaser">Cardiology news.</p></li>
              <li class="post"><h3><a href="/a/3">Policy brief</a></h3><time>some day</time></li>
            </ul>
            <ul class="events">
              <li class="ev"><span class="name">Biotech Summit</span><span class="from">Dec 10, 2026</span>
                <span class="where">Basel</span></li>
              <li class="ev"><span class="name">Evening seminar</span><span class="from">Dec 11, 2026</span></li>
            </ul>
            </body></html>
            """;

    private final FixtureServer server = new FixtureServer()
            .route("/news.html", FixtureServer.Route.ok(PAGE, "text/html; charset=utf-8"));
    private final SelectorTester tester = new SelectorTester(new Fetcher(ConfigDefaults.config().fetch()));

    @AfterEach
    void close() {
        server.close();
    }

    private String url() {
        return server.uri("/news.html").toString();
    }

    private static PageSelectors articles(String item, String title, String date) {
        return new PageSelectors(ItemKind.ARTICLE, item, title, "h3 a", date, "p.teaser", "", "", "", List.of(), "",
                "en");
    }

    @Test
    void showsTheFirstItemsAsTheyWouldBeStored() {
        SelectorTestResult result = tester.test(url(), articles("li.post", "h3", "time"), 2);

        assertThat(result.ok()).isTrue();
        assertThat(result.matched()).isEqualTo(3);
        assertThat(result.found()).isEqualTo(3);
        assertThat(result.items()).hasSize(2);
        SelectorTestResult.Preview first = result.items().get(0);
        assertThat(first.title()).isEqualTo("Lymphoma drug approved");
        assertThat(first.link()).isEqualTo(server.uri("/a/1").toString());
        assertThat(first.date()).isEqualTo(Instant.parse("2026-11-27T00:00:00Z"));
        assertThat(first.summary()).isEqualTo("A new therapy.").doesNotContain("alert");
        assertThat(first.start()).isNull();
        assertThat(result.warnings()).isEmpty();
        assertThat(server.requests("/news.html")).hasSize(1);
    }

    @Test
    void eventsShowTheirStartAndVenueAndASelectorThatFindsNothingIsNamed() {
        PageSelectors events = new PageSelectors(ItemKind.EVENT, "li.ev", ".name", "", "", ".summary", ".from",
                ".to", ".where", List.of("MMM d, yyyy"), "Europe/Zurich", "en");

        SelectorTestResult result = tester.test(url(), events, 10);

        assertThat(result.ok()).isTrue();
        assertThat(result.items()).extracting(SelectorTestResult.Preview::title)
                .containsExactly("Biotech Summit", "Evening seminar");
        assertThat(result.items().get(0).start()).isEqualTo(Instant.parse("2026-12-10T00:00:00Z"));
        assertThat(result.items().get(0).allDay()).isTrue();
        assertThat(result.items().get(0).location()).isEqualTo("Basel");
        assertThat(result.items().get(1).location()).isNull();
        assertThat(result.warnings()).containsExactly(
                "summary selector '.summary' matched nothing in the 2 items",
                "end selector '.to' matched nothing in the 2 items");
    }

    @Test
    void aDateSelectorWhoseDatesCannotBeReadIsNamedWithAnExample() {
        SelectorTestResult result = tester.test(url(), articles("li.post", "h3", "time:not([datetime])"), 10);

        assertThat(result.ok()).isTrue();
        assertThat(result.warnings()).singleElement().asString()
                .contains("date selector 'time:not([datetime])' matched, but no date could be read", "'some day'",
                        "date-formats");
    }

    @Test
    void errorsNameTheSelectorThatFails() {
        assertThat(tester.test(url(), articles("li.nothing", "h3", "time"), 10).errors())
                .containsExactly("item selector 'li.nothing' matched nothing on the page");
        assertThat(tester.test(url(), articles("li.post", "h4", "time"), 10).errors()).singleElement().asString()
                .startsWith("title selector 'h4' found no title in the 3 items");
        assertThat(tester.test(url(), articles("li.post", "h3[", "time"), 10).errors()).singleElement().asString()
                .startsWith("title selector 'h3[' is not valid CSS");
        assertThat(tester.test(url(), articles("", "h3", "time"), 10).errors()).singleElement().asString()
                .startsWith("item selector is missing");
    }

    @Test
    void onlyWebPagesAreFetchedAndFetchErrorsAreReported() {
        PageSelectors good = articles("li.post", "h3", "time");
        assertThat(tester.test("file:///etc/passwd", good, 10).errors())
                .containsExactly("url: 'file:///etc/passwd' must start with http: or https:");
        assertThat(tester.test("classpath:samples/biotech-news.html", good, 10).ok()).isFalse();
        assertThat(tester.test(server.uri("/missing.html").toString(), good, 10).errors()).singleElement().asString()
                .contains("could not fetch", "HTTP 404");
    }
}
