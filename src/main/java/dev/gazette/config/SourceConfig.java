package dev.gazette.config;

import java.time.Duration;
import java.util.List;

/**
 * A place Gazette collects items from.
 *
 * @param id short stable identifier (lower-case letters, digits, dashes); items refer to it
 * @param name display name
 * @param type feed, page or calendar
 * @param url http(s):, file: or classpath: address
 * @param interval how often to collect, unless {@code cron} is set
 * @param cron a Quartz cron expression (seconds first), overrides {@code interval}
 * @param topics topic slugs every item of this source is tagged with
 * @param enabled disabled sources are kept but not collected
 * @param page selectors, for type page only
 */
public record SourceConfig(
        String id,
        String name,
        SourceType type,
        String url,
        Duration interval,
        String cron,
        List<String> topics,
        boolean enabled,
        PageSelectors page) {}
