import dev.gazette.alert.query.AlertMonitor;
import dev.gazette.alert.query.AlertQueries;
import dev.gazette.alert.query.AlertQuery;
import dev.gazette.item.Item;
import dev.gazette.item.ItemKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * How fast new items are matched against many stored alerts: Lucene's Monitor (what Gazette runs after each
 * collection) against the reference, every alert's query tried on every item one by one (what matching without a
 * Monitor would do: AlertQuery.matches, a one-item MemoryIndex per try). Both must agree on every match.
 *
 *   bench/run AlertMatching [alerts [items]]     default 5,000 alerts, 500 items
 */
public class AlertMatching {
    private static final String[] WORDS = {"cancer", "vaccine", "trial", "gene", "editing", "heart", "failure",
        "measles", "malaria", "HIV", "TB", "lymphoma", "leukemia", "policy", "reform", "hospital", "digital",
        "screening", "approval", "regulator", "rare", "disease", "diabetes", "obesity", "antibiotic", "resistance",
        "CRISPR", "mRNA", "Phase", "study", "children", "outbreak", "insulin", "stroke", "dementia", "Alzheimer",
        "바이오", "임상시험", "백신", "항암제", "정밀의료", "심포지엄"};
    private static final String[] TOPICS = {"oncology", "cardiology", "infectious-disease", "health-policy",
        "digital-health", "korea-biotech"};

    public static void main(String[] args) {
        int alerts = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int itemCount = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        Random random = new Random(42);
        AlertQueries parser = new AlertQueries(List.of(TOPICS), 200);
        Map<Long, AlertQuery> queries = new LinkedHashMap<>();
        for (long id = 1; id <= alerts; id++) {
            queries.put(id, parser.parse(query(random)));
        }
        List<Item> items = new ArrayList<>();
        for (long id = 1; id <= itemCount; id++) {
            items.add(item(id, random));
        }
        System.out.printf("%,d alerts (words, phrases, OR, exclusions, topic filters; some Korean), %,d items of"
                + " 48 words%n",
                alerts, itemCount);

        // warm-up: each variant once on a few items
        try (AlertMonitor warm = new AlertMonitor(parser)) {
            warm.sync(queries);
            warm.match(items.subList(0, Math.min(20, items.size())));
        }
        pairwise(queries, items.subList(0, Math.min(5, items.size())));

        long t0 = System.nanoTime();
        AlertMonitor monitor = new AlertMonitor(parser);
        monitor.sync(queries);
        long registered = System.nanoTime() - t0;
        long t1 = System.nanoTime();
        Map<Long, List<Long>> byMonitor = new TreeMap<>(monitor.match(items));
        long matched = System.nanoTime() - t1;
        monitor.close();

        // the reference on a sample of the items: every query tried on every item
        List<Item> sample = items.subList(0, Math.min(50, items.size()));
        long t2 = System.nanoTime();
        Map<Long, List<Long>> byPairs = pairwise(queries, sample);
        long pairs = System.nanoTime() - t2;

        for (Item item : sample) {
            List<Long> a = byMonitor.getOrDefault(item.id(), List.of());
            List<Long> b = byPairs.getOrDefault(item.id(), List.of());
            if (!a.equals(b)) {
                throw new AssertionError("item " + item.id() + ": monitor " + a + " but pairwise " + b);
            }
        }
        long matches = byMonitor.values().stream().mapToLong(List::size).sum();
        double monitorPerItem = matched / 1e6 / items.size();
        double pairsPerItem = pairs / 1e6 / sample.size();
        System.out.printf("%-44s %10s %14s%n", "", "ms/item", "items/s");
        System.out.printf("%-44s %10.3f %14.1f%n", "reference: each query on each item (" + sample.size() + " items)",
                pairsPerItem, 1000 / pairsPerItem);
        System.out.printf("%-44s %10.3f %14.1f%n", "Monitor.match, batches of the items", monitorPerItem,
                1000 / monitorPerItem);
        System.out.printf("Monitor is %.0fx the reference; registering the %,d alerts took %,d ms;"
                + " %,d matches (%.1f per item), the same as the reference's on the sample%n",
                pairsPerItem / monitorPerItem, alerts, registered / 1_000_000, matches, (double) matches / items.size());
    }

    private static Map<Long, List<Long>> pairwise(Map<Long, AlertQuery> queries, List<Item> items) {
        Map<Long, List<Long>> found = new TreeMap<>();
        for (Item item : items) {
            for (Map.Entry<Long, AlertQuery> q : queries.entrySet()) {
                if (q.getValue().matches(item)) {
                    found.computeIfAbsent(item.id(), k -> new ArrayList<>()).add(q.getKey());
                }
            }
        }
        return found;
    }

    /**
     * A word of the benchmark's vocabulary: one of the named words one time in sixteen, else one of 5,000 made-up
     * ones, so that, as in real news, most words of an item are in no alert and most alerts miss most items.
     */
    private static String word(Random random) {
        return random.nextInt(16) == 0 ? WORDS[random.nextInt(WORDS.length)] : "term" + random.nextInt(5_000);
    }

    private static String query(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> word(random);
            case 1 -> word(random) + " " + word(random);
            case 2 -> "\"" + word(random) + " " + word(random) + "\"";
            case 3 -> word(random) + " OR " + word(random);
            case 4 -> word(random) + " -" + word(random);
            default -> "topic:" + TOPICS[random.nextInt(TOPICS.length)] + " " + word(random);
        };
    }

    private static Item item(long id, Random random) {
        StringBuilder title = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            title.append(word(random)).append(' ');
        }
        StringBuilder summary = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            summary.append(word(random)).append(i % 9 == 8 ? ". " : " ");
        }
        List<String> topics = List.of(TOPICS[random.nextInt(TOPICS.length)]);
        return new Item(id, "wire", ItemKind.ARTICLE, "g" + id, "https://example.org/" + id, title.toString().strip(),
                "", summary.toString().strip(), List.of(), Instant.EPOCH, null, null, null, false, null, null,
                Instant.EPOCH, topics);
    }
}
