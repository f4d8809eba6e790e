package dev.gazette.web.api;

import io.javalin.http.Context;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Query and path parameters, checked: a value that cannot be right is a 400 naming the parameter. */
final class Params {
    private Params() {}

    /** The parameter stripped, or null when absent or blank. */
    static String text(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A limit from 1 to {@code max}; {@code fallback} when absent. */
    static int limit(Context ctx, int fallback, int max) {
        String value = text(ctx, "limit");
        if (value == null) {
            return fallback;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badField("limit", "'" + value + "' is not a whole number from 1 to " + max);
    }

    /** A non-negative whole number, or {@code fallback} when absent. */
    static long number(Context ctx, String name, long fallback) {
        String value = text(ctx, name);
        if (value == null) {
            return fallback;
        }
        try {
            long n = Long.parseLong(value);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badField(name, "'" + value + "' is not a whole number of 0 or more");
    }

    /** An enum constant by name in any case, or null when absent. */
    static <E extends Enum<E>> E choice(Context ctx, String name, Class<E> type) {
        String value = text(ctx, name);
        if (value == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value)) {
                return constant;
            }
        }
        throw ApiException.badField(name, "'" + value + "' is not one of " + names(type));
    }

    /** The id in the path; a path with anything else names nothing (404). */
    static long id(Context ctx, String name, String what) {
        String value = ctx.pathParam(name);
        try {
            long id = Long.parseLong(value);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.notFound("there is no " + what + " '" + value + "'");
    }

    /** The constants of an enum as the API writes them: "daily, weekly, paused". */
    static <E extends Enum<E>> String names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }
}
