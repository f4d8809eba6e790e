package dev.gazette.digest;

/** Interim: replaced by the digest feature's own record. */
public record DigestLinks(String preferencesUrl, String unsubscribeUrl, String viewInBrowserUrl) {}
