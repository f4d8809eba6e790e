package dev.gazette.alert.query;

import dev.gazette.item.Item;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.memory.MemoryIndex;

/**
 * How an item becomes Lucene fields: one {@link Document} used both by the Monitor and (through
 * {@link MemoryIndex#fromDocument}) for matching and highlighting a single item.
 */
final class ItemFields {
    static final String TITLE = "title";
    static final String SUMMARY = "summary";
    static final String LOCATION = "location";
    static final String TOPIC = "topic";
    static final String SOURCE = "source";
    static final String KIND = "kind";

    /** The fields words and phrases are looked for in. */
    static final List<String> TEXT_FIELDS = List.of(TITLE, SUMMARY, LOCATION);
    /** The filter fields, as written in queries. */
    static final List<String> FILTER_FIELDS = List.of(TOPIC, SOURCE, KIND);

    private ItemFields() {
    }

    static Document document(Item item) {
        Document doc = new Document();
        doc.add(new TextField(TITLE, orEmpty(item.title()), Field.Store.NO));
        doc.add(new TextField(SUMMARY, orEmpty(item.summaryText()), Field.Store.NO));
        doc.add(new TextField(LOCATION, orEmpty(item.location()), Field.Store.NO));
        for (String topic : item.topics()) {
            doc.add(new StringField(TOPIC, keyword(topic), Field.Store.NO));
        }
        if (item.sourceId() != null) {
            doc.add(new StringField(SOURCE, keyword(item.sourceId()), Field.Store.NO));
        }
        if (item.kind() != null) {
            doc.add(new StringField(KIND, keyword(item.kind().name()), Field.Store.NO));
        }
        return doc;
    }

    /** A one-document index of the item, with offsets (for highlighting). */
    static MemoryIndex memoryIndex(Item item, Analyzer analyzer) {
        return MemoryIndex.fromDocument(document(item), analyzer, true, false);
    }

    static String keyword(String value) {
        return value.toLowerCase(Locale.ROOT);
    }

    static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
