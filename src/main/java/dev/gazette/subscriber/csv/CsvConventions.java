package dev.gazette.subscriber.csv;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.QuoteMode;

/**
 * What reader and writer agree on: RFC 4180 CSV (comma, double quotes) with LF line ends, topics
 * separated by {@code ;} inside their field, and the spreadsheet-formula guard.
 *
 * <p>The guard: a spreadsheet runs a cell that starts with {@code = + - @} as a formula, so a
 * subscriber named {@code =HYPERLINK(...)} could attack whoever opens an export in a spreadsheet.
 * The writer therefore puts a {@code '} before any value that starts with those characters, after
 * any number of {@code '}; the reader takes one {@code '} off such a value. The two are exact
 * inverses, so an export still imports to the same subscribers.
 */
final class CsvConventions {
    static final char TOPIC_SEPARATOR = ';';

    /** Blank lines are kept as records (and skipped by the reader) so every record's line is exact. */
    static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(false)
            .setRecordSeparator("\n")
            .setQuoteMode(QuoteMode.MINIMAL)
            .get();

    private static final String FORMULA_STARTS = "=+-@";

    private CsvConventions() {}

    /** The value as written: a {@code '} before anything a spreadsheet would run as a formula. */
    static String guarded(String value) {
        return needsGuard(value, 0) ? "'" + value : value;
    }

    /** The value as meant: the writer's {@code '} before a formula character taken off again. */
    static String unguarded(String value) {
        return value.startsWith("'") && needsGuard(value, 1) ? value.substring(1) : value;
    }

    private static boolean needsGuard(String value, int from) {
        int i = from;
        while (i < value.length() && value.charAt(i) == '\'') {
            i++;
        }
        return i < value.length() && FORMULA_STARTS.indexOf(value.charAt(i)) >= 0;
    }
}
