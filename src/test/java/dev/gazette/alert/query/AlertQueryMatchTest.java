package dev.gazette.alert.query;

import static dev.gazette.alert.query.TestItems.article;
import static dev.gazette.alert.query.TestItems.event;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.item.Item;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlertQueryMatchTest {
    private final AlertQueries queries = TestItems.queries();

    private final Item screening = article(1, "Bowel cancer screening to start at 45 under new national plan",
            "Screening will begin earlier for people at average risk.", "oncology", "policy");
    private final Item heart = article(2, "Heart failure drug cuts hospital stays",
            "A new drug reduced admissions for heart failure.", "policy");
    private final Item covid = article(3, "COVID-19 mRNA booster enters Phase 2 trial",
            "The mRNA vaccine showed a strong response.", "vaccines");
    private final Item cafe = event(4, "Café scientifique: vaccines and you", "An evening of talks.",
            "Montréal, Québec", "vaccines");
    private final Item koreanNews = article(5, "한국 바이오 산업, 임상시험 승인 건수 사상 최대",
            "올해 승인된 임상시험이 역대 최대를 기록했습니다. 항암제와 희귀질환 치료제가 가장 많았습니다.", "korea");
    private final Item symposium = event(6, "정밀의료 심포지엄 2027", "유전체 데이터와 임상 연구를 주제로 한 하루 심포지엄입니다.",
            "서울 코엑스 그랜드볼룸", "korea");
    private final Item compound = article(7, "바이오산업은 성장 중", "BioNTech의 mRNA 백신 공장이 인천에 들어섭니다.", "korea");
    private final Item cancelled = event(8, "정밀의료 심포지엄 취소", "심포지엄이 취소되었습니다.", "부산", "korea");

    private final List<Item> all = List.of(screening, heart, covid, cafe, koreanNews, symposium, compound, cancelled);

    private List<Long> matching(String query) {
        return queries.parse(query).filter(all).stream().map(Item::id).toList();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        // words: all must occur, in any field, any case
        "cancer screening | 1",
        "SCREENING | 1",
        "heart drug | 2",
        "heart screening | ''",
        // phrases
        "'\"heart failure\"' | 2",
        "'\"failure heart\"' | ''",
        // OR and grouping
        "cancer OR heart | 1,2",
        "(cancer OR heart) new | 1,2",
        "(cancer OR heart) policy | ''",
        "(cancer OR heart) hospital | 2",
        "(bowel OR booster) (trial OR plan) | 1,3",
        // exclusion
        "drug -hospital | ''",
        "new -heart | 1",
        "'screening -\"national plan\"' | ''",
        "'screening -\"plan national\"' | 1",
        "new -(heart drug) | 1",
        // filters
        "topic:policy | 1,2",
        "topic:POLICY heart | 2",
        "new -topic:oncology | 2",
        "source:events | 4,6,8",
        "kind:event vaccines | 4",
        "kind:ARTICLE vaccines | ''",
        "mrna -kind:event | 3,7",
        "Kind:event -source:wire 심포지엄 | 6,8",
        // accents and case folding, text in the location
        "cafe | 4",
        "CAFÉ montreal | 4",
        "quebec | 4",
        "Montréal | 4",
        // Latin words through nori
        "covid-19 | 3",
        "'\"COVID 19\"' | 3",
        "covid | 3",
        "mRNA | 3,7",
        "'\"phase 2\"' | 3",
        "'\"phase 3\"' | ''",
        "biontech | 7",
        // Korean
        "바이오 | 5,7",
        "임상시험 | 5",
        "'\"바이오 산업\"' | 5,7",
        "'\"산업 바이오\"' | ''",
        "정밀의료 | 6,8",
        "심포지엄 -취소 | 6",
        "코엑스 | 6",
        "산업 | 5,7",
        "희귀질환 | 5",
        // mixed Korean and Latin
        "mrna 백신 | 7",
        "바이오 OR vaccines | 4,5,7",
        "(바이오 OR cancer) topic:korea | 5,7",
    })
    void matches(String query, String expected) {
        List<Long> ids = expected.isBlank() ? List.of()
                : java.util.Arrays.stream(expected.split(",")).map(String::trim).map(Long::valueOf).toList();
        assertThat(matching(query)).as(query).isEqualTo(ids);
    }

    @Test
    void matchesOneItem() {
        AlertQuery query = queries.parse("바이오 산업");
        assertThat(query.matches(koreanNews)).isTrue();
        assertThat(query.matches(symposium)).isFalse();
        assertThat(query.text()).isEqualTo("바이오 산업");
    }

    @Test
    void itemsWithoutSummaryOrLocationStillMatchOnTitle() {
        Item bare = TestItems.item(9, "wire", dev.gazette.item.ItemKind.ARTICLE, "Vaccine news", null, null);
        assertThat(queries.parse("vaccine").matches(bare)).isTrue();
        assertThat(queries.parse("vaccine -news").matches(bare)).isFalse();
    }
}
