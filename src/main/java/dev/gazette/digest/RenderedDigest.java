package dev.gazette.digest;

/** Interim: replaced by the digest feature's own record. */
public record RenderedDigest(String subject, String preheader, String html, String text, int articleCount, int eventCount) {}
