package dev.gazette.subscriber.csv;

import dev.gazette.subscriber.Subscriber;
import dev.gazette.subscriber.SubscriberQuery;
import dev.gazette.subscriber.SubscriberStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes subscribers in the import format, every column included (send day and hour, status), so
 * that importing an export changes nothing. Values a spreadsheet would run as a formula are guarded
 * (see {@link CsvConventions}). The caller picks the encoding of the Writer: Gazette's files are UTF-8.
 */
public final class SubscriberCsvWriter {
    private static final int PAGE = 500;

    /** Write the header and one row per subscriber; returns how many rows. The Writer is flushed, not closed. */
    public int write(Iterable<Subscriber> subscribers, Writer out) {
        try {
            CSVPrinter printer = new CSVPrinter(out, CsvConventions.FORMAT);
            printer.printRecord(header());
            int count = 0;
            for (Subscriber s : subscribers) {
                printer.printRecord(row(s));
                count++;
            }
            printer.flush();
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write subscribers: " + e.getMessage(), e);
        }
    }

    /** Write the subscribers the query matches, read page by page in id order; returns how many. */
    public int export(SubscriberStore store, SubscriberQuery query, Writer out) {
        return write(() -> new PagedIterator(store, query), out);
    }

    private static List<String> header() {
        List<String> header = new ArrayList<>();
        for (Column column : Column.values()) {
            header.add(column.header());
        }
        return header;
    }

    private static List<String> row(Subscriber s) {
        return List.of(
                CsvConventions.guarded(s.email()),
                CsvConventions.guarded(s.name()),
                String.join(String.valueOf(CsvConventions.TOPIC_SEPARATOR), s.topics()),
                FieldValues.written(s.frequency()),
                s.timeZone().getId(),
                s.locale().toLanguageTag(),
                FieldValues.written(s.sendDay()),
                String.valueOf(s.sendHour()),
                FieldValues.written(s.status()));
    }

    /** Reads the store a page at a time, so an export of many subscribers does not hold them all. */
    private static final class PagedIterator implements java.util.Iterator<Subscriber> {
        private final SubscriberStore store;
        private final SubscriberQuery query;
        private List<Subscriber> page = List.of();
        private int index;
        private int left;
        private long lastId;
        private boolean exhausted;

        PagedIterator(SubscriberStore store, SubscriberQuery query) {
            this.store = store;
            this.query = query;
            this.left = query.limit();
            this.lastId = query.afterId();
        }

        @Override
        public boolean hasNext() {
            if (index < page.size()) {
                return true;
            }
            if (exhausted || left <= 0) {
                return false;
            }
            int size = Math.min(PAGE, left);
            page = store.list(query.after(lastId, size));
            index = 0;
            exhausted = page.size() < size;
            return !page.isEmpty();
        }

        @Override
        public Subscriber next() {
            if (!hasNext()) {
                throw new java.util.NoSuchElementException();
            }
            Subscriber s = page.get(index++);
            lastId = s.id();
            left--;
            return s;
        }
    }
}
