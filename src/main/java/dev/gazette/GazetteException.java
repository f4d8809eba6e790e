package dev.gazette;

/**
 * The one unchecked root of every error Gazette raises on purpose. Its message is written for the
 * person running Gazette: it names the place (config key, source, line, address) and the problem.
 */
public class GazetteException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public GazetteException(String message) {
        super(message);
    }

    public GazetteException(String message, Throwable cause) {
        super(message, cause);
    }
}
