package dev.gazette.web.api;

import dev.gazette.admin.ApiToken;
import dev.gazette.admin.AuditLog;

/**
 * Who makes an API request: the token it carried. Its actor name ({@code token:NAME}) goes into the audit log and
 * onto what the request creates (a send, a note, a source).
 */
record ApiCall(ApiToken token, AuditLog audit) {

    /** The actor of this request's audit entries and of what it creates: {@code token:NAME}. */
    String actor() {
        return AuditLog.tokenActor(token);
    }

    /** Record what this request did. */
    void record(String action, String target, String detail) {
        audit.record(actor(), action, target, detail);
    }
}
