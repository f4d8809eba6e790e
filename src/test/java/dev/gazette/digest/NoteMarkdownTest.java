package dev.gazette.digest;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** Editor's notes are Markdown rendered safely: whatever an admin types, no markup of theirs reaches an email. */
class NoteMarkdownTest {

    private static Document html(String markdown) {
        return Jsoup.parseBodyFragment(NoteMarkdown.render(markdown).html());
    }

    @Test
    void markdownBecomesParagraphsEmphasisListsAndLinks() {
        NoteMarkdown.Rendered note = NoteMarkdown.render("""
                Dear readers, **welcome** to the _new_ Gazette.

                - Read [our guide](https://example.org/guide?a=1&b=2)
                - Write to [the desk](mailto:desk@example.org)
                """);
        Document html = Jsoup.parseBodyFragment(note.html());
        assertThat(html.select("p")).hasSize(1);
        assertThat(html.select("strong").text()).isEqualTo("welcome");
        assertThat(html.select("em").text()).isEqualTo("new");
        assertThat(html.select("li")).hasSize(2);
        assertThat(html.select("a[href=https://example.org/guide?a=1&b=2]").text()).isEqualTo("our guide");
        assertThat(html.select("a[href=mailto:desk@example.org]")).hasSize(1);
        assertThat(note.text()).contains("Dear readers, welcome to the new Gazette.", "our guide",
                "https://example.org/guide?a=1&b=2").doesNotContain("**", "](");
    }

    @Test
    void rawHtmlScriptsAndEventHandlersNeverPass() {
        Document html = html("""
                Before <script>alert(1)</script> after, <b onmouseover="alert(2)">bold</b>.

                <img src="https://example.org/x.png" onerror="alert(3)">

                <iframe src="https://evil.example.org/"></iframe>
                <div style="position:fixed">styled</div>
                """);
        assertThat(html.select("script, iframe, img, div, b, [onerror], [onmouseover], [style]")).isEmpty();
        assertThat(html.outerHtml()).doesNotContain("onerror", "onmouseover", "<script", "alert(3)");
        assertThat(html.text()).contains("Before", "after, bold.").doesNotContain("alert(1)");
    }

    @Test
    void javascriptAndDataLinksKeepTheirTextButLoseTheLink() {
        NoteMarkdown.Rendered note = NoteMarkdown.render("""
                [click me](javascript:alert(1)) and [this](JAVASCRIPT:alert(2)) and [that](data:text/html,<b>x</b>)
                and <javascript:alert(3)> and [relative](/admin) and ![pic](javascript:alert(4))
                """);
        Document html = Jsoup.parseBodyFragment(note.html());
        assertThat(html.select("a")).isEmpty();
        assertThat(html.select("img")).isEmpty();
        assertThat(html.text()).contains("click me", "this", "that", "relative");
        assertThat(note.html().toLowerCase()).doesNotContain("href=\"javascript", "data:text", "<b>");
        assertThat(note.text().toLowerCase()).doesNotContain("javascript:alert(1)", "(/admin)");
    }

    @Test
    void renderingIsStableUnderASecondSanitisingPass() {
        String once = NoteMarkdown.render("Hello *world*, see [x](https://example.org/a b) <em>raw</em>").html();
        assertThat(dev.gazette.source.HtmlSanitizer.clean(once, "")).isEqualTo(once);
    }

    @Test
    void thePlainTextIsWrappedTo72ColumnsWithListMarkersKept() {
        String longLine = "word ".repeat(40).strip();
        NoteMarkdown.Rendered note = NoteMarkdown.render(longLine + "\n\n- " + longLine + "\n- short\n\n편집자의 말입니다.");
        assertThat(note.text().lines()).allSatisfy(line -> assertThat(PlainText.width(line)).isLessThanOrEqualTo(72));
        assertThat(note.text()).contains("\n- word word").contains("\n  word").contains("- short")
                .contains("편집자의 말입니다.");
    }
}
