package dev.gazette.source.feed;

import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.module.DCSubject;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import dev.gazette.item.ItemKind;
import dev.gazette.source.HtmlSanitizer;
import dev.gazette.source.ParsedItem;
import dev.gazette.source.StableIds;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jdom2.Element;

/** Maps one ROME entry onto a {@link ParsedItem}. */
final class EntryMapper {

    private static final int TITLE_FROM_SUMMARY_CHARS = 80;
    private static final Pattern SPACE = Pattern.compile("[\\s\\p{Z}\\p{Cc}]+");
    private static final String DC_TERMS = "http://purl.org/dc/terms/";
    private static final String DC_ELEMENTS = "http://purl.org/dc/elements/1.1/";
    private static final String ATOM = "http://www.w3.org/2005/Atom";

    private final boolean atom;

    /** @param atom true for Atom feeds, whose text constructs can really be plain text */
    EntryMapper(boolean atom) {
        this.atom = atom;
    }

    /** @return the item, or null when the entry has neither a title nor any summary text */
    ParsedItem map(SyndEntry entry, URI base) {
        String summary = summaryHtml(entry, base);
        String title = title(entry);
        if (title.isEmpty()) {
            title = shorten(collapse(HtmlSanitizer.text(summary)));
        }
        if (title.isEmpty()) {
            return null;
        }
        String link = link(entry, base);
        Instant published = instant(entry.getPublishedDate());
        Instant updated = instant(entry.getUpdatedDate());
        if (updated == null) {
            updated = foreignDate(entry);
        }
        String guid = guid(entry, link, title, published);
        return new ParsedItem(ItemKind.ARTICLE, guid, title, link, summary, published, updated,
                categories(entry), null);
    }

    private String title(SyndEntry entry) {
        SyndContent ex = entry.getTitleEx();
        String raw = ex != null && ex.getValue() != null ? ex.getValue() : entry.getTitle();
        if (raw == null || raw.isBlank()) {
            return "";
        }
        // RSS titles are HTML in practice ("&amp;amp;", "<b>"); Atom says which they are.
        boolean plain = atom && isPlainText(ex == null ? null : ex.getType());
        return collapse(plain ? raw : HtmlSanitizer.text(raw));
    }

    private String summaryHtml(SyndEntry entry, URI base) {
        SyndContent content = entry.getDescription();
        if (content == null || content.getValue() == null || content.getValue().isBlank()) {
            content = null;
            for (SyndContent c : entry.getContents()) {
                if (c.getValue() != null && !c.getValue().isBlank()) {
                    content = c;
                    break;
                }
            }
        }
        if (content == null) {
            return "";
        }
        String type = content.getType() == null ? null : content.getType().trim().toLowerCase(Locale.ROOT);
        if (atom) {
            if (isPlainText(type)) {
                return HtmlSanitizer.fromText(content.getValue());
            }
            if (!type.contains("html") && !type.contains("xml")) {
                return ""; // e.g. base64 media in atom:content
            }
        }
        // ROME reports RSS 0.91 and 1.0 descriptions as text/plain, but they are HTML in practice.
        return HtmlSanitizer.clean(content.getValue(), base == null ? "" : base.toString());
    }

    private static boolean isPlainText(String type) {
        return type == null || type.isBlank() || type.equals("text") || type.equals("text/plain");
    }

    private static String link(SyndEntry entry, URI base) {
        String alternate = FeedLinks.alternate(entry.getLinks());
        if (alternate != null) {
            String abs = FeedLinks.httpOnly(FeedLinks.resolve(base, alternate));
            if (abs != null) {
                return abs;
            }
        }
        return FeedLinks.httpOnly(FeedLinks.resolve(base, entry.getLink()));
    }

    /**
     * The feed's own id; ROME copies an RSS item's link into the id when there is no guid, in which
     * case the resolved link is the better id.
     */
    private static String guid(SyndEntry entry, String link, String title, Instant published) {
        String uri = trimToNull(entry.getUri());
        if (uri != null) {
            return link != null && uri.equals(trimToNull(entry.getLink())) ? link : uri;
        }
        if (link != null) {
            return link;
        }
        return StableIds.of(title, published == null ? "" : published.toString());
    }

    private static List<String> categories(SyndEntry entry) {
        Set<String> names = new LinkedHashSet<>();
        for (SyndCategory c : entry.getCategories()) {
            addName(names, c.getName() != null && !c.getName().isBlank() ? c.getName() : c.getLabel());
        }
        // ROME leaves dc:subject (RSS 1.0's categories) in the Dublin Core module
        if (entry.getModule(DCModule.URI) instanceof DCModule dc) {
            for (DCSubject subject : dc.getSubjects()) {
                addName(names, subject.getValue());
            }
        }
        return new ArrayList<>(names);
    }

    private static void addName(Set<String> names, String name) {
        if (name != null) {
            String n = collapse(name);
            if (!n.isEmpty()) {
                names.add(n);
            }
        }
    }

    /**
     * dcterms:modified (also seen in the dc: elements namespace), or atom:updated inside an RSS
     * item; ROME parses none of them and leaves them as foreign markup.
     */
    private static Instant foreignDate(SyndEntry entry) {
        for (Element e : entry.getForeignMarkup()) {
            String ns = e.getNamespaceURI();
            boolean modified = (DC_TERMS.equals(ns) || DC_ELEMENTS.equals(ns)) && e.getName().equals("modified");
            boolean updated = ATOM.equals(ns) && e.getName().equals("updated");
            if (modified || updated) {
                Instant at = FeedDates.parse(e.getTextNormalize());
                if (at != null) {
                    return at;
                }
            }
        }
        return null;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    static String collapse(String text) {
        return text == null ? "" : SPACE.matcher(text).replaceAll(" ").strip();
    }

    /** At most about 80 characters, cut at a word boundary where there is one. */
    static String shorten(String text) {
        if (text.codePointCount(0, text.length()) <= TITLE_FROM_SUMMARY_CHARS) {
            return text;
        }
        String cut = text.substring(0, text.offsetByCodePoints(0, TITLE_FROM_SUMMARY_CHARS));
        int space = cut.lastIndexOf(' ');
        if (space > TITLE_FROM_SUMMARY_CHARS / 2) {
            cut = cut.substring(0, space);
        }
        return cut.strip() + "…";
    }

    private static String trimToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
