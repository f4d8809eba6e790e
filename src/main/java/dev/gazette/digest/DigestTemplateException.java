package dev.gazette.digest;

import dev.gazette.GazetteException;

/**
 * An email template or message file is broken (a syntax error, an unknown message key, an unreadable file); the
 * message names the file and, where Thymeleaf knows it, the line.
 */
public final class DigestTemplateException extends GazetteException {
    private static final long serialVersionUID = 1L;

    public DigestTemplateException(String message) {
        super(message);
    }

    public DigestTemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
