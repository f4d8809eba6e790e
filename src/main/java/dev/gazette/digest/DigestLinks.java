package dev.gazette.digest;

import java.util.Objects;

/**
 * The links of one recipient's email, made by the caller (signed per subscriber).
 *
 * @param preferencesUrl where they change topics, frequency, language and zone
 * @param unsubscribeUrl where they stop all digests
 * @param viewInBrowserUrl a web copy of this email, or null when there is none
 */
public record DigestLinks(String preferencesUrl, String unsubscribeUrl, String viewInBrowserUrl) {
    public DigestLinks {
        Objects.requireNonNull(preferencesUrl, "preferencesUrl");
        Objects.requireNonNull(unsubscribeUrl, "unsubscribeUrl");
    }
}
