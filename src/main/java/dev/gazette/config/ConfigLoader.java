package dev.gazette.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Builds the configuration: {@link ConfigDefaults}, then the YAML file (a key left out keeps its
 * default; a list given replaces the default list), then environment variables for secrets and
 * connection settings. Any problem stops with a {@link ConfigException} naming the key.
 */
public final class ConfigLoader {
    /** Environment variables that override a setting, and the key each one sets. */
    public static final Map<String, String> ENVIRONMENT_KEYS = environmentKeys();

    private final ObjectMapper mapper = ConfigMapper.create();
    private final Map<String, String> environment;

    public ConfigLoader(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** Defaults and environment only. */
    public GazetteConfig load() {
        return build("defaults", mapper.createObjectNode());
    }

    /** Defaults, then the file, then the environment. */
    public GazetteConfig load(Path file) {
        String name = file.toString();
        String yaml;
        try {
            yaml = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(name + ": no such configuration file");
        } catch (IOException e) {
            throw new ConfigException(name + ": cannot read the configuration file: " + e.getMessage(), e);
        }
        JsonNode tree;
        try {
            // Binding the file on its own first gives errors with the file's line numbers.
            mapper.readValue(yaml, GazetteConfig.class);
            tree = mapper.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new ConfigException(describe(name, e), e);
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            tree = mapper.createObjectNode();
        }
        if (!tree.isObject()) {
            throw new ConfigException(name + ": expected keys and values at the top level");
        }
        return build(name, (ObjectNode) tree);
    }

    private GazetteConfig build(String origin, ObjectNode user) {
        ObjectNode merged = mapper.valueToTree(ConfigDefaults.config());
        merge(merged, user);
        applyTemplates(merged);
        applyEnvironment(merged);
        GazetteConfig config;
        try {
            config = mapper.treeToValue(merged, GazetteConfig.class);
        } catch (JsonProcessingException e) {
            throw new ConfigException(describe(origin + " (with environment overrides)", e), e);
        }
        config = withDerivedDefaults(config);
        new ConfigValidator(origin).validate(config);
        return config;
    }

    private static void merge(ObjectNode base, JsonNode overlay) {
        overlay.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            JsonNode current = base.get(field.getKey());
            if (value.isNull()) {
                return; // an empty key keeps its default
            }
            if (current instanceof ObjectNode currentObject && value.isObject()) {
                merge(currentObject, value);
            } else {
                base.set(field.getKey(), value.deepCopy());
            }
        });
    }

    /** Fill each listed source and topic with the defaults of one element. */
    private void applyTemplates(ObjectNode merged) {
        ArrayNode sources = arrayOrEmpty(merged, "sources");
        for (int i = 0; i < sources.size(); i++) {
            ObjectNode source = mapper.valueToTree(ConfigDefaults.sourceTemplate());
            merge(source, sources.get(i));
            if (source.get("page").isObject()) {
                ObjectNode page = mapper.valueToTree(ConfigDefaults.pageTemplate());
                merge(page, source.get("page"));
                source.set("page", page);
            }
            sources.set(i, source);
        }
        ArrayNode topics = arrayOrEmpty(merged, "topics");
        for (int i = 0; i < topics.size(); i++) {
            ObjectNode topic = mapper.valueToTree(ConfigDefaults.topicTemplate());
            merge(topic, topics.get(i));
            topics.set(i, topic);
        }
    }

    private static ArrayNode arrayOrEmpty(ObjectNode node, String key) {
        JsonNode value = node.get(key);
        if (value instanceof ArrayNode array) {
            return array;
        }
        throw new ConfigException("key '" + key + "': expected a list");
    }

    private void applyEnvironment(ObjectNode merged) {
        ENVIRONMENT_KEYS.forEach((variable, key) -> {
            String value = environment.get(variable);
            if (value == null) {
                return;
            }
            String[] path = key.split("\\.");
            ObjectNode parent = merged;
            for (int i = 0; i < path.length - 1; i++) {
                parent = (ObjectNode) parent.get(path[i]);
            }
            parent.put(path[path.length - 1], value);
        });
    }

    private static GazetteConfig withDerivedDefaults(GazetteConfig config) {
        var sources = config.sources().stream()
                .map(s -> s.interval() != null ? s : new SourceConfig(s.id(), s.name(), s.type(), s.url(),
                        config.collect().defaultInterval(), s.cron(), s.topics(), s.enabled(), s.page()))
                .map(s -> s.name() != null && !s.name().isBlank() ? s : new SourceConfig(s.id(), s.id(), s.type(),
                        s.url(), s.interval(), s.cron(), s.topics(), s.enabled(), s.page()))
                .toList();
        return new GazetteConfig(config.dataDir(), config.database(), config.server(), config.fetch(),
                config.collect(), config.topics(), sources);
    }

    static String describe(String origin, JsonProcessingException e) {
        StringBuilder out = new StringBuilder(origin);
        JsonLocation at = e.getLocation();
        if (at != null && at.getLineNr() > 0) {
            out.append(": line ").append(at.getLineNr()).append(", column ").append(at.getColumnNr());
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            String known = unknown.getKnownPropertyIds() == null ? "" : unknown.getKnownPropertyIds().stream()
                    .map(Object::toString).collect(Collectors.toCollection(TreeSet::new)).toString();
            return out.append(": unknown key '").append(path(unknown)).append("'")
                    .append(known.isEmpty() ? "" : " (known keys here: " + known.substring(1, known.length() - 1) + ")")
                    .toString();
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return out.append(": key '").append(path(mapping)).append("': ").append(reason(mapping)).toString();
        }
        return out.append(": not valid YAML: ").append(e.getOriginalMessage()).toString();
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String reason(JsonMappingException e) {
        String message = Objects.requireNonNullElse(e.getOriginalMessage(), "invalid value");
        if (e instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException bad) {
            String expected = bad.getTargetType() == null ? "another value" : bad.getTargetType().isEnum()
                    ? "one of " + java.util.Arrays.toString(bad.getTargetType().getEnumConstants()).toLowerCase(java.util.Locale.ROOT)
                    : "a " + bad.getTargetType().getSimpleName().toLowerCase(java.util.Locale.ROOT);
            return "'" + bad.getValue() + "' is not " + expected;
        }
        int cut = message.indexOf(" at [Source");
        return cut > 0 ? message.substring(0, cut) : message;
    }

    private static Map<String, String> environmentKeys() {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("GAZETTE_DATA_DIR", "data-dir");
        keys.put("GAZETTE_DATABASE_URL", "database.url");
        keys.put("GAZETTE_DATABASE_USER", "database.user");
        keys.put("GAZETTE_DATABASE_PASSWORD", "database.password");
        keys.put("GAZETTE_SERVER_HOST", "server.host");
        keys.put("GAZETTE_SERVER_PORT", "server.port");
        return Map.copyOf(keys);
    }
}
