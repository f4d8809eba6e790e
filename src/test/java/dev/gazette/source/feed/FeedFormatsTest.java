package dev.gazette.source.feed;

import static dev.gazette.source.feed.Feeds.byGuid;
import static dev.gazette.source.feed.Feeds.byTitle;
import static dev.gazette.source.feed.Feeds.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.item.ItemKind;
import dev.gazette.source.ParsedItem;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One fixture per feed format ROME reads for us. */
class FeedFormatsTest {

    @Test
    void rss091() {
        List<ParsedItem> items = parse("rss091.xml");

        assertThat(items).extracting(ParsedItem::title)
                .containsExactly("Café chemistry: why espresso foams", "Pipetting, revisited");
        assertThat(items).extracting(ParsedItem::kind).containsOnly(ItemKind.ARTICLE);
        ParsedItem first = items.get(0);
        assertThat(first.link()).isEqualTo("https://old.example.net/notes/espresso.html");
        assertThat(first.guid()).isEqualTo("https://old.example.net/notes/espresso.html");
        // RSS 0.91 has no dates
        assertThat(first.publishedAt()).isNull();
        assertThat(first.updatedAt()).isNull();
        // ROME calls this description text/plain, but it is entity-escaped HTML
        assertThat(first.summaryHtml()).isEqualTo("Crema is an emulsion of <em>oils</em> and CO<sub>2</sub>.");
        assertThat(items.get(1).link()).isEqualTo("https://old.example.net/notes/archive/pipetting.html");
    }

    @Test
    void rss092() {
        List<ParsedItem> items = parse("rss092.xml");

        // the third item has neither title nor description and is skipped
        assertThat(items).hasSize(2);
        ParsedItem snow = items.get(0);
        assertThat(snow.title()).isEqualTo("Snow depth survey");
        assertThat(snow.categories()).containsExactly("Fieldwork", "Climate");
        assertThat(snow.summaryHtml()).isEqualTo("<p>Snow depth was <strong>42 cm</strong> at the upper transect.</p>");
        // no title: the start of the summary stands in, cut at a word
        assertThat(items.get(1).title())
                .isEqualTo("The generator broke down again; we are back on solar power until the part…");
    }

    @Test
    void rss10RdfWithDcDate() {
        List<ParsedItem> items = parse("rss10.rdf");

        assertThat(items).hasSize(2);
        ParsedItem soil = items.get(0);
        assertThat(soil.kind()).isEqualTo(ItemKind.ARTICLE);
        assertThat(soil.title()).isEqualTo("Soil microbiomes under drought stress");
        assertThat(soil.guid()).isEqualTo("https://journal.example.edu/articles/2026/117");
        assertThat(soil.link()).isEqualTo("https://journal.example.edu/articles/2026/117");
        assertThat(soil.publishedAt()).isEqualTo(Instant.parse("2026-11-05T13:30:00Z"));
        assertThat(soil.categories()).containsExactly("Ecology");
        assertThat(items.get(1).publishedAt()).isEqualTo(Instant.parse("2026-11-06T00:00:00Z"));
    }

    @Test
    void rss20() {
        List<ParsedItem> items = parse("rss20.xml");

        assertThat(items).hasSize(5);
        ParsedItem flu = byGuid(items, "bulletin-2026-0412");
        assertThat(flu.kind()).isEqualTo(ItemKind.ARTICLE);
        assertThat(flu.title()).isEqualTo("Flu vaccine clinics open & walk-ins welcome");
        assertThat(flu.link()).isEqualTo("https://bulletin.example.com/news/flu-clinics");
        assertThat(flu.publishedAt()).isEqualTo(Instant.parse("2026-11-03T09:00:00Z"));
        assertThat(flu.updatedAt()).isEqualTo(Instant.parse("2026-11-04T08:15:00Z"));
        assertThat(flu.summaryHtml())
                .startsWith("<p>Clinics open at <a href=\"https://bulletin.example.com/clinics\"")
                .endsWith(">all sites</a>.</p>");

        ParsedItem seoul = byTitle(items, "서울 임상시험 센터 개소");
        // no description: content:encoded is used
        assertThat(seoul.summaryHtml()).isEqualTo("<p>새 <strong>임상시험</strong> 센터가 문을 열었습니다.</p>");
    }

    @Test
    void atom10() {
        List<ParsedItem> items = parse("atom10.xml");

        assertThat(items).hasSize(3);
        ParsedItem cryo = items.get(0);
        assertThat(cryo.kind()).isEqualTo(ItemKind.ARTICLE);
        assertThat(cryo.guid()).isEqualTo("tag:lab.example.org,2026:post-41");
        // type="html" title: tags stripped
        assertThat(cryo.title()).isEqualTo("Cryo-EM structure of a transporter");
        // rel="alternate" wins over rel="edit"; entry xml:base "2026/" applies on top of the feed's
        assertThat(cryo.link()).isEqualTo("https://lab.example.org/blog/2026/cryo-em-transporter.html");
        assertThat(cryo.publishedAt()).isEqualTo(Instant.parse("2026-11-09T07:00:00Z"));
        assertThat(cryo.updatedAt()).isEqualTo(Instant.parse("2026-11-10T08:00:00Z"));
        assertThat(cryo.categories()).containsExactly("structural-biology", "cryo-em");
        assertThat(cryo.summaryHtml())
                .contains("<strong>2.9 Å</strong>")
                .contains("href=\"https://lab.example.org/blog/2026/figures.html\"");

        ParsedItem moved = items.get(1);
        assertThat(moved.link()).isEqualTo("https://lab.example.org/blog/meetings/moved");
        assertThat(moved.publishedAt()).isNull();
        assertThat(moved.updatedAt()).isEqualTo(Instant.parse("2026-11-08T09:30:00Z"));
        // type="text": escaped, not parsed as HTML
        assertThat(moved.summaryHtml()).isEqualTo("Use &lt;b&gt; for bold &amp; 5 &lt; 6; this is plain text.");

        ParsedItem protocols = items.get(2);
        assertThat(protocols.link()).isNull();
        assertThat(protocols.summaryHtml()).isEqualTo("<p>The <em>protocols</em> page has moved.</p>");
    }

    @Test
    void zeroEntriesIsAnEmptyListNotAnError() {
        assertThat(parse("empty-channel.xml")).isEmpty();
        assertThat(parse("empty-feed.atom")).isEmpty();
    }
}
