package dev.gazette.web.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A request's JSON object, read field by field: each getter notes a field of the wrong type (or a missing required
 * one) and goes on, so one answer lists every problem; {@link #finish()} adds the fields nobody asked for (a typo
 * must not pass silently) and answers 400 with them all. Reading the body answers 415 for a body that is not
 * {@code application/json}, 413 for one over {@link #MAX_BYTES}, 400 for one that is not a JSON object.
 */
final class JsonBody {
    /** The largest JSON body accepted. */
    static final int MAX_BYTES = 1024 * 1024;

    private final ObjectNode json;
    private final String prefix;
    private final List<ApiError.FieldProblem> problems;
    private final Set<String> read = new LinkedHashSet<>();
    private final List<JsonBody> children = new ArrayList<>();

    private JsonBody(ObjectNode json, String prefix, List<ApiError.FieldProblem> problems) {
        this.json = json;
        this.prefix = prefix;
        this.problems = problems;
    }

    /** The body, which must be a JSON object. */
    static JsonBody read(Context ctx) {
        byte[] bytes = bytes(ctx, MAX_BYTES, "application/json");
        if (bytes.length == 0) {
            throw ApiException.badField("body", "the body is empty; send a JSON object");
        }
        return parse(bytes);
    }

    /** The body if there is one (then a JSON object), else an empty object. */
    static JsonBody readOptional(Context ctx) {
        if (ctx.contentLength() == 0 || ctx.contentLength() < 0 && ctx.header("Transfer-Encoding") == null) {
            return new JsonBody(ApiJson.mapper().createObjectNode(), "", new ArrayList<>());
        }
        byte[] bytes = bytes(ctx, MAX_BYTES, "application/json");
        return bytes.length == 0 ? new JsonBody(ApiJson.mapper().createObjectNode(), "", new ArrayList<>())
                : parse(bytes);
    }

    private static JsonBody parse(byte[] bytes) {
        JsonNode node;
        try {
            node = ApiJson.mapper().readTree(bytes);
        } catch (JsonProcessingException e) {
            throw ApiException.badField("body", "not JSON: " + e.getOriginalMessage() + " (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw ApiException.badField("body", "cannot be read: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw ApiException.badField("body", "must be a JSON object ({...})");
        }
        return new JsonBody((ObjectNode) node, "", new ArrayList<>());
    }

    /**
     * The raw body, at most {@code max} bytes, of the given media type (parameters such as charset aside).
     *
     * @throws ApiException 415 for another type, 413 for a longer body
     */
    static byte[] bytes(Context ctx, int max, String mediaType) {
        String type = ctx.contentType() == null ? "" : ctx.contentType().split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!type.equals(mediaType)) {
            throw new ApiException(415, "the body must be sent as Content-Type: " + mediaType
                    + (type.isEmpty() ? " (none was given)" : ", not " + type));
        }
        if (ctx.contentLength() > max) {
            throw tooLarge(max);
        }
        try (InputStream in = ctx.bodyInputStream()) {
            byte[] bytes = in.readNBytes(max + 1);
            if (bytes.length > max) {
                throw tooLarge(max);
            }
            return bytes;
        } catch (IOException e) {
            throw ApiException.badField("body", "cannot be read: " + e.getMessage());
        }
    }

    private static ApiException tooLarge(int max) {
        return new ApiException(413, "the body is larger than " + (max >= 1024 * 1024 ? max / (1024 * 1024) + " MiB"
                : max / 1024 + " KiB") + ", the most this endpoint accepts");
    }

    boolean has(String field) {
        read.add(field);
        return json.has(field) && !json.get(field).isNull();
    }

    /** A string, or null when absent or null. */
    String string(String field) {
        JsonNode value = value(field);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            problem(field, "must be a string");
            return null;
        }
        return value.asText();
    }

    /** A string that must be there. */
    String requiredString(String field) {
        JsonNode raw = json.get(field);
        String value = string(field);
        if (raw == null || raw.isNull()) {
            problem(field, "is required");
        }
        return value;
    }

    Integer integer(String field) {
        JsonNode value = value(field);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            problem(field, "must be a whole number");
            return null;
        }
        return value.asInt();
    }

    Long longInteger(String field) {
        JsonNode value = value(field);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            problem(field, "must be a whole number");
            return null;
        }
        return value.asLong();
    }

    Boolean bool(String field) {
        JsonNode value = value(field);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            problem(field, "must be true or false");
            return null;
        }
        return value.asBoolean();
    }

    /** A whole number or a string (an id or an address), as text; null when absent. */
    String idOrText(String field) {
        JsonNode value = value(field);
        if (value == null) {
            return null;
        }
        if (value.isTextual() && !value.asText().isBlank()) {
            return value.asText().strip();
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return String.valueOf(value.asLong());
        }
        problem(field, "must be an id (a number) or an address (a string)");
        return null;
    }

    /** A list of strings, or null when absent. */
    List<String> strings(String field) {
        JsonNode value = value(field);
        if (value == null) {
            return null;
        }
        if (!value.isArray()) {
            problem(field, "must be a list of strings ([\"...\"])");
            return null;
        }
        List<String> strings = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isTextual()) {
                problem(field + "[" + i + "]", "must be a string");
            } else {
                strings.add(value.get(i).asText());
            }
        }
        return strings;
    }

    /** An enum constant by name, in any case; null when absent or not one of them (noted). */
    <E extends Enum<E>> E choice(String field, Class<E> type) {
        String value = string(field);
        if (value == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value.strip())) {
                return constant;
            }
        }
        problem(field, "'" + value + "' is not one of " + Params.names(type));
        return null;
    }

    /** A nested object, or null when absent. */
    JsonBody object(String field) {
        JsonNode value = value(field);
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            problem(field, "must be an object ({...})");
            return null;
        }
        JsonBody child = new JsonBody((ObjectNode) value, prefix + field + ".", problems);
        children.add(child);
        return child;
    }

    /** Note a problem with a field of this object. */
    void problem(String field, String problem) {
        problems.add(new ApiError.FieldProblem(prefix + field, problem));
    }

    /** Whether a problem was noted so far. */
    boolean hasProblems() {
        return !problems.isEmpty();
    }

    /** Refuse fields nobody read, then answer 400 with every problem noted, if any. */
    void finish() {
        unknownFields();
        if (!problems.isEmpty()) {
            String summary = problems.size() == 1 ? problems.get(0).field() + ": " + problems.get(0).problem()
                    : problems.size() + " fields are not right: " + String.join(", ",
                            problems.stream().map(ApiError.FieldProblem::field).distinct().toList());
            throw new ApiException(400, summary, problems);
        }
    }

    private void unknownFields() {
        json.fieldNames().forEachRemaining(name -> {
            if (!read.contains(name)) {
                problems.add(new ApiError.FieldProblem(prefix + name, "is not a field of this request"));
            }
        });
        children.forEach(JsonBody::unknownFields);
    }

    private JsonNode value(String field) {
        read.add(field);
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value;
    }
}
