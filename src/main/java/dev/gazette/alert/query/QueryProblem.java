package dev.gazette.alert.query;

import java.util.Objects;

/**
 * What is wrong with an alert query, and where: the web layer translates it by {@link #kind()}, with
 * {@link #column()} and {@link #detail()} as arguments; {@link #message()} is the English sentence.
 *
 * @param kind the sort of problem
 * @param column the 1-based column (in characters as the reader sees them, i.e. code points) where it is;
 *     0 when the problem is not tied to a place
 * @param detail the offending word, field, character or slug, or the limit; "" when there is none
 */
public record QueryProblem(Kind kind, int column, String detail) {

    /** The sorts of problem a query can have. */
    public enum Kind {
        /** Nothing but blanks. */
        EMPTY,
        /** More characters than allowed; detail is the limit. */
        TOO_LONG,
        /** A quote opened at column and never closed. */
        UNCLOSED_QUOTE,
        /** A parenthesis opened and never closed, or closed without being opened; detail is "(" or ")". */
        UNBALANCED_PARENTHESIS,
        /** An operator (OR, AND, NOT, -, +, a filter without value, empty parentheses) with nothing to apply to. */
        MISSING_TERM,
        /** A word:value whose field is not topic, source or kind; detail is the field. */
        UNKNOWN_FILTER,
        /** topic: names no configured topic; detail is the slug. */
        UNKNOWN_TOPIC,
        /** kind: is neither article nor event; detail is the value. */
        UNKNOWN_KIND,
        /** Wildcards, fuzzy, regular expressions, ranges or boosts; detail is the character. */
        UNSUPPORTED,
        /** Only exclusions, or words that carry nothing to search for. */
        NOTHING_TO_FIND,
        /** OR mixed with other words or filters in one group without parentheses: "a OR b c". */
        OR_NEEDS_PARENTHESES,
        /** Any other syntax error; detail is the text found there. */
        SYNTAX
    }

    public QueryProblem {
        Objects.requireNonNull(kind, "kind");
        detail = detail == null ? "" : detail;
    }

    /** The English sentence, prefixed with "column N: " when the problem has a place. */
    public String message() {
        String sentence = switch (kind) {
            case EMPTY -> "the query is empty: type at least one word to look for";
            case TOO_LONG -> "the query is longer than the limit of " + detail + " characters";
            case UNCLOSED_QUOTE -> "the quote opened here is never closed";
            case UNBALANCED_PARENTHESIS -> "(".equals(detail)
                    ? "the parenthesis opened here is never closed"
                    : "this closing parenthesis has no opening one";
            case MISSING_TERM -> "()".equals(detail)
                    ? "these parentheses are empty"
                    : detail + " needs a word, phrase or group to apply to";
            case UNKNOWN_FILTER -> "\"" + detail + ":\" is not a filter; the filters are topic:, source: and kind:"
                    + " (put text with a colon in quotes to search for it)";
            case UNKNOWN_TOPIC -> "there is no topic \"" + detail + "\"";
            case UNKNOWN_KIND -> "kind: must be article or event, not \"" + detail + "\"";
            case UNSUPPORTED -> "the character " + detail + " is not supported: alerts match whole words and phrases,"
                    + " without wildcards, fuzzy matching, regular expressions, ranges or boosts";
            case NOTHING_TO_FIND -> "the query only excludes things; add a word, phrase or filter to look for";
            case OR_NEEDS_PARENTHESES -> "put the alternatives joined by OR in parentheses, as in"
                    + " (cancer OR tumour) screening";
            case SYNTAX -> detail.isEmpty()
                    ? "the query cannot be read here"
                    : "the query cannot be read here (at \"" + detail + "\")";
        };
        return column > 0 ? "column " + column + ": " + sentence : sentence;
    }
}
