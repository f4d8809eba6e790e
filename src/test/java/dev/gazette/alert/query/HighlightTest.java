package dev.gazette.alert.query;

import static dev.gazette.alert.query.TestItems.article;
import static dev.gazette.alert.query.TestItems.event;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.item.Item;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class HighlightTest {
    private final AlertQueries queries = TestItems.queries();

    private final Item heart = article(2, "Heart failure drug cuts hospital stays",
            "A new drug reduced admissions for heart failure. Heart patients went home sooner.", "policy");
    private final Item cafe = event(4, "Café scientifique à Montréal", "Un café, des vaccins.", "Montréal");
    private final Item korean = article(5, "한국 바이오 산업, 임상시험 승인 건수 사상 최대",
            "올해 승인된 임상시험이 역대 최대를 기록했습니다. 바이오산업은 성장 중입니다.", "korea");

    private static String joined(List<TextSegment> segments) {
        return segments.stream().map(TextSegment::text).collect(Collectors.joining());
    }

    private static List<String> marked(List<TextSegment> segments) {
        return segments.stream().filter(TextSegment::matched).map(TextSegment::text).toList();
    }

    @Test
    void segmentsGiveBackTheTextAndMarkTheWords() {
        Highlighted h = queries.parse("drug hospital").highlight(heart);
        assertThat(joined(h.title())).isEqualTo(heart.title());
        assertThat(joined(h.summary())).isEqualTo(heart.summaryText());
        assertThat(marked(h.title())).containsExactly("drug", "hospital");
        assertThat(marked(h.summary())).containsExactly("drug");
    }

    @Test
    void aPhraseIsMarkedAsAWholeAndOnlyWhereItOccurs() {
        Highlighted h = queries.parse("\"heart failure\"").highlight(heart);
        assertThat(marked(h.title())).containsExactly("Heart failure");
        assertThat(marked(h.summary())).containsExactly("heart failure");
        assertThat(joined(h.summary())).isEqualTo(heart.summaryText());
    }

    @Test
    void excludedWordsAreNotMarked() {
        Highlighted g = queries.parse("(drug OR hospital) -\"heart attack\" -lung").highlight(heart);
        assertThat(marked(g.title())).containsExactly("drug", "hospital");
        assertThat(marked(g.summary())).containsExactly("drug");
        Highlighted k = queries.parse("drug -stroke").highlight(heart);
        assertThat(marked(k.title())).containsExactly("drug");
        assertThat(marked(k.summary())).containsExactly("drug");
    }

    @Test
    void accentsAndCaseKeepTheOriginalText() {
        Highlighted h = queries.parse("CAFE montreal").highlight(cafe);
        assertThat(joined(h.title())).isEqualTo(cafe.title());
        assertThat(marked(h.title())).containsExactly("Café", "Montréal");
        assertThat(marked(h.summary())).containsExactly("café");
    }

    @Test
    void koreanCompoundsAreMarkedOnTheirParts() {
        Highlighted h = queries.parse("바이오 임상시험").highlight(korean);
        assertThat(joined(h.title())).isEqualTo(korean.title());
        assertThat(joined(h.summary())).isEqualTo(korean.summaryText());
        assertThat(marked(h.title())).containsExactly("바이오", "임상시험");
        assertThat(marked(h.summary())).containsExactly("임상시험", "바이오");
    }

    @Test
    void anItemThatDoesNotMatchHasNothingMarked() {
        Highlighted h = queries.parse("vaccine").highlight(heart);
        assertThat(h.title()).containsExactly(new TextSegment(heart.title(), false));
        assertThat(h.summary()).containsExactly(new TextSegment(heart.summaryText(), false));
    }

    @Test
    void aMissingSummaryHasNoSegments() {
        Item bare = TestItems.item(9, "wire", dev.gazette.item.ItemKind.ARTICLE, "Drug news", null, null);
        Highlighted h = queries.parse("drug").highlight(bare);
        assertThat(h.summary()).isEmpty();
        assertThat(marked(h.title())).containsExactly("Drug");
    }

    @Test
    void snippetTrimsAroundTheFirstMatchOnWordBoundaries() {
        String summary = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(4)
                + "The vaccine trial reported early results. " + "Sed do eiusmod tempor incididunt. ".repeat(4);
        Item long1 = article(10, "Trial news", summary);
        Highlighted h = queries.parse("vaccine").highlight(long1);
        List<TextSegment> snippet = h.snippet(80);
        String text = joined(snippet);
        assertThat(marked(snippet)).containsExactly("vaccine");
        assertThat(text).startsWith("…").endsWith("…");
        assertThat(text.length()).isLessThanOrEqualTo(82);
        String inner = text.substring(1, text.length() - 1);
        assertThat(summary).contains(inner);
        int at = summary.indexOf(inner);
        assertThat(summary.charAt(at - 1)).isEqualTo(' ');
        assertThat(summary.charAt(at + inner.length())).isEqualTo(' ');
        assertThat(h.snippet(10_000)).isEqualTo(h.summary());
    }
}
