package dev.gazette.config;

import dev.gazette.GazetteException;

/** The configuration cannot be used; the message names the file, the key and the problem. */
public final class ConfigException extends GazetteException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
