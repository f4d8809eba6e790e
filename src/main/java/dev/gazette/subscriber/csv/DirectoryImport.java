package dev.gazette.subscriber.csv;

import java.nio.file.Path;
import java.util.List;

/**
 * What importing a folder of subscriber files did: one report per {@code *.csv} file, in name order.
 *
 * @param found false when the folder does not exist (then nothing was imported, and that is fine)
 */
public record DirectoryImport(Path directory, boolean found, List<ImportReport> files) {

    public DirectoryImport {
        files = List.copyOf(files);
    }

    /** Whether every file was read and every row imported. */
    public boolean clean() {
        return files.stream().allMatch(ImportReport::clean);
    }

    /** Lines for people: one per file, or one saying there was nothing to import. */
    public List<String> summary() {
        if (!found) {
            return List.of("no subscriber folder " + directory + ": no subscribers imported");
        }
        if (files.isEmpty()) {
            return List.of("no *.csv files in " + directory + ": no subscribers imported");
        }
        return files.stream().map(ImportReport::summary).toList();
    }
}
