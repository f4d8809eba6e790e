package dev.gazette.alert.query;

import static dev.gazette.alert.query.TestItems.article;
import static dev.gazette.alert.query.TestItems.event;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.item.Item;
import dev.gazette.item.ItemKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class AlertMonitorTest {
    private final AlertQueries queries = TestItems.queries();

    private final Item screening = article(1, "Bowel cancer screening to start at 45", "Earlier screening.", "oncology");
    private final Item heart = article(2, "Heart failure drug cuts hospital stays", "A new drug.", "policy");
    private final Item korean = article(3, "한국 바이오 산업, 임상시험 승인 건수 사상 최대", "임상시험이 역대 최대.", "korea");
    private final Item symposium = event(4, "정밀의료 심포지엄 2027", "하루 심포지엄입니다.", "서울 코엑스", "korea");

    @Test
    void syncAddsChangesAndRemoves() {
        try (AlertMonitor monitor = new AlertMonitor(queries)) {
            assertThat(monitor.match(List.of(screening))).isEmpty();
            monitor.sync(Map.of(10L, queries.parse("cancer"), 11L, queries.parse("바이오"), 12L, queries.parse("drug")));
            assertThat(monitor.size()).isEqualTo(3);
            assertThat(monitor.match(List.of(screening, heart, korean, symposium)))
                    .isEqualTo(Map.of(1L, List.of(10L), 2L, List.of(12L), 3L, List.of(11L)));

            monitor.sync(Map.of(10L, queries.parse("cancer"), 11L, queries.parse("심포지엄 OR 바이오")));
            assertThat(monitor.size()).isEqualTo(2);
            assertThat(monitor.match(List.of(screening, heart, korean, symposium)))
                    .isEqualTo(Map.of(1L, List.of(10L), 3L, List.of(11L), 4L, List.of(11L)));

            monitor.sync(Map.of(13L, queries.parse("topic:korea -kind:event"), 14L, queries.parse("임상시험")));
            assertThat(monitor.size()).isEqualTo(2);
            assertThat(monitor.match(List.of(screening, heart, korean, symposium)))
                    .isEqualTo(Map.of(3L, List.of(13L, 14L)));

            monitor.sync(Map.of());
            assertThat(monitor.size()).isZero();
            assertThat(monitor.match(List.of(screening, heart, korean, symposium))).isEmpty();
        }
    }

    @Test
    void sameResultsAsMatchingEachPair() {
        Random random = new Random(20261110L);
        String[] words = {"cancer", "screening", "vaccine", "heart", "drug", "trial", "phase", "바이오", "임상시험",
            "심포지엄", "산업", "montreal", "café", "mrna", "covid-19", "hospital", "policy", "서울"};
        String[] sources = {"wire", "events", "journal"};
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String title = sentence(random, words, 3 + random.nextInt(5));
            String summary = sentence(random, words, 5 + random.nextInt(10));
            ItemKind kind = random.nextBoolean() ? ItemKind.ARTICLE : ItemKind.EVENT;
            String location = kind == ItemKind.EVENT ? "Montréal" : null;
            String topic = TestItems.TOPICS.get(random.nextInt(TestItems.TOPICS.size()));
            items.add(TestItems.item(1000 + i, sources[random.nextInt(3)], kind, title, summary, location, topic));
        }
        Map<Long, AlertQuery> alerts = new HashMap<>();
        for (long id = 0; id < 200; id++) {
            alerts.put(id, queries.parse(randomQuery(random, words, sources)));
        }
        Map<Long, List<Long>> expected = new TreeMap<>();
        for (Item item : items) {
            List<Long> ids = new ArrayList<>();
            alerts.forEach((id, query) -> {
                if (query.matches(item)) {
                    ids.add(id);
                }
            });
            if (!ids.isEmpty()) {
                ids.sort(null);
                expected.put(item.id(), ids);
            }
        }
        try (AlertMonitor monitor = new AlertMonitor(queries)) {
            monitor.sync(alerts);
            Map<Long, List<Long>> actual = monitor.match(items);
            assertThat(expected.values().stream().mapToInt(List::size).sum()).as("a meaningful mix").isBetween(200, 15_000);
            assertThat(actual).isEqualTo(expected);
        }
    }

    private static String sentence(Random random, String[] words, int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append(i == 0 ? "" : " ").append(words[random.nextInt(words.length)]);
        }
        return sb.toString();
    }

    private static String randomQuery(Random random, String[] words, String[] sources) {
        String a = words[random.nextInt(words.length)];
        String b = words[random.nextInt(words.length)];
        String c = words[random.nextInt(words.length)];
        return switch (random.nextInt(8)) {
            case 0 -> a;
            case 1 -> a + " " + b;
            case 2 -> "\"" + a + " " + b + "\"";
            case 3 -> a + " OR " + b;
            case 4 -> "(" + a + " OR " + b + ") -" + c;
            case 5 -> a + " topic:" + TestItems.TOPICS.get(random.nextInt(TestItems.TOPICS.size()));
            case 6 -> a + " -kind:" + (random.nextBoolean() ? "event" : "article") + " -source:"
                    + sources[random.nextInt(sources.length)];
            default -> "(" + a + " OR \"" + b + " " + c + "\") kind:event";
        };
    }
}
