package dev.gazette.web.reader;

import dev.gazette.alert.query.QueryProblem;

/**
 * An invalid query as the alerts page shows it: the translated sentence (with the column), and the query cut at
 * the column so the page can mark the character where the problem is ({@code at}; a blank when the problem is at
 * the very end, or nothing when it has no place).
 *
 * @param messageKey the key of the sentence, {@code reader.alerts.problem.<kind>} (with a variant for some kinds)
 */
record QueryProblemView(String messageKey, int column, String detail, String before, String at, String after) {

    static QueryProblemView of(QueryProblem problem, String query) {
        String text = query == null ? "" : query;
        int column = problem.column();
        if (column <= 0) {
            return new QueryProblemView(key(problem), 0, problem.detail(), text, "", "");
        }
        int length = text.codePointCount(0, text.length());
        int start = text.offsetByCodePoints(0, Math.min(column - 1, length));
        if (column > length) {
            return new QueryProblemView(key(problem), column, problem.detail(), text, " ", "");
        }
        int end = text.offsetByCodePoints(start, 1);
        return new QueryProblemView(key(problem), column, problem.detail(), text.substring(0, start),
                text.substring(start, end), text.substring(end));
    }

    boolean hasPlace() {
        return column > 0;
    }

    private static String key(QueryProblem problem) {
        String kind = problem.kind().name().toLowerCase(java.util.Locale.ROOT);
        String variant = switch (problem.kind()) {
            case UNBALANCED_PARENTHESIS -> "(".equals(problem.detail()) ? ".open" : ".close";
            case MISSING_TERM -> "()".equals(problem.detail()) ? ".empty" : "";
            case SYNTAX -> problem.detail().isEmpty() ? ".bare" : "";
            default -> "";
        };
        return "reader.alerts.problem." + kind + variant;
    }
}
