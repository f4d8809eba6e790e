package dev.gazette.source.calendar;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gazette.source.FetchedDocument;
import dev.gazette.source.SourceException;
import org.junit.jupiter.api.Test;

class CalendarErrorTest {
    private final CalendarParser parser = Fixtures.parser();

    @Test
    void emptyBody() {
        assertThatThrownBy(() -> parser.parse(new FetchedDocument(Fixtures.BASE, new byte[0], null)))
                .isInstanceOf(SourceException.class).hasMessage("the document is empty");
        assertThatThrownBy(() -> parser.parse(Fixtures.text("\uFEFF \r\n\r\n  ")))
                .isInstanceOf(SourceException.class).hasMessage("the document is empty");
    }

    @Test
    void htmlPage() {
        FetchedDocument html = new FetchedDocument(Fixtures.BASE,
                Fixtures.bytes("/fixtures/calendar/web-page.html"), "text/html; charset=utf-8");
        assertThatThrownBy(() -> parser.parse(html))
                .isInstanceOf(SourceException.class)
                .hasMessageStartingWith("not an iCalendar document")
                .hasMessageContaining("HTML");
    }

    @Test
    void otherText() {
        assertThatThrownBy(() -> parser.parse(Fixtures.text("Hello, this is not a calendar\nat all")))
                .isInstanceOf(SourceException.class)
                .hasMessage("not an iCalendar document: it does not start with BEGIN:VCALENDAR but with "
                        + "\"Hello, this is not a calendar\"");
    }

    @Test
    void truncatedDocument() {
        assertThatThrownBy(() -> parser.parse(Fixtures.fixture("truncated.ics")))
                .isInstanceOf(SourceException.class)
                .hasMessage("malformed iCalendar at line 8: the document ends in the middle of a calendar "
                        + "(it looks truncated)");
    }

    @Test
    void lineWithoutColon() {
        assertThatThrownBy(() -> parser.parse(Fixtures.fixture("malformed.ics")))
                .isInstanceOf(SourceException.class)
                .hasMessage("malformed iCalendar at line 8: expected a content line such as NAME:value, "
                        + "found \"this line has no colon\"")
                .hasCauseInstanceOf(net.fortuna.ical4j.data.ParserException.class);
    }

    @Test
    void mismatchedEnd() {
        String ics = "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:test\nBEGIN:VEVENT\nUID:x\n"
                + "DTSTART:20261205T090000Z\nSUMMARY:x\nEND:VTODO\nEND:VCALENDAR\n";
        assertThatThrownBy(() -> parser.parse(Fixtures.text(ics)))
                .isInstanceOf(SourceException.class)
                .hasMessageStartingWith("malformed iCalendar at line 8: ")
                .hasMessageContaining("VTODO");
    }

    @Test
    void messagesDoNotNameTheSource() {
        assertThatThrownBy(() -> parser.parse(Fixtures.fixture("truncated.ics")))
                .isInstanceOf(SourceException.class)
                .message().doesNotContain("calendar.example.org").doesNotContain("events.ics");
    }
}
