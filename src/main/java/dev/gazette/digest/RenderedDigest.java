package dev.gazette.digest;

/**
 * One recipient's digest email, ready to be put into a message.
 *
 * @param subject one line (no line breaks), in the reader's language
 * @param preheader the preview text mail clients show after the subject (also hidden at the top of the HTML)
 * @param html the HTML body
 * @param text the plain-text alternative, links written out
 * @param articleCount the new articles in it, shown or counted as "more"
 * @param eventCount the upcoming events in it, shown or counted as "more"
 */
public record RenderedDigest(String subject, String preheader, String html, String text, int articleCount,
        int eventCount) {}
