package dev.gazette.delivery;

import dev.gazette.GazetteException;

/**
 * A message that cannot be sent as given: a header value holding a line break or NUL (which would let text
 * from a feed or a subscriber's name inject headers), an invalid address, a malformed Message-ID. Nothing
 * was sent; sending the same message again fails the same way.
 */
public final class MessageRefusedException extends GazetteException {
    private static final long serialVersionUID = 1L;

    private final String header;

    /**
     * @param header the header at fault
     * @param message the whole explanation, naming the header
     */
    public MessageRefusedException(String header, String message) {
        super(message);
        this.header = header;
    }

    /** The header at fault, e.g. {@code Subject}, {@code To}, {@code List-Unsubscribe}. */
    public String header() {
        return header;
    }

    /** The same refusal, its message prefixed with which message it concerns. */
    public MessageRefusedException about(String messageId, String to) {
        MessageRefusedException wrapped = new MessageRefusedException(header,
                "refused the message " + HeaderValues.visibleValue(messageId) + " to " + HeaderValues.visibleValue(to)
                        + ": " + getMessage() + "; nothing was sent");
        wrapped.initCause(this);
        return wrapped;
    }
}
