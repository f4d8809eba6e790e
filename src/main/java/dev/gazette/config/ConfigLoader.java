package dev.gazette.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

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
            tree = mapper.readTree(yaml);
            if (tree != null && tree.isObject()) {
                // Binding the file on its own first gives errors with the file's line numbers.
                mapper.readValue(yaml, GazetteConfig.class);
            }
        } catch (JsonProcessingException e) {
            throw new ConfigException(describe(name, e, locate(yaml, e)), e);
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            tree = mapper.createObjectNode(); // an empty file, or only comments
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
        Map<String, String> overridden = applyEnvironment(merged);
        GazetteConfig config;
        try {
            config = mapper.treeToValue(merged, GazetteConfig.class);
        } catch (JsonProcessingException e) {
            // The file was bound on its own already, so a value that fails here came from the environment.
            String variable = e instanceof JsonMappingException m ? overridden.get(path(m)) : null;
            throw new ConfigException(describe(variable == null ? origin + " (with environment overrides)"
                    : "environment variable " + variable, e, e.getLocation()), e);
        }
        config = withDerivedDefaults(config);
        new ConfigValidator(origin, overridden).validate(config);
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

    /** Set the keys that environment variables override; returns each key set and its variable. */
    private Map<String, String> applyEnvironment(ObjectNode merged) {
        Map<String, String> overridden = new LinkedHashMap<>();
        ENVIRONMENT_KEYS.forEach((variable, key) -> {
            String value = environment.get(variable);
            if (value == null) {
                return;
            }
            overridden.put(key, variable);
            String[] path = key.split("\\.");
            ObjectNode parent = merged;
            for (int i = 0; i < path.length - 1; i++) {
                parent = (ObjectNode) parent.get(path[i]);
            }
            parent.put(path[path.length - 1], value);
        });
        return overridden;
    }

    private static GazetteConfig withDerivedDefaults(GazetteConfig config) {
        var sources = config.sources().stream()
                .map(s -> new SourceConfig(s.id(), s.name() == null || s.name().isBlank() ? s.id() : s.name(), s.type(),
                        s.url(), s.interval() == null ? config.collect().defaultInterval() : s.interval(), s.cron(),
                        s.topics(), s.enabled(), s.page()))
                .toList();
        return config.withSources(sources);
    }

    static String describe(String origin, JsonProcessingException e, JsonLocation at) {
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
            return syntax(origin, yaml);
        }
        StringBuilder out = new StringBuilder(origin);
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

    /**
     * Where in the file the key that a binding error names is. Jackson reports an unknown key of a
     * record only once the whole record is read, so its own location is the line after the record.
     */
    private JsonLocation locate(String yaml, JsonProcessingException e) {
        if (!(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
            return e.getLocation();
        }
        JsonPointer key = JsonPointer.empty();
        for (JsonMappingException.Reference ref : mapping.getPath()) {
            key = ref.getFieldName() != null ? key.appendProperty(ref.getFieldName()) : key.appendIndex(ref.getIndex());
        }
        try (JsonParser p = mapper.createParser(yaml)) {
            while (p.nextToken() != null) {
                if (p.currentToken() == JsonToken.FIELD_NAME && p.getParsingContext().pathAsPointer().equals(key)) {
                    return p.currentTokenLocation();
                }
            }
        } catch (IOException ignored) {
            // fall back to Jackson's own location
        }
        return e.getLocation();
    }

    /** SnakeYAML's own marks point at the problem; Jackson's location is only where its parser stopped. */
    private static String syntax(String origin, MarkedYAMLException e) {
        Mark at = e.getProblemMark();
        Mark start = e.getContextMark();
        String context = e.getContext() == null ? "" : " (" + e.getContext()
                + (start == null || start.getLine() == at.getLine() ? "" : " from line " + (start.getLine() + 1)) + ")";
        return origin + ": line " + (at.getLine() + 1) + ", column " + (at.getColumn() + 1) + ": not valid YAML: "
                + e.getProblem() + context;
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
        if (e instanceof InvalidFormatException bad) {
            return "'" + bad.getValue() + "' is not " + expected(bad.getTargetType());
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                && message.startsWith("Cannot ")) { // Jackson's own wording, not one of our scalar parsers'
            return "expected " + expected(mismatch.getTargetType());
        }
        int cut = message.indexOf(" at [Source");
        return cut > 0 ? message.substring(0, cut) : message;
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "another value";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT);
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type.isRecord()) {
            return "a section of keys and values";
        }
        return "a " + type.getSimpleName().toLowerCase(Locale.ROOT);
    }

    private static Map<String, String> environmentKeys() {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("GAZETTE_DATA_DIR", "data-dir");
        keys.put("GAZETTE_DATABASE_URL", "database.url");
        keys.put("GAZETTE_DATABASE_USER", "database.user");
        keys.put("GAZETTE_DATABASE_PASSWORD", "database.password");
        keys.put("GAZETTE_SERVER_HOST", "server.host");
        keys.put("GAZETTE_SERVER_PORT", "server.port");
        keys.put("GAZETTE_PUBLIC_URL", "server.public-url");
        keys.put("GAZETTE_MAIL_HOST", "mail.host");
        keys.put("GAZETTE_MAIL_PORT", "mail.port");
        keys.put("GAZETTE_MAIL_USERNAME", "mail.username");
        keys.put("GAZETTE_MAIL_PASSWORD", "mail.password");
        keys.put("GAZETTE_SECRET", "security.secret");
        keys.put("GAZETTE_SEND_ON_START", "digest.send-on-start");
        return Map.copyOf(keys);
    }
}
