package dev.gazette.alert.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.gazette.alert.query.QueryProblem.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AlertQueriesValidationTest {
    private final AlertQueries queries = TestItems.queries();

    private QueryProblem problemOf(String text) {
        InvalidQueryException e = catchThrowableOfType(() -> queries.parse(text), InvalidQueryException.class);
        assertThat(e).as("expected %s to be refused", text).isNotNull();
        assertThat(e.getMessage()).isEqualTo(e.problem().message())
                .doesNotContain("Cannot parse", "Encountered", "<EOF>", "Was expecting");
        return e.problem();
    }

    @ParameterizedTest(name = "{0} -> {1} at {2} ({3})")
    @CsvSource(delimiter = '|', value = {
        "'cancer \"phase 2'        | UNCLOSED_QUOTE         | 8  | '\"'",
        "'\"heart'                 | UNCLOSED_QUOTE         | 1  | '\"'",
        "(cancer OR                | UNBALANCED_PARENTHESIS | 1  | (",
        "cancer OR (heart          | UNBALANCED_PARENTHESIS | 11 | (",
        "cancer)                   | UNBALANCED_PARENTHESIS | 7  | )",
        "cancer ()                 | MISSING_TERM           | 8  | ()",
        "cancer OR                 | MISSING_TERM           | 8  | OR",
        "OR cancer                 | MISSING_TERM           | 1  | OR",
        "cancer OR OR heart        | MISSING_TERM           | 8  | OR",
        "(cancer OR) heart         | MISSING_TERM           | 9  | OR",
        "cancer -                  | MISSING_TERM           | 8  | -",
        "cancer AND                | MISSING_TERM           | 8  | AND",
        "cancer topic:             | MISSING_TERM           | 8  | topic:",
        "author:smith              | UNKNOWN_FILTER         | 1  | author",
        "cancer -author:smith      | UNKNOWN_FILTER         | 9  | author",
        "topic:nope                | UNKNOWN_TOPIC          | 7  | nope",
        "cancer -topic:nope        | UNKNOWN_TOPIC          | 15 | nope",
        "kind:podcast              | UNKNOWN_KIND           | 6  | podcast",
        "canc*                     | UNSUPPORTED            | 5  | *",
        "c?ncer                    | UNSUPPORTED            | 2  | ?",
        "cancer~                   | UNSUPPORTED            | 7  | ~",
        "'\"heart failure\"~2'     | UNSUPPORTED            | 16 | ~",
        "cancer^2                  | UNSUPPORTED            | 7  | ^",
        "/canc.r/                  | UNSUPPORTED            | 1  | /",
        "date:[2020 TO 2021]       | UNSUPPORTED            | 6  | [",
        "'{a TO b}'                | UNSUPPORTED            | 1  | '{'",
        "-cancer                   | NOTHING_TO_FIND        | 0  | ''",
        "-cancer -topic:oncology   | NOTHING_TO_FIND        | 0  | ''",
        "cancer (-heart)           | NOTHING_TO_FIND        | 0  | ''",
        "'\"--\"'                  | NOTHING_TO_FIND        | 0  | ''",
        "cancer OR heart screening | OR_NEEDS_PARENTHESES   | 8  | OR",
        "cancer OR heart topic:policy | OR_NEEDS_PARENTHESES | 8 | OR",
        // positions count characters, not UTF-16 units: the emoji is one column
        "'🎉 바이오 \"임상'           | UNCLOSED_QUOTE         | 7  | '\"'",
        "'🎉 canc*'                | UNSUPPORTED            | 7  | *",
        "'🎉 cancer !'             | MISSING_TERM           | 10 | !",
    })
    void refused(String text, Kind kind, int column, String detail) {
        QueryProblem problem = problemOf(text);
        assertThat(problem).isEqualTo(new QueryProblem(kind, column, detail));
    }

    @Test
    void messagesAreSentencesWithTheColumn() {
        assertThat(problemOf("cancer \"phase 2").message()).isEqualTo("column 8: the quote opened here is never closed");
        assertThat(problemOf("author:smith").message())
                .startsWith("column 1: \"author:\" is not a filter")
                .contains("topic:", "source:", "kind:");
        assertThat(problemOf("topic:nope").message()).isEqualTo("column 7: there is no topic \"nope\"");
        assertThat(problemOf("canc*").message()).startsWith("column 5: the character * is not supported");
        assertThat(problemOf("-cancer").message()).doesNotStartWith("column");
        assertThat(problemOf("cancer OR").message()).isEqualTo("column 8: OR needs a word, phrase or group to apply to");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t\n"})
    void blankIsEmpty(String text) {
        assertThat(problemOf(text)).isEqualTo(new QueryProblem(Kind.EMPTY, 0, ""));
        assertThatThrownBy(() -> queries.parse(null)).isInstanceOf(InvalidQueryException.class);
    }

    @Test
    void lengthIsCountedInCharactersNotUtf16Units() {
        AlertQueries short10 = new AlertQueries(TestItems.TOPICS, 10);
        String tenEmoji = "🎉".repeat(9) + "a";
        assertThat(tenEmoji.length()).isEqualTo(19);
        assertThat(short10.parse(tenEmoji).text()).isEqualTo(tenEmoji);
        assertThat(short10.parse("바이오 임상시험 약").text()).hasSize(10);
        InvalidQueryException e = catchThrowableOfType(() -> short10.parse("바이오 임상시험 승인"),
                InvalidQueryException.class);
        assertThat(e.problem()).isEqualTo(new QueryProblem(Kind.TOO_LONG, 0, "10"));
        assertThat(e.getMessage()).isEqualTo("the query is longer than the limit of 10 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "cancer", "\"heart failure\"", "cancer OR heart", "(cancer OR heart) screening", "cancer -heart",
        "cancer -\"heart failure\"", "topic:oncology", "Topic:Oncology cancer", "kind:event", "source:wire",
        "-topic:policy cancer", "cancer -(heart OR lung)", "+cancer", "cancer NOT heart", "바이오 OR vaccine",
        "covid-19", "10 mg", "Yahoo! news", "a OR b -c", "\"canc*\"", "topic:\"korea\""})
    void accepted(String text) {
        assertThat(queries.parse(text).text()).isEqualTo(text);
    }

    @Test
    void topicSlugsAreThoseConfigured() {
        assertThat(queries.topicSlugs()).containsExactlyInAnyOrderElementsOf(TestItems.TOPICS);
        AlertQueries other = new AlertQueries(List.of("Cardiology"), 200);
        assertThat(other.parse("topic:cardiology").text()).isEqualTo("topic:cardiology");
        assertThat(catchThrowableOfType(() -> other.parse("topic:oncology"), InvalidQueryException.class).problem()
                .kind()).isEqualTo(Kind.UNKNOWN_TOPIC);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cancer !!heart", "source:a:b", "heart && && lung"})
    void luceneParserErrorsBecomeFriendlyWithAColumn(String text) {
        QueryProblem problem = problemOf(text);
        assertThat(problem.kind()).isIn(Kind.SYNTAX, Kind.MISSING_TERM);
        assertThat(problem.column()).isBetween(1, text.length() + 1);
        assertThat(problem.message()).startsWith("column " + problem.column() + ": ");
    }
}
