package dev.gazette.source.page;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.item.ItemKind;
import dev.gazette.source.ParsedItem;
import dev.gazette.source.StableIds;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageParserArticleTest {

    private static final Pages.Builder POSTS = Pages.articles("div.post", "h2.post-title")
            .date(".post-date")
            .summary(".post-summary")
            .formats("MMM d, yyyy");

    private static List<ParsedItem> posts() {
        return POSTS.parser().parse(Pages.fixture("articles.html"));
    }

    @Test
    void readsTitlesCollapsedInDocumentOrderAndSkipsBlankTitles() {
        assertThat(posts()).extracting(ParsedItem::title).containsExactly(
                "First post about CRISPR", "Second post", "Third post", "Fourth post", "Fifth post");
        assertThat(posts()).extracting(ParsedItem::kind).containsOnly(ItemKind.ARTICLE);
        assertThat(posts()).extracting(ParsedItem::event).containsOnlyNulls();
    }

    @Test
    void resolvesRelativeLinksAgainstTheDocumentAddressAndKeepsAbsoluteOnes() {
        assertThat(posts().get(0).link()).isEqualTo("https://lab.example/notes/first");
        assertThat(posts().get(4).link()).isEqualTo("https://elsewhere.example/fifth");
    }

    @Test
    void dropsJavascriptAndMailtoLinksAndTitlesWithoutOne() {
        assertThat(posts().get(1).link()).isNull();
        assertThat(posts().get(2).link()).isNull();
        assertThat(posts().get(3).link()).isNull();
    }

    @Test
    void keepsTheFirstItemWhenTwoShareALink() {
        assertThat(posts()).filteredOn(item -> "https://lab.example/notes/first".equals(item.link()))
                .extracting(ParsedItem::title).containsExactly("First post about CRISPR");
    }

    @Test
    void readsCustomDateFormatInEnglishAsStartOfDayUtcByDefault() {
        assertThat(posts().get(0).publishedAt()).isEqualTo(Instant.parse("2026-01-23T00:00:00Z"));
    }

    @Test
    void prefersTheDatetimeAttributeOverTheTextAndHonoursItsOffset() {
        assertThat(posts().get(1).publishedAt()).isEqualTo(Instant.parse("2026-01-20T07:15:00Z"));
    }

    @Test
    void readsTheContentAttributeOfAMetaElement() {
        assertThat(posts().get(3).publishedAt()).isEqualTo(Instant.parse("2026-01-22T00:00:00Z"));
    }

    @Test
    void keepsAnItemWhoseDateCannotBeReadOrIsMissing() {
        assertThat(posts().get(2).publishedAt()).isNull();
        assertThat(posts().get(4).publishedAt()).isNull();
    }

    @Test
    void sanitisesTheSummaryAndResolvesItsLinks() {
        String summary = posts().get(0).summaryHtml();
        assertThat(summary)
                .contains("<b>world</b>")
                .contains("href=\"https://lab.example/notes/first#more\"")
                .contains("<img src=\"https://img.example/cell.png\" alt=\"cell\">")
                .doesNotContain("script", "alert", "onerror", "onclick", "iframe", "ads.example", "style", "color");
        assertThat(posts().get(1).summaryHtml()).isEmpty();
    }

    @Test
    void guidIsTheLinkElseAHashOfTitleAndDateText() {
        assertThat(posts().get(0).guid()).isEqualTo("https://lab.example/notes/first");
        assertThat(posts().get(1).guid()).isEqualTo(StableIds.of("Second post", "2026-01-20T09:15:00+02:00"));
        assertThat(posts().get(2).guid()).isEqualTo(StableIds.of("Third post", "some time soon"));
        assertThat(posts().get(4).guid()).isEqualTo("https://elsewhere.example/fifth");
    }

    @Test
    void readsDayMonthYearTimeInTheConfiguredZone() {
        PageParser parser = Pages.articles("li", "b").date("i")
                .formats("MMM d, yyyy", "dd.MM.yyyy HH:mm").zone("Europe/Berlin").parser();
        List<ParsedItem> items = parser.parse(Pages.html("<ul>"
                + "<li><b>Winter</b><i>23.01.2026 14:30</i></li>"
                + "<li><b>Summer</b><i>23.07.2026 14:30</i></li>"
                + "<li><b>Date only</b><i>Jan 23, 2026</i></li>"
                + "<li><b>ISO local</b><i>2026-01-23 08:00</i></li>"
                + "<li><b>ISO with offset</b><i>2026-01-23T08:00:00Z</i></li></ul>"));
        assertThat(items).extracting(ParsedItem::publishedAt).containsExactly(
                Instant.parse("2026-01-23T13:30:00Z"),
                Instant.parse("2026-07-23T12:30:00Z"),
                Instant.parse("2026-01-22T23:00:00Z"),
                Instant.parse("2026-01-23T07:00:00Z"),
                Instant.parse("2026-01-23T08:00:00Z"));
    }

    @Test
    void readsMonthNamesInTheConfiguredLocaleIgnoringCase() {
        PageParser german = Pages.articles("li", "b").date("i").formats("d. MMMM yyyy").locale("de").parser();
        List<ParsedItem> items = german.parse(Pages.html(
                "<ul><li><b>A</b><i>23. Januar 2026</i></li><li><b>B</b><i>3. MÄRZ 2026</i></li></ul>"));
        assertThat(items).extracting(ParsedItem::publishedAt).containsExactly(
                Instant.parse("2026-01-23T00:00:00Z"), Instant.parse("2026-03-03T00:00:00Z"));
    }

    @Test
    void linkSelectorUsesTheElementsOwnHrefElseTheFirstAnchorInside() {
        String page = "<div class='card'><h3>Own href</h3><a class='more' href='/a'>more</a></div>"
                + "<div class='card'><h3>Anchor inside</h3><p class='more'><a href='/b'>b</a><a href='/c'>c</a></p></div>"
                + "<div class='card'><h3>No anchor</h3><p class='more'>none</p></div>";
        List<ParsedItem> items = Pages.articles("div.card", "h3").link(".more").parser().parse(Pages.html(page));
        assertThat(items).extracting(ParsedItem::link).containsExactly(
                "https://lab.example/a", "https://lab.example/b", null);
    }

    @Test
    void withoutLinkSelectorTheTitleMaySitInsideTheItemsAnchor() {
        String page = "<a class='card' href='../whole-card'><h3>Card</h3></a>"
                + "<a class='card' href='//cdn.example/x'><h3>Protocol-relative</h3></a>";
        List<ParsedItem> items = Pages.articles("a.card", "h3").parser().parse(Pages.html(page));
        assertThat(items).extracting(ParsedItem::link).containsExactly(
                "https://lab.example/whole-card", "https://cdn.example/x");
    }
}
