package dev.gazette.subscriber.csv;

import dev.gazette.GazetteException;
import dev.gazette.config.TopicConfig;
import dev.gazette.subscriber.EmailAddresses;
import dev.gazette.subscriber.SubscriberStore;
import dev.gazette.subscriber.UpsertOutcome;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports subscriber CSV files (the format is in {@code subscribers/README.md}). A file is read and
 * checked as a whole first: a file-level problem (not UTF-8, a bad header, broken CSV) imports
 * nothing. Then each good row is stored in its own transaction, and each bad row is reported with
 * its line and reason and skipped. Storing a row is idempotent, so a run that stopped half-way is
 * completed by running it again, and running a file twice changes nothing the second time.
 */
public final class SubscriberImporter {
    private static final Logger log = LoggerFactory.getLogger(SubscriberImporter.class);

    private final SubscriberStore store;
    private final List<String> topicSlugs;

    /** @param topics the configured topics: a row may name only these */
    public SubscriberImporter(SubscriberStore store, List<TopicConfig> topics) {
        this.store = store;
        this.topicSlugs = topics.stream().map(TopicConfig::slug).toList();
    }

    /** Import one file; a file that cannot be read gives a report with an error naming it. */
    public ImportReport importFile(Path file) {
        return importFile(file, ImportMode.UPDATE);
    }

    private ImportReport importFile(Path file, ImportMode mode) {
        String name = file.toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return ImportReport.failed(name, "no such file");
        } catch (AccessDeniedException e) {
            return ImportReport.failed(name, "cannot be read: permission denied");
        } catch (IOException e) {
            return ImportReport.failed(name, "cannot be read: " + e.getMessage());
        }
        try {
            return importText(CsvText.decode(bytes), name, mode);
        } catch (CsvFileException e) {
            return ImportReport.failed(name, e.getMessage());
        }
    }

    /** Import text already decoded (a leading byte order mark is ignored); {@code name} is for messages. */
    public ImportReport importReader(Reader reader, String name) {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        try {
            for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
                text.append(buffer, 0, n);
            }
        } catch (IOException e) {
            return ImportReport.failed(name, "cannot be read: " + e.getMessage());
        }
        return importText(CsvText.of(text.toString()), name, ImportMode.UPDATE);
    }

    /**
     * Import every {@code *.csv} file in the folder, in name order (files whose names start with a
     * dot are left out). A missing folder imports nothing and says so.
     *
     * @throws GazetteException when the folder exists but cannot be listed
     */
    public DirectoryImport importDirectory(Path directory) {
        return importDirectory(directory, ImportMode.UPDATE);
    }

    /**
     * Import every {@code *.csv} file in the folder as {@link #importDirectory(Path)} does, known addresses handled
     * as {@code mode} says.
     */
    public DirectoryImport importDirectory(Path directory, ImportMode mode) {
        if (!Files.isDirectory(directory)) {
            log.info("No subscriber folder {}: no subscribers imported", directory);
            return new DirectoryImport(directory, false, List.of());
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
                    .sorted()
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw new GazetteException("cannot list the subscriber folder " + directory + ": " + e.getMessage(), e);
        }
        List<ImportReport> reports = new ArrayList<>();
        for (Path file : files) {
            ImportReport report = importFile(file, mode);
            log.info("Subscribers: {}", report.summary());
            report.problems().forEach(p -> log.warn("{}:{}: {}", report.file(), p.line(), p.reason()));
            reports.add(report);
        }
        return new DirectoryImport(directory, true, reports);
    }

    private ImportReport importText(CsvText text, String name, ImportMode mode) {
        List<RowReader.Result> rows;
        try {
            rows = read(text);
        } catch (CsvFileException e) {
            return ImportReport.failed(name, e.getMessage());
        }
        Map<UpsertOutcome, Integer> counts = new EnumMap<>(UpsertOutcome.class);
        List<RowProblem> problems = new ArrayList<>();
        for (RowReader.Result row : rows) {
            if (row.good() == null) {
                problems.add(new RowProblem(row.line(), row.email(), String.join("; ", row.problems())));
            } else {
                UpsertOutcome outcome = mode == ImportMode.ADD_NEW
                        ? store.addIfNew(row.good().draft(), row.good().status())
                        : store.upsert(row.good().draft(), row.good().status());
                counts.merge(outcome, 1, Integer::sum);
            }
        }
        return new ImportReport(name, counts.getOrDefault(UpsertOutcome.NEW, 0),
                counts.getOrDefault(UpsertOutcome.UPDATED, 0), counts.getOrDefault(UpsertOutcome.UNCHANGED, 0),
                counts.getOrDefault(UpsertOutcome.KEPT_INACTIVE, 0), problems, null);
    }

    /** Every record after the header, read and checked, with duplicates of an earlier address marked. */
    private List<RowReader.Result> read(CsvText text) {
        List<RowReader.Result> rows = new ArrayList<>();
        Map<String, Integer> firstLineByAddress = new HashMap<>();
        RowReader reader = null;
        long lastLine = 0;
        try (CSVParser parser = CSVParser.parse(text.text(), CsvConventions.FORMAT)) {
            for (var records = parser.iterator(); records.hasNext(); lastLine = parser.getCurrentLineNumber()) {
                CSVRecord record = records.next();
                int line = text.lineOf(record.getCharacterPosition());
                if (isBlank(record)) {
                    continue;
                }
                if (reader == null) {
                    reader = new RowReader(record, line, topicSlugs);
                    continue;
                }
                RowReader.Result row = reader.read(record, line);
                if (!row.email().isEmpty() && EmailAddresses.isValid(row.email())) {
                    Integer first = firstLineByAddress.putIfAbsent(EmailAddresses.key(row.email()), line);
                    if (first != null) {
                        List<String> problems = new ArrayList<>(List.of("duplicate of line " + first));
                        problems.addAll(row.problems());
                        row = new RowReader.Result(line, row.email(), null, problems);
                    }
                }
                rows.add(row);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new CsvFileException((int) lastLine + 1, "not valid CSV in the record starting here: "
                    + rootMessage(e) + " (a field with a comma, quote or line break must be in double quotes, "
                    + "and a quote inside it doubled)");
        }
        if (reader == null) {
            throw new CsvFileException(0, "the file is empty: a header row must come first (" + Column.names() + ")");
        }
        return rows;
    }

    /** A blank line, or a row of empty fields (spreadsheets write those): not a subscriber. */
    private static boolean isBlank(CSVRecord record) {
        return record.stream().allMatch(v -> v.chars().allMatch(c -> c == ' '));
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
