package dev.gazette.digest;

/**
 * One email about a subscription (a confirmation, or a note to an address that is on the list already), ready to
 * be put into a message.
 *
 * @param subject one line, in the reader's language
 * @param preheader the preview text mail clients show after the subject
 * @param html the HTML body
 * @param text the plain-text alternative, links written out
 */
public record RenderedNotice(String subject, String preheader, String html, String text) {}
