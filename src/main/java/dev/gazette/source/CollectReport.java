package dev.gazette.source;

import java.util.List;

/** What one collection run did, source by source. */
public record CollectReport(List<SourceResult> results) {
    public CollectReport {
        results = List.copyOf(results);
    }

    /** True when a source failed: the person running Gazette should look. */
    public boolean hasFailures() {
        return results.stream().anyMatch(r -> r.status() == SourceResult.Status.FAILED);
    }

    public int created() {
        return results.stream().mapToInt(SourceResult::created).sum();
    }
}
