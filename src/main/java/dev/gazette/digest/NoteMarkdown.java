package dev.gazette.digest;

import dev.gazette.source.HtmlSanitizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.LineBreakRendering;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * Renders an editor's note, written in Markdown (CommonMark), for emails: HTML for the HTML part and plain text for
 * the text part. Nothing the note's author types becomes markup of its own: raw HTML in the Markdown is dropped
 * (the text between tags stays, except the code of an inline {@code <script>} or {@code <style>}), links other
 * than http, https and mailto lose their link (their text stays), and the HTML is cleaned once more by
 * {@link HtmlSanitizer} (no scripts, event handlers, styles, iframes or forms survive). Safe to share between
 * threads.
 */
public final class NoteMarkdown {
    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
    private static final TextContentRenderer TEXT = TextContentRenderer.builder()
            .lineBreakRendering(LineBreakRendering.SEPARATE_BLOCKS).build();

    private NoteMarkdown() {}

    /** The note as sanitised HTML and as plain text wrapped to {@link PlainText#WIDTH} columns. */
    public static Rendered render(String markdown) {
        Node document = PARSER.parse(markdown == null ? "" : markdown);
        defuse(document);
        String html = HtmlSanitizer.clean(HTML.render(document), "");
        return new Rendered(html, wrap(TEXT.render(document)));
    }

    /**
     * An editor's note, rendered.
     *
     * @param html sanitised HTML (paragraphs, emphasis, lists, headings, http(s) and mailto links): the one value the
     *     email templates print unescaped
     * @param text plain text, lines wrapped to {@link PlainText#WIDTH} columns, paragraphs separated by a blank line
     */
    public record Rendered(String html, String text) {}

    private static String wrap(String text) {
        PlainText plain = new PlainText();
        List<String> lines = new ArrayList<>();
        for (String line : text.strip().split("\n", -1)) {
            if (line.isBlank()) {
                lines.add("");
                continue;
            }
            int indent = 0;
            while (indent < line.length() && line.charAt(indent) == ' ') {
                indent++;
            }
            String marker = line.substring(indent).matches("([-*+]|\\d+[.)]) .*")
                    ? line.substring(indent, line.indexOf(' ', indent) + 1) : "";
            String prefix = " ".repeat(indent) + marker;
            String wrapped = plain.wrap(prefix, line.substring(prefix.length()));
            lines.add(wrapped.isBlank() ? "" : wrapped);
        }
        return String.join("\n", lines).replaceAll("\n{3,}", "\n\n");
    }

    /**
     * Drops raw HTML (and the code of inline scripts and styles) and unlinks links and images that are not http(s)
     * or mailto (https only, for images), keeping their text. Nodes are gathered first and changed after, since a
     * visitor must not change the tree it walks.
     */
    private static void defuse(Node document) {
        List<Node> html = new ArrayList<>();
        List<Node> links = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(HtmlBlock htmlBlock) {
                html.add(htmlBlock);
            }

            @Override
            public void visit(HtmlInline htmlInline) {
                html.add(htmlInline);
            }

            @Override
            public void visit(Link link) {
                links.add(link);
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                links.add(image);
                visitChildren(image);
            }
        });
        for (Node node : links) {
            String destination = node instanceof Link link ? link.getDestination() : ((Image) node).getDestination();
            if (!allowed(destination, node instanceof Image)) {
                unwrap(node);
            }
        }
        for (Node node : html) {
            if (node instanceof HtmlInline inline) {
                String tag = inline.getLiteral().toLowerCase(Locale.ROOT);
                if (tag.matches("(?s)<(script|style)\\b.*")) {
                    String closing = tag.startsWith("<script") ? "</script" : "</style";
                    Node next = inline.getNext();
                    while (next != null && !(next instanceof HtmlInline end
                            && end.getLiteral().toLowerCase(Locale.ROOT).startsWith(closing))) {
                        Node after = next.getNext();
                        next.unlink();
                        next = after;
                    }
                }
            }
            node.unlink();
        }
    }

    /** Put a node's children in its place. */
    private static void unwrap(Node node) {
        Node child = node.getFirstChild();
        while (child != null) {
            Node next = child.getNext();
            node.insertBefore(child);
            child = next;
        }
        node.unlink();
    }

    private static boolean allowed(String destination, boolean image) {
        String d = destination == null ? "" : destination.strip().toLowerCase(Locale.ROOT);
        return d.startsWith("https://") || !image && (d.startsWith("http://") || d.startsWith("mailto:"));
    }
}
