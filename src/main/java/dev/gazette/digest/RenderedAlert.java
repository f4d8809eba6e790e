package dev.gazette.digest;

/**
 * One recipient's alert email, ready to be put into a message.
 *
 * @param subject one line, in the reader's language
 * @param preheader the preview text mail clients show after the subject
 * @param itemCount the matched items it reports, shown or counted as "more"
 */
public record RenderedAlert(String subject, String preheader, String html, String text, int itemCount) {}
