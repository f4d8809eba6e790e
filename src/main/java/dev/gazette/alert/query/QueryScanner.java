package dev.gazette.alert.query;

import dev.gazette.alert.query.QueryProblem.Kind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a query before Lucene's parser does, only to report mistakes with a friendly message and the column
 * (in code points) where they are. It does not build queries: parsing is Lucene's classic QueryParser's job.
 */
final class QueryScanner {
    private static final String UNSUPPORTED = "*?~^/[]{}\\";
    private static final Set<String> BINARY = Set.of("OR", "AND", "||", "&&");
    private static final Set<String> PREFIX = Set.of("NOT", "!", "-", "+");

    private final int[] cps;
    private final Set<String> topics;
    /** Columns of the OR operators, in order. */
    private final List<Integer> orColumns = new ArrayList<>();

    private QueryScanner(String text, Set<String> topics) {
        this.cps = text.codePoints().toArray();
        this.topics = topics;
    }

    /** Checks the text; returns the columns of its OR operators (for later messages). */
    static List<Integer> scan(String text, Set<String> topics) {
        QueryScanner scanner = new QueryScanner(text, topics);
        scanner.checkCharacters();
        scanner.checkWords();
        return List.copyOf(scanner.orColumns);
    }

    /** Quotes, parentheses and unsupported characters (outside quotes). */
    private void checkCharacters() {
        Deque<Integer> open = new ArrayDeque<>();
        int quoteAt = -1;
        for (int i = 0; i < cps.length; i++) {
            int c = cps[i];
            if (quoteAt >= 0) {
                if (c == '"') {
                    quoteAt = -1;
                }
                continue;
            }
            if (c == '"') {
                quoteAt = i;
            } else if (c == '(') {
                open.push(i);
            } else if (c == ')') {
                if (open.isEmpty()) {
                    throw new InvalidQueryException(Kind.UNBALANCED_PARENTHESIS, i + 1, ")");
                }
                int from = open.pop();
                if (blank(from + 1, i)) {
                    throw new InvalidQueryException(Kind.MISSING_TERM, from + 1, "()");
                }
            } else if (c < 128 && UNSUPPORTED.indexOf(c) >= 0) {
                throw new InvalidQueryException(Kind.UNSUPPORTED, i + 1, Character.toString(c));
            }
        }
        if (quoteAt >= 0) {
            throw new InvalidQueryException(Kind.UNCLOSED_QUOTE, quoteAt + 1, "\"");
        }
        if (!open.isEmpty()) {
            throw new InvalidQueryException(Kind.UNBALANCED_PARENTHESIS, open.peek() + 1, "(");
        }
    }

    /** Operators with nothing to apply to, and filters. */
    private void checkWords() {
        List<Word> words = words();
        for (int w = 0; w < words.size(); w++) {
            Word word = words.get(w);
            Word before = w > 0 ? words.get(w - 1) : null;
            Word after = w + 1 < words.size() ? words.get(w + 1) : null;
            if (BINARY.contains(word.text)) {
                if ("OR".equals(word.text) || "||".equals(word.text)) {
                    orColumns.add(word.start + 1);
                }
                if (!endsOperand(before) || !startsOperand(after)) {
                    throw new InvalidQueryException(Kind.MISSING_TERM, word.start + 1, word.text);
                }
            } else if (PREFIX.contains(word.text)) {
                if (!startsOperand(after)) {
                    throw new InvalidQueryException(Kind.MISSING_TERM, word.start + 1, word.text);
                }
            } else if (!word.isParenthesis()) {
                checkFilter(word);
            }
        }
    }

    private static boolean endsOperand(Word w) {
        return w != null && !"(".equals(w.text) && !BINARY.contains(w.text) && !PREFIX.contains(w.text);
    }

    private static boolean startsOperand(Word w) {
        return w != null && !")".equals(w.text) && !BINARY.contains(w.text);
    }

    private void checkFilter(Word word) {
        String text = word.text;
        int lead = 0;
        while (lead < text.length() && (text.charAt(lead) == '-' || text.charAt(lead) == '+' || text.charAt(lead) == '!')) {
            lead++;
        }
        if (lead == text.length()) {
            throw new InvalidQueryException(Kind.MISSING_TERM, word.start + 1, text);
        }
        if (text.charAt(lead) == '"') {
            return;
        }
        int colon = colonOutsideQuotes(text, lead);
        if (colon < 0) {
            return;
        }
        String field = text.substring(lead, colon);
        int fieldColumn = word.start + text.codePointCount(0, lead) + 1;
        int valueColumn = word.start + text.codePointCount(0, colon + 1) + 1;
        String value = unquote(text.substring(colon + 1));
        String name = field.toLowerCase(Locale.ROOT);
        if (!ItemFields.FILTER_FIELDS.contains(name)) {
            throw new InvalidQueryException(Kind.UNKNOWN_FILTER, fieldColumn, field);
        }
        if (value.isBlank()) {
            throw new InvalidQueryException(Kind.MISSING_TERM, fieldColumn, field + ":");
        }
        if (ItemFields.TOPIC.equals(name) && !topics.contains(ItemFields.keyword(value))) {
            throw new InvalidQueryException(Kind.UNKNOWN_TOPIC, valueColumn, value);
        }
        if (ItemFields.KIND.equals(name) && !Set.of("article", "event").contains(ItemFields.keyword(value))) {
            throw new InvalidQueryException(Kind.UNKNOWN_KIND, valueColumn, value);
        }
    }

    private static int colonOutsideQuotes(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                return -1;
            }
            if (c == ':') {
                return i;
            }
        }
        return -1;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    /** Splits on blanks and parentheses outside quotes; parentheses are words of their own. */
    private List<Word> words() {
        List<Word> words = new ArrayList<>();
        int start = -1;
        boolean quoted = false;
        for (int i = 0; i <= cps.length; i++) {
            int c = i < cps.length ? cps[i] : ' ';
            if (quoted) {
                if (c == '"') {
                    quoted = false;
                }
                continue;
            }
            boolean separator = Character.isWhitespace(c) || c == '(' || c == ')';
            if (separator) {
                if (start >= 0) {
                    words.add(new Word(new String(cps, start, i - start), start));
                    start = -1;
                }
                if (c == '(' || c == ')') {
                    words.add(new Word(Character.toString(c), i));
                }
            } else {
                if (start < 0) {
                    start = i;
                }
                if (c == '"') {
                    quoted = true;
                }
            }
        }
        return words;
    }

    private boolean blank(int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(cps[i])) {
                return false;
            }
        }
        return true;
    }

    /** A word and the code point index it starts at. */
    private record Word(String text, int start) {
        boolean isParenthesis() {
            return "(".equals(text) || ")".equals(text);
        }
    }
}
