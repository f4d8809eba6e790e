package dev.gazette.web.reader;

import dev.gazette.GazetteException;

/**
 * A signed link that cannot be used: not a token of ours for that page (forged, tampered, cut short: 404), or a
 * genuine one that expired, was revoked, or whose subscriber or delivery is gone (410). Nothing was changed.
 */
final class InvalidLinkException extends GazetteException {
    private static final long serialVersionUID = 1L;

    /** Why, as the suffix of the page's message keys ({@code reader.link.<reason>.*}). */
    enum Reason {
        INVALID(404), EXPIRED(410), REVOKED(410), GONE(410);

        final int status;

        Reason(int status) {
            this.status = status;
        }

        String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Reason reason;

    InvalidLinkException(Reason reason) {
        super("link " + reason.key());
        this.reason = reason;
    }

    Reason reason() {
        return reason;
    }
}
