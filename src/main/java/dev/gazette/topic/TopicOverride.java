package dev.gazette.topic;

import java.time.Instant;
import java.util.List;

/**
 * Keywords of a configured topic as edited in the admin console; they replace the configured {@code include} and
 * {@code exclude} lists of that topic.
 *
 * @param updatedBy the admin who saved them
 */
public record TopicOverride(String slug, List<String> include, List<String> exclude, Instant updatedAt,
        String updatedBy) {

    public TopicOverride {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
    }
}
