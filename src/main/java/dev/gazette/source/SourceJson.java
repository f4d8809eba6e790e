package dev.gazette.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gazette.GazetteException;
import dev.gazette.config.Durations;
import dev.gazette.config.PageSelectors;
import dev.gazette.config.SourceConfig;
import dev.gazette.config.SourceType;
import dev.gazette.item.ItemKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A source's definition as JSON, in the configuration file's keys ({@code id}, {@code name}, {@code type},
 * {@code url}, {@code interval}, {@code cron}, {@code topics}, {@code enabled}, {@code page} with
 * {@code item-kind}, {@code item}, {@code title}, ...), for sources kept in the database.
 */
final class SourceJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SourceJson() {}

    static String write(SourceConfig s) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("id", s.id());
        json.put("name", s.name());
        json.put("type", s.type().name().toLowerCase(Locale.ROOT));
        json.put("url", s.url());
        json.put("interval", Durations.format(s.interval()));
        json.put("cron", s.cron());
        ArrayNode topics = json.putArray("topics");
        s.topics().forEach(topics::add);
        json.put("enabled", s.enabled());
        PageSelectors p = s.page();
        if (p != null) {
            ObjectNode page = json.putObject("page");
            page.put("item-kind", p.itemKind().name().toLowerCase(Locale.ROOT));
            page.put("item", p.item());
            page.put("title", p.title());
            page.put("link", p.link());
            page.put("date", p.date());
            page.put("summary", p.summary());
            page.put("start", p.start());
            page.put("end", p.end());
            page.put("location", p.location());
            ArrayNode formats = page.putArray("date-formats");
            p.dateFormats().forEach(formats::add);
            page.put("time-zone", p.timeZone());
            page.put("locale", p.locale());
        }
        try {
            return MAPPER.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new GazetteException("cannot write the definition of source " + s.id() + ": " + e.getMessage(), e);
        }
    }

    /** @param defaultInterval for a definition without one */
    static SourceConfig read(String text, Duration defaultInterval) {
        JsonNode json;
        try {
            json = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new GazetteException("a stored source definition is not JSON: " + e.getOriginalMessage(), e);
        }
        String interval = string(json, "interval");
        JsonNode page = json.get("page");
        return new SourceConfig(string(json, "id"), string(json, "name"),
                SourceType.valueOf(string(json, "type").toUpperCase(Locale.ROOT)), string(json, "url"),
                interval.isEmpty() ? defaultInterval : Durations.parse(interval), string(json, "cron"),
                strings(json, "topics"), !json.has("enabled") || json.get("enabled").asBoolean(),
                page == null || !page.isObject() ? null : new PageSelectors(
                        ItemKind.valueOf(orDefault(string(page, "item-kind"), "article").toUpperCase(Locale.ROOT)),
                        string(page, "item"), string(page, "title"), string(page, "link"), string(page, "date"),
                        string(page, "summary"), string(page, "start"), string(page, "end"),
                        string(page, "location"), strings(page, "date-formats"), string(page, "time-zone"),
                        orDefault(string(page, "locale"), "en")));
    }

    private static String string(JsonNode json, String key) {
        JsonNode value = json.get(key);
        return value == null || value.isNull() ? "" : value.asText();
    }

    private static String orDefault(String value, String fallback) {
        return value.isEmpty() ? fallback : value;
    }

    private static List<String> strings(JsonNode json, String key) {
        List<String> values = new ArrayList<>();
        JsonNode array = json.get(key);
        if (array != null && array.isArray()) {
            array.forEach(v -> values.add(v.asText()));
        }
        return List.copyOf(values);
    }
}
