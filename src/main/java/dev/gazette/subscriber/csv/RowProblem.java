package dev.gazette.subscriber.csv;

/**
 * A row of a subscriber file that was not imported.
 *
 * @param line the physical line the row starts on (the header is line 1)
 * @param email the row's address as given, or "" when it has none that could be read
 * @param reason every reason, separated by "; "
 */
public record RowProblem(int line, String email, String reason) {}
