package dev.gazette.alert.query;

import dev.gazette.GazetteException;
import dev.gazette.item.Item;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;

/**
 * A checked alert query (made by {@link AlertQueries#parse}): tells whether an item matches and which words
 * of its title and summary did. Immutable and thread-safe.
 */
public final class AlertQuery {
    private final String text;
    private final Query query;
    private final Analyzer analyzer;

    AlertQuery(String text, Query query, Analyzer analyzer) {
        this.text = text;
        this.query = query;
        this.analyzer = analyzer;
    }

    /** The query as the reader wrote it. */
    public String text() {
        return text;
    }

    /** The Lucene query (for the Monitor). */
    Query query() {
        return query;
    }

    /** Whether the item matches. */
    public boolean matches(Item item) {
        return ItemFields.memoryIndex(item, analyzer).search(query) > 0.0f;
    }

    /** The items that match, in the given order (e.g. "what would this query have found lately"). */
    public List<Item> filter(List<Item> items) {
        List<Item> matched = new ArrayList<>();
        for (Item item : items) {
            if (matches(item)) {
                matched.add(item);
            }
        }
        return List.copyOf(matched);
    }

    /**
     * The item's title and summary text split into segments, the words (and whole phrases) that made it match
     * marked. An item that does not match comes back with nothing marked.
     */
    public Highlighted highlight(Item item) {
        String title = ItemFields.orEmpty(item.title());
        String summary = ItemFields.orEmpty(item.summaryText());
        Matches matches = matchesOf(ItemFields.memoryIndex(item, analyzer));
        return new Highlighted(
                segments(title, matches, ItemFields.TITLE),
                segments(summary, matches, ItemFields.SUMMARY));
    }

    private Matches matchesOf(MemoryIndex index) {
        try {
            IndexSearcher searcher = index.createSearcher();
            Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
            LeafReaderContext leaf = searcher.getIndexReader().leaves().get(0);
            return weight.matches(leaf, 0);
        } catch (IOException e) {
            throw new GazetteException("could not highlight the alert query \"" + text + "\": " + e.getMessage(), e);
        }
    }

    private static List<TextSegment> segments(String text, Matches matches, String field) {
        if (text.isEmpty()) {
            return List.of();
        }
        boolean[] marked = new boolean[text.length()];
        if (matches != null) {
            try {
                MatchesIterator it = matches.getMatches(field);
                while (it != null && it.next()) {
                    int start = Math.max(0, it.startOffset());
                    int end = Math.min(text.length(), it.endOffset());
                    for (int i = start; i < end; i++) {
                        marked[i] = true;
                    }
                }
            } catch (IOException e) {
                throw new GazetteException("could not highlight field " + field + ": " + e.getMessage(), e);
            }
        }
        List<TextSegment> segments = new ArrayList<>();
        int from = 0;
        for (int i = 1; i <= text.length(); i++) {
            if (i == text.length() || marked[i] != marked[from]) {
                segments.add(new TextSegment(text.substring(from, i), marked[from]));
                from = i;
            }
        }
        return List.copyOf(segments);
    }

    @Override
    public String toString() {
        return text;
    }
}
