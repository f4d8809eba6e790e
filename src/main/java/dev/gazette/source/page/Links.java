package dev.gazette.source.page;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

/** Finds an item's link: absolute, and only http or https. */
final class Links {
    private static final Evaluator ANCHOR = Selector.evaluatorOf("a[href]");

    private Links() {}

    /**
     * With a link selector: the matched element's own href, else the first a[href] inside it.
     * Without one: the same on the title element, else the link the title sits inside (a card
     * whose whole body is one anchor), as long as that anchor is within the item.
     *
     * @return the absolute http(s) address, or null
     */
    static String find(Element item, Element titleElement, Evaluator linkSelector) {
        if (linkSelector != null) {
            return hrefOf(item.selectFirst(linkSelector));
        }
        String href = hrefOf(titleElement);
        if (href != null) {
            return href;
        }
        Element current = titleElement;
        while (current != item && current.parent() != null) {
            current = current.parent();
            if (current.is(ANCHOR)) {
                return http(current.absUrl("href"));
            }
        }
        return null;
    }

    private static String hrefOf(Element element) {
        if (element == null) {
            return null;
        }
        if (element.hasAttr("href")) {
            return http(element.absUrl("href"));
        }
        Element anchor = element.selectFirst(ANCHOR);
        return anchor == null ? null : http(anchor.absUrl("href"));
    }

    /** The address if it is an absolute http(s) URL, else null (javascript:, mailto:, file:, ...). */
    static String http(String address) {
        if (address == null || address.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(address.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri.toString();
            }
            return null;
        } catch (URISyntaxException e) {
            // jsoup leaves some characters (spaces, say) unencoded; judge by the scheme alone
            String lower = address.strip().toLowerCase(Locale.ROOT);
            return lower.startsWith("http://") || lower.startsWith("https://") ? address.strip() : null;
        }
    }
}
