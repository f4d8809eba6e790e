package dev.gazette.item;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The canonical form of a link, used to recognise the same article reached through different
 * sources: lower-case scheme and host, no default port, no fragment, no tracking parameters
 * ({@code utm_*}, {@code fbclid}, {@code gclid} and the like), remaining parameters sorted.
 */
public final class CanonicalLinks {
    private static final Set<String> TRACKING = Set.of(
            "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "yclid", "_hsenc", "_hsmi",
            "mkt_tok", "ref_src");

    private CanonicalLinks() {}

    /** @return the canonical link, or null when {@code link} is null or not an absolute http(s) URL */
    public static String of(String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(link.strip());
        } catch (URISyntaxException e) {
            return null;
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getHost() == null) {
            return null;
        }
        int port = uri.getPort();
        if (port == 80 && scheme.equals("http") || port == 443 && scheme.equals("https")) {
            port = -1;
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : Arrays.stream(uri.getRawQuery().split("&"))
                .filter(p -> !p.isEmpty() && !isTracking(p))
                .sorted()
                .collect(Collectors.joining("&"));
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (port == -1 ? "" : ":" + port)
                + path + (query.isEmpty() ? "" : "?" + query);
    }

    /**
     * The key that identifies an item across sources: a digest of its canonical link, and for events
     * of their start too (one link may announce several dates).
     *
     * @return the key, or null when the link is not an absolute http(s) URL
     */
    public static String key(String link, java.time.Instant startsAt) {
        String canonical = of(link);
        if (canonical == null) {
            return null;
        }
        return dev.gazette.Sha256.hex(startsAt == null ? canonical : canonical + "#" + startsAt);
    }

    private static boolean isTracking(String parameter) {
        String name = parameter.split("=", 2)[0].toLowerCase(Locale.ROOT);
        return name.startsWith("utm_") || TRACKING.contains(name);
    }
}
