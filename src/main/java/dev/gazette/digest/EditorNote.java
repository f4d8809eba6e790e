package dev.gazette.digest;

import java.time.Instant;

/**
 * A note from the editors, in Markdown, for the next edition: each subscriber's next digest (the one whose window
 * contains {@code createdAt}) shows it at the top, once.
 *
 * @param markdown as written (CommonMark); {@link NoteMarkdown} renders it safely
 * @param createdBy who wrote it (an admin's name)
 * @param updatedAt when it was last revised (its creation, if never)
 * @param withdrawnAt when it was withdrawn (shown no more), or null
 * @param withdrawnBy who withdrew it, or null
 */
public record EditorNote(long id, String markdown, String createdBy, Instant createdAt, Instant updatedAt,
        Instant withdrawnAt, String withdrawnBy) {

    public boolean withdrawn() {
        return withdrawnAt != null;
    }

    /** The note as sanitised HTML and plain text. */
    public NoteMarkdown.Rendered rendered() {
        return NoteMarkdown.render(markdown);
    }
}
