package dev.gazette.source.feed;

import com.rometools.rome.feed.synd.SyndLink;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/** Resolving the addresses found in feeds, which are often relative and sometimes sloppy. */
final class FeedLinks {

    private FeedLinks() {}

    /**
     * Resolves {@code ref} against {@code base}; null when either part cannot be read as a URI.
     * A null base leaves the reference as it is.
     */
    static URI resolve(URI base, String ref) {
        URI target = parse(ref);
        if (target == null) {
            return null;
        }
        if (base == null || target.isAbsolute() || base.isOpaque()) {
            return target.isAbsolute() ? target : base == null ? target : null;
        }
        URI b = base;
        if (b.getRawPath() == null || b.getRawPath().isEmpty()) {
            // java.net.URI resolves "a" against "https://host" to "https://hosta"
            b = b.resolve("/");
        }
        try {
            return b.resolve(target);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The address as text when it is absolute http(s) with a host, else null. */
    static String httpOnly(URI uri) {
        if (uri == null || uri.getScheme() == null || uri.getHost() == null) {
            return null;
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("http") || scheme.equals("https") ? uri.toString() : null;
    }

    static boolean isHttp(URI uri) {
        return httpOnly(uri) != null;
    }

    /** The first link whose rel is alternate (or absent), preferring HTML ones; null when none. */
    static String alternate(List<SyndLink> links) {
        String any = null;
        for (SyndLink link : links) {
            String rel = link.getRel();
            if (link.getHref() == null || rel != null && !rel.isBlank() && !rel.trim().equals("alternate")) {
                continue;
            }
            String type = link.getType();
            if (type == null || type.contains("html")) {
                return link.getHref();
            }
            if (any == null) {
                any = link.getHref();
            }
        }
        return any;
    }

    private static URI parse(String ref) {
        if (ref == null || ref.isBlank()) {
            return null;
        }
        String s = ref.strip()
                .replace(" ", "%20")
                .replace("\t", "")
                .replace("\n", "")
                .replace("\r", "");
        try {
            return new URI(s);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
