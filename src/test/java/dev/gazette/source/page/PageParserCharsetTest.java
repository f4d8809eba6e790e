package dev.gazette.source.page;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.source.FetchedDocument;
import dev.gazette.source.ParsedItem;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageParserCharsetTest {
    private static final String KOREAN_TITLE = "유전자 치료제 임상시험 결과 발표";
    private static final PageParser POSTS = Pages.articles("div.post", "h2").parser();

    private static List<String> titles(String fixture, String contentType) {
        return POSTS.parse(Pages.fixture(fixture, contentType)).stream().map(ParsedItem::title).toList();
    }

    @Test
    void decodesWindows1252FromTheMetaCharset() {
        assertThat(titles("windows-1252.html", null)).containsExactly("Café “Naïve” Résumé — 2026");
    }

    @Test
    void decodesEucKrFromTheContentTypeHeader() {
        assertThat(titles("euc-kr-no-meta.html", "text/html; charset=EUC-KR")).containsExactly(KOREAN_TITLE);
    }

    @Test
    void decodesEucKrFromAnHttpEquivMetaWhenTheHeaderNamesNoCharset() {
        assertThat(titles("euc-kr-meta.html", "text/html")).containsExactly(KOREAN_TITLE);
    }

    @Test
    void theContentTypeHeaderWinsOverTheMeta() {
        // the meta says windows-1252 but the bytes are UTF-8, as the server says
        byte[] body = "<meta charset='windows-1252'><div class='post'><h2>Grüße – 안녕</h2></div>"
                .getBytes(StandardCharsets.UTF_8);
        List<ParsedItem> items = POSTS.parse(
                new FetchedDocument(Pages.BASE, body, "text/html; charset=utf-8"));
        assertThat(items).extracting(ParsedItem::title).containsExactly("Grüße – 안녕");
    }

    @Test
    void anUnknownHeaderCharsetFallsBackToTheMeta() {
        assertThat(titles("euc-kr-meta.html", "text/html; charset=x-no-such-charset")).containsExactly(KOREAN_TITLE);
        assertThat(titles("windows-1252.html", "text/html; charset=\"bad name!\"")).containsExactly("Café “Naïve” Résumé — 2026");
    }
}
