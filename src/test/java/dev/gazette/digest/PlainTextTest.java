package dev.gazette.digest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainTextTest {
    private final PlainText plain = new PlainText();

    @Test
    void wrapsOnSpacesIndentingTheFollowingLines() {
        String wrapped = plain.wrap("* ", "word ".repeat(40));

        assertThat(wrapped.lines()).hasSizeGreaterThan(2).allSatisfy(line ->
                assertThat(line.length()).isLessThanOrEqualTo(PlainText.WIDTH));
        assertThat(wrapped).startsWith("* word word");
        assertThat(wrapped.lines().skip(1)).allSatisfy(line -> assertThat(line).startsWith("  word"));
    }

    @Test
    void koreanCountsTwoColumnsPerSyllable() {
        String wrapped = plain.wrap("한국 바이오 산업 임상시험 승인 건수 사상 최대 ".repeat(4));

        assertThat(wrapped.lines()).hasSizeGreaterThan(2).allSatisfy(line ->
                assertThat(PlainText.width(line)).isLessThanOrEqualTo(PlainText.WIDTH));
        assertThat(PlainText.width("한국 TB")).isEqualTo(7);
    }

    @Test
    void neverBreaksALongLink() {
        String link = "https://news.example.org/" + "a".repeat(100);

        assertThat(plain.wrap("  ", "Read " + link + " now")).isEqualTo("  Read\n  " + link + "\n  now");
    }

    @Test
    void cleaningJoinsLinesAndDropsControlCharacters() {
        assertThat(PlainText.clean("  Subject\r\nBcc: x@example.org\u0000 \t end ")).isEqualTo(
                "Subject Bcc: x@example.org end");
        assertThat(PlainText.clean(null)).isEmpty();
    }

    @Test
    void truncatesAtAWordBoundary() {
        assertThat(PlainText.truncate("short text", 280)).isEqualTo("short text");
        assertThat(PlainText.truncate("alpha beta gamma delta", 14)).isEqualTo("alpha beta…");
        assertThat(PlainText.truncate("abcdefghijklmnopqrstuvwxyz", 10)).isEqualTo("abcdefghij…");
        // never splits a surrogate pair
        assertThat(PlainText.truncate("😀😀😀😀", 2)).isEqualTo("😀😀…");
    }
}
