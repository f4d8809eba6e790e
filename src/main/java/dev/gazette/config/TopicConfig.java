package dev.gazette.config;

import java.util.List;

/**
 * A topic readers can follow. An item is tagged with it when its title or summary contains one of
 * the {@code include} words or phrases and none of the {@code exclude} ones (case-insensitive, on
 * word boundaries), when its source lists the topic, or when one of its feed categories equals the
 * topic's name or slug.
 */
public record TopicConfig(String slug, String name, List<String> include, List<String> exclude) {}
