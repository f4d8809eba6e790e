package dev.gazette.alert.query;

import dev.gazette.alert.query.QueryProblem.Kind;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.queryparser.classic.Token;
import org.apache.lucene.queryparser.classic.TokenMgrError;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Turns the text of an alert into an {@link AlertQuery}, or explains why it cannot.
 *
 * <p>The syntax (Google-Alerts-like): words (all must occur), {@code "exact phrases"}, {@code OR} between
 * words or groups, {@code -word} and {@code -"phrase"} to exclude, {@code ( )} to group, and the filters
 * {@code topic:<slug>}, {@code source:<source-id>}, {@code kind:article|event} ({@code -topic:x} excludes).
 * Words are looked for in the title, summary and location, ignoring case and accents; Korean compounds match
 * their parts. Parsing is Lucene's classic query parser; anything it would accept beyond this syntax
 * (wildcards, fuzzy, regular expressions, ranges, boosts) is refused. Thread-safe.
 */
public final class AlertQueries {
    private static final Pattern LUCENE_COLUMN = Pattern.compile("column (\\d+)");

    private final Set<String> topicSlugs;
    private final int maxQueryLength;
    private final Analyzer analyzer;

    /**
     * @param topicSlugs the slugs {@code topic:} accepts
     * @param maxQueryLength the most characters (code points) a query may have
     */
    public AlertQueries(Collection<String> topicSlugs, int maxQueryLength) {
        this.topicSlugs = topicSlugs.stream().map(ItemFields::keyword).collect(Collectors.toUnmodifiableSet());
        this.maxQueryLength = maxQueryLength;
        this.analyzer = AlertAnalyzer.create();
    }

    /** The slugs {@code topic:} accepts, lower case. */
    public Set<String> topicSlugs() {
        return topicSlugs;
    }

    /**
     * Parses and checks a query.
     *
     * @throws InvalidQueryException with the problem and its column
     */
    public AlertQuery parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidQueryException(Kind.EMPTY, 0, "");
        }
        if (text.codePointCount(0, text.length()) > maxQueryLength) {
            throw new InvalidQueryException(Kind.TOO_LONG, 0, Integer.toString(maxQueryLength));
        }
        List<Integer> orColumns = QueryScanner.scan(text, topicSlugs);
        Query query = luceneParse(text);
        checkShape(query, orColumns);
        return new AlertQuery(text, query, analyzer);
    }

    /** The analyzer queries and items share (for the Monitor). */
    Analyzer analyzer() {
        return analyzer;
    }

    private Query luceneParse(String text) {
        QueryParser parser = new FieldLowerCasingParser(analyzer);
        parser.setDefaultOperator(QueryParser.Operator.AND);
        parser.setSplitOnWhitespace(true); // Lucene refuses phrase generation otherwise
        parser.setAutoGeneratePhraseQueries(true);
        parser.setAllowLeadingWildcard(false);
        try {
            return parser.parse(text);
        } catch (ParseException e) {
            throw syntaxError(text, e);
        } catch (IndexSearcher.TooManyClauses e) {
            throw new InvalidQueryException(Kind.TOO_LONG, 0, Integer.toString(maxQueryLength));
        }
    }

    private static InvalidQueryException syntaxError(String text, ParseException wrapped) {
        Throwable cause = wrapped.getCause() != null ? wrapped.getCause() : wrapped;
        if (cause instanceof ParseException pe && pe.currentToken != null && pe.currentToken.next != null) {
            Token next = pe.currentToken.next;
            int column = codePointColumn(text, next.beginColumn);
            if (next.kind == 0) {
                return new InvalidQueryException(Kind.MISSING_TERM, column, pe.currentToken.image);
            }
            return new InvalidQueryException(Kind.SYNTAX, column, next.image);
        }
        if (cause instanceof TokenMgrError) {
            Matcher m = LUCENE_COLUMN.matcher(cause.getMessage());
            int column = m.find() ? codePointColumn(text, Integer.parseInt(m.group(1))) : 0;
            return new InvalidQueryException(Kind.SYNTAX, column, "");
        }
        return new InvalidQueryException(Kind.SYNTAX, 0, "");
    }

    /** Lucene's columns count UTF-16 chars, 1-based; readers count characters. */
    private static int codePointColumn(String text, int charColumn) {
        int index = Math.max(0, Math.min(text.length(), charColumn - 1));
        return text.codePointCount(0, index) + 1;
    }

    /** Only boolean, term and phrase queries; something positive in each group; OR not mixed with AND. */
    private static void checkShape(Query query, List<Integer> orColumns) {
        if (query instanceof BooleanQuery bq) {
            if (bq.clauses().isEmpty()) {
                throw new InvalidQueryException(Kind.NOTHING_TO_FIND, 0, "");
            }
            boolean positive = false;
            boolean should = false;
            boolean required = false;
            for (BooleanClause clause : bq.clauses()) {
                switch (clause.getOccur()) {
                    case SHOULD -> {
                        should = true;
                        positive = true;
                    }
                    case MUST, FILTER -> {
                        required = true;
                        positive = true;
                    }
                    case MUST_NOT -> { }
                }
                checkShape(clause.getQuery(), orColumns);
            }
            if (!positive) {
                throw new InvalidQueryException(Kind.NOTHING_TO_FIND, 0, "");
            }
            if (should && required) {
                throw new InvalidQueryException(Kind.OR_NEEDS_PARENTHESES, orColumns.isEmpty() ? 0 : orColumns.get(0),
                        "OR");
            }
        } else if (!(query instanceof TermQuery) && !(query instanceof PhraseQuery)) {
            throw new InvalidQueryException(Kind.UNSUPPORTED, 0, query.getClass().getSimpleName());
        }
    }

    /**
     * The classic multi-field parser over title, summary and location, with field names of filters read in
     * lower case ({@code Topic:x} is {@code topic:x}).
     */
    private static final class FieldLowerCasingParser extends MultiFieldQueryParser {
        FieldLowerCasingParser(Analyzer analyzer) {
            super(ItemFields.TEXT_FIELDS.toArray(String[]::new), analyzer);
        }

        @Override
        protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
            return super.getFieldQuery(lower(field), queryText, quoted);
        }

        @Override
        protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
            return super.getFieldQuery(lower(field), queryText, slop);
        }

        private static String lower(String field) {
            return field == null ? null : field.toLowerCase(Locale.ROOT);
        }
    }
}
