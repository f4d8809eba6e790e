package dev.gazette.digest;

import static dev.gazette.digest.DigestSamples.LINKS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gazette.subscriber.Subscriber;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user's templates folder: its files override the bundled ones one by one; its mistakes are named. */
class EmailTemplatesTest {
    @TempDir
    Path folder;

    private RenderedDigest render(Locale locale) {
        Subscriber reader = DigestSamples.subscriber("Jane", List.of("oncology"), "Asia/Seoul", locale);
        Digest digest = DigestSamples.digest(reader, "oncology", "Oncology", List.of(DigestSamples.article(1,
                "Lymphoma study", "https://news.example.org/l", "Summary", Instant.parse("2026-02-05T10:00:00Z"),
                List.of("oncology"))), List.of());
        return new DigestRenderer(DigestSamples.config(folder), DigestSamples.topics()).render(digest, LINKS);
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(folder.resolve(name), content, StandardCharsets.UTF_8);
    }

    @Test
    void aTemplateInTheFolderReplacesTheBundledOneAndTheOthersFallBack() throws IOException {
        write("digest.txt", "[(#{digest.heading(${digest.editionLabel})})]: [(${digest.articleCount})] new, see "
                + "[(${links.unsubscribeUrl})]\n");

        RenderedDigest rendered = render(Locale.ENGLISH);

        assertThat(rendered.text()).isEqualTo("Your weekly Gazette: 1 new, see " + LINKS.unsubscribeUrl() + "\n");
        Document html = Jsoup.parse(rendered.html());
        assertThat(html.text()).contains("Your weekly Gazette", "Lymphoma study", "Unsubscribe");
    }

    @Test
    void aMessageFileInTheFolderIsReadAsUtf8AndMissingKeysComeFromTheBundledFile() throws IOException {
        write("messages_ko.properties", "# 편집한 사본\ndigest.heading={0} 소식지\n");
        write("messages.properties", "email.unsubscribe=Stop these emails\n");

        RenderedDigest korean = render(Locale.KOREAN);
        RenderedDigest english = render(Locale.ENGLISH);

        assertThat(Jsoup.parse(korean.html()).selectFirst("h1").text()).isEqualTo("주간 소식지");
        assertThat(Jsoup.parse(korean.html()).text()).contains("구독 취소");
        assertThat(korean.subject()).startsWith("[주간 Gazette]");
        assertThat(Jsoup.parse(english.html()).text()).contains("Stop these emails", "Your weekly Gazette");
    }

    @Test
    void anAddedLanguageIsUsedForTextsAndDates() throws IOException {
        write("messages_de.properties", "digest.heading=Ihre {0} Gazette\ndigest.edition.weekly=wöchentliche\n");

        RenderedDigest german = render(Locale.GERMAN);

        Document html = Jsoup.parse(german.html());
        assertThat(html.selectFirst("h1").text()).isEqualTo("Ihre wöchentliche Gazette");
        assertThat(html.text()).contains("05.02.2026");
        assertThat(html.selectFirst("html").attr("lang")).isEqualTo("de");
    }

    @Test
    void anExpressionErrorNamesTheFileAndLine() throws IOException {
        write("digest.html", "<!DOCTYPE html>\n<html xmlns:th=\"http://www.thymeleaf.org\">\n<body>\n"
                + "<p th:text=\"${digest.name\">name</p>\n</body>\n</html>\n");

        assertThatThrownBy(() -> render(Locale.ENGLISH))
                .isInstanceOf(DigestTemplateException.class)
                .hasMessageContaining(folder.resolve("digest.html").toString())
                .hasMessageContaining("line 4")
                .hasMessageContaining("${digest.name");
    }

    @Test
    void anUnknownMessageKeyNamesTheKeyAndTheFile() throws IOException {
        write("digest.html", "<!DOCTYPE html>\n<html xmlns:th=\"http://www.thymeleaf.org\">\n<body>\n"
                + "<p th:text=\"#{digest.no.such.key}\">text</p>\n</body>\n</html>\n");

        assertThatThrownBy(() -> render(Locale.ENGLISH))
                .isInstanceOf(DigestTemplateException.class)
                .hasMessageContaining(folder.resolve("digest.html").toString())
                .hasMessageContaining("line 4")
                .hasMessageContaining("unknown message key 'digest.no.such.key'");
    }

    @Test
    void aMalformedTextTemplateIsNamed() throws IOException {
        write("digest.txt", "Hello\n[# th:each=\"s : ${digest.sections}\"]\n[(${s.name})]\n");

        assertThatThrownBy(() -> render(Locale.ENGLISH))
                .isInstanceOf(DigestTemplateException.class)
                .hasMessageContaining(folder.resolve("digest.txt").toString())
                .hasMessageContaining("is never closed");
    }

    @Test
    void anErrorInTheLayoutNamesTheLayoutFile() throws IOException {
        write("layout.html", "<!DOCTYPE html>\n<html xmlns:th=\"http://www.thymeleaf.org\" "
                + "th:fragment=\"email(title, preheader, reason, content)\">\n<body>\n"
                + "<p th:text=\"${links.noSuchLink}\">x</p>\n</body>\n</html>\n");

        assertThatThrownBy(() -> render(Locale.ENGLISH))
                .isInstanceOf(DigestTemplateException.class)
                .hasMessageContaining(folder.resolve("layout.html").toString())
                .hasMessageContaining("line 4")
                .hasMessageContaining("noSuchLink");
    }

    @Test
    void aBrokenDatePatternNamesItsKeyAndFile() throws IOException {
        write("messages_ko.properties", "digest.event.day=M월 d일 b\n");

        assertThatThrownBy(() -> render(Locale.KOREAN))
                .isInstanceOf(DigestTemplateException.class)
                .hasMessageContaining(folder.resolve("messages_ko.properties").toString())
                .hasMessageContaining("digest.event.day")
                .hasMessageContaining("not a valid date pattern");
    }

    @Test
    void aMessageFileThatIsNotUtf8IsNamed() throws IOException {
        Files.write(folder.resolve("messages_ko.properties"),
                "digest.heading=\uC8FC\uAC04\n".getBytes(java.nio.charset.Charset.forName("EUC-KR")));

        assertThatThrownBy(() -> render(Locale.KOREAN))
                .isInstanceOf(DigestTemplateException.class)
                .hasMessageContaining(folder.resolve("messages_ko.properties").toString())
                .hasMessageContaining("UTF-8");
    }
}
