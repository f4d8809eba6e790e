package dev.gazette.subscriber.csv;

import java.util.List;

/**
 * What importing one subscriber file did. A file that could not be read or parsed as a whole has an
 * {@code error} and imported nothing; otherwise every good row was stored and every bad one is in
 * {@code problems}.
 *
 * @param file the file's name as given, for messages
 * @param added new addresses
 * @param updated known addresses whose details changed
 * @param unchanged known addresses, nothing to change
 * @param keptInactive known addresses that unsubscribed or bounced: skipped, and they stay so
 * @param problems the rows not imported, in file order
 * @param error why the file as a whole was not imported, or null
 */
public record ImportReport(String file, int added, int updated, int unchanged, int keptInactive,
        List<RowProblem> problems, String error) {

    public ImportReport {
        problems = List.copyOf(problems);
    }

    static ImportReport failed(String file, String error) {
        return new ImportReport(file, 0, 0, 0, 0, List.of(), error);
    }

    /** Rows not imported. */
    public int rejected() {
        return problems.size();
    }

    /** Whether the file as a whole could not be imported. */
    public boolean failed() {
        return error != null;
    }

    /** Whether everything in the file was imported (or found as it is). */
    public boolean clean() {
        return error == null && problems.isEmpty();
    }

    /** One line for people: "subscribers/sample.csv: 5 new, 0 updated, 0 unchanged, 0 skipped (unsubscribed or bounced), 0 rejected". */
    public String summary() {
        if (error != null) {
            return file + ": not imported: " + error;
        }
        return file + ": " + added + " new, " + updated + " updated, " + unchanged + " unchanged, " + keptInactive
                + " skipped (unsubscribed or bounced), " + rejected() + " rejected";
    }
}
