package dev.gazette.topic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.config.TopicConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopicMatcherTest {
    private final TopicMatcher matcher = new TopicMatcher(List.of(
            new TopicConfig("infectious-disease", "Infectious disease", List.of("TB", "HIV", "measles"), List.of()),
            new TopicConfig("digital-health", "Digital health", List.of("digital health", "hospital IT"), List.of()),
            new TopicConfig("korea-biotech", "Korean biotech", List.of("South Korea", "바이오", "한국"),
                    List.of("Korean War")),
            new TopicConfig("oncology", "Oncology", List.of("lymphoma", "종양"), List.of("veterinary"))));

    @Test
    void matchesWholeWordsCaseInsensitively() {
        assertThat(matcher.match("Forced migrants face barriers to HIV and TB care", "", List.of()))
                .containsExactly("infectious-disease");
        assertThat(matcher.match("Tb screening and hiv testing", "", List.of())).containsExactly("infectious-disease");
        assertThat(matcher.match("Dates TBD for the HIVE summit", "", List.of())).isEmpty();
        assertThat(matcher.match("Remeasles", "", List.of())).isEmpty();
    }

    @Test
    void matchesPhrasesAcrossAnyWhitespaceAndInTheSummary() {
        assertThat(matcher.match("HIMSS26", "Conference on Digital\n  Health and Hospital IT", List.of()))
                .containsExactly("digital-health");
        assertThat(matcher.match("Digital healthcare", "", List.of())).isEmpty();
    }

    @Test
    void excludedWordsVetoTheTopic() {
        assertThat(matcher.match("Lymphoma in dogs", "A veterinary study", List.of())).isEmpty();
        assertThat(matcher.match("South Korea remembers the Korean War", "", List.of())).isEmpty();
        assertThat(matcher.match("Lymphoma prognosis", "", List.of())).containsExactly("oncology");
    }

    @Test
    void koreanKeywordsMatchKoreanTitlesWithParticlesAttached() {
        assertThat(matcher.match("한국 바이오산업의 동향과 클러스터", "", List.of())).containsExactly("korea-biotech");
        assertThat(matcher.match("종양 치료제 임상시험 결과", "", List.of())).containsExactly("oncology");
        assertThat(matcher.match("대한민국 경제", "", List.of())).as("a keyword must start a word").isEmpty();
    }

    @Test
    void fullWidthLettersAreNormalised() {
        assertThat(matcher.match("ＨＩＶ prevention", "", List.of())).containsExactly("infectious-disease");
    }

    @Test
    void aCategoryEqualToATopicsNameOrSlugTagsIt() {
        assertThat(matcher.match("Quarterly report", "", List.of("Digital Health"))).containsExactly("digital-health");
        assertThat(matcher.match("Quarterly report", "", List.of(" oncology "))).containsExactly("oncology");
        assertThat(matcher.match("Quarterly report", "", List.of("Health"))).isEmpty();
    }
}
