package dev.gazette.source.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gazette.config.PageSelectors;
import dev.gazette.item.ItemKind;
import dev.gazette.source.FetchedDocument;
import dev.gazette.source.SourceException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageParserErrorTest {

    private static final PageParser POSTS = Pages.articles("div.post", "h2").parser();

    @Test
    void emptyBodyIsReportedAsAnEmptyDocument() {
        assertThatThrownBy(() -> POSTS.parse(new FetchedDocument(Pages.BASE, new byte[0], "text/html")))
                .isInstanceOf(SourceException.class).hasMessage("the document is empty");
        assertThatThrownBy(() -> POSTS.parse(new FetchedDocument(Pages.BASE, " \r\n\t ".getBytes(), null)))
                .isInstanceOf(SourceException.class).hasMessage("the document is empty");
    }

    @Test
    void itemSelectorMatchingNothingIsNamed() {
        assertThatThrownBy(() -> POSTS.parse(Pages.html("<p>Redesigned site</p>")))
                .isInstanceOf(SourceException.class)
                .hasMessage("item selector 'div.post' matched nothing on the page");
    }

    @Test
    void itemsWithoutAnyTitleAreCountedAndTheSelectorNamed() {
        PageParser parser = Pages.articles("div.post", "h3.title").parser();
        assertThatThrownBy(() -> parser.parse(Pages.fixture("articles.html")))
                .isInstanceOf(SourceException.class)
                .hasMessage("title selector 'h3.title' found no title in the 7 items matched by 'div.post'");
    }

    @Test
    void eventsWhoseStartCannotBeReadSayWhichValueAndWhichFormatsWereTried() {
        PageParser parser = Pages.events("li", "b", "i").formats("dd.MM.yyyy").parser();
        assertThatThrownBy(() -> parser.parse(Pages.html("<ul><li><b>A</b><i>next Tuesday</i></li>"
                + "<li><b>B</b><i>TBA</i></li></ul>")))
                .isInstanceOf(SourceException.class)
                .hasMessage("start selector 'i' gave no readable date in the 2 items:"
                        + " could not read 'next Tuesday'; tried ISO-8601, 'dd.MM.yyyy'");
    }

    @Test
    void withoutDateFormatsTheStartErrorSuggestsAddingThem() {
        PageParser parser = Pages.events("li", "b", "i").parser();
        assertThatThrownBy(() -> parser.parse(Pages.html("<ul><li><b>A</b><i>Feb 9, 2026</i></li></ul>")))
                .isInstanceOf(SourceException.class)
                .hasMessage("start selector 'i' gave no readable date in the 1 item:"
                        + " could not read 'Feb 9, 2026'; tried ISO-8601 only: add dateFormats for this page,"
                        + " e.g. 'MMM d, yyyy'");
    }

    @Test
    void startSelectorMatchingNothingIsNamed() {
        PageParser parser = Pages.events("li", "b", "time.start").parser();
        assertThatThrownBy(() -> parser.parse(Pages.html("<ul><li><b>A</b><i>2026-02-09</i></li></ul>")))
                .isInstanceOf(SourceException.class)
                .hasMessage("start selector 'time.start' found nothing in the 1 item that has a title");
    }

    @Test
    void invalidCssIsRejectedAtConstructionNamingTheKeyAndValue() {
        assertThatThrownBy(() -> Pages.articles("div.post[", "h2").parser())
                .isInstanceOf(SourceException.class)
                .hasMessageStartingWith("item selector 'div.post[' is not valid CSS: ");
        assertThatThrownBy(() -> Pages.articles("div.post", "h2").date("time:nonsense").parser())
                .isInstanceOf(SourceException.class)
                .hasMessageStartingWith("date selector 'time:nonsense' is not valid CSS: ");
        assertThatThrownBy(() -> Pages.events("li", "b", "i").location("p >").parser())
                .isInstanceOf(SourceException.class)
                .hasMessageStartingWith("location selector 'p >' is not valid CSS: ");
    }

    @Test
    void missingItemOrTitleSelectorIsRejected() {
        assertThatThrownBy(() -> Pages.articles(null, "h2").parser())
                .isInstanceOf(SourceException.class)
                .hasMessage("item selector is missing: it selects one element per item");
        assertThatThrownBy(() -> Pages.articles("div.post", "  ").parser())
                .isInstanceOf(SourceException.class)
                .hasMessage("title selector is missing: it selects the title inside each item");
    }

    @Test
    void eventPageWithoutStartSelectorIsRejectedButAnArticlePageNeedsNone() {
        assertThatThrownBy(() -> Pages.events("li", "b", null).parser())
                .isInstanceOf(SourceException.class)
                .hasMessage("start selector is missing: an event page needs the start date of each event");
        assertThat(new PageParser(new PageSelectors(ItemKind.ARTICLE, "li", "b",
                null, null, null, null, null, null, null, null, null))).isNotNull();
    }

    @Test
    void unknownTimeZoneIsRejected() {
        assertThatThrownBy(() -> Pages.articles("li", "b").zone("Europe/Parris").parser())
                .isInstanceOf(SourceException.class)
                .hasMessage("timeZone 'Europe/Parris' is not a known time zone:"
                        + " use an IANA id such as 'Europe/Berlin' or 'UTC'");
    }

    @Test
    void badDatePatternIsRejectedWithItsPosition() {
        assertThatThrownBy(() -> Pages.articles("li", "b").formats("MMM d, yyyy", "dd.MM.yyyy {HH}").parser())
                .isInstanceOf(SourceException.class)
                .hasMessageStartingWith("dateFormats[1] 'dd.MM.yyyy {HH}' is not a valid date pattern: ");
    }

    @Test
    void datePatternWithoutAFullDateIsRejected() {
        assertThatThrownBy(() -> Pages.articles("li", "b").formats("HH:mm").parser())
                .isInstanceOf(SourceException.class)
                .hasMessage("dateFormats[0] 'HH:mm' does not give a full date (year, month and day)");
        assertThatThrownBy(() -> Pages.articles("li", "b").formats("MMM d").parser())
                .isInstanceOf(SourceException.class)
                .hasMessage("dateFormats[0] 'MMM d' does not give a full date (year, month and day)");
    }

    @Test
    void malformedLocaleIsRejected() {
        assertThatThrownBy(() -> Pages.articles("li", "b").locale("english!").parser())
                .isInstanceOf(SourceException.class)
                .hasMessageStartingWith("locale 'english!' is not a language tag");
    }

    @Test
    void anItemWithoutTitleIsNoErrorWhenOthersAreRead() {
        List<?> items = POSTS.parse(Pages.html("<div class='post'><p>ad</p></div><div class='post'><h2>Real</h2></div>"));
        assertThat(items).hasSize(1);
    }
}
