package dev.gazette.digest;

import dev.gazette.GazetteException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Editor's notes for the next edition. A note goes into each subscriber's next digest, the one whose window
 * contains the moment it was written, so each subscriber sees it once, whenever their digest goes out; a note
 * withdrawn before then is not shown. A revision keeps the note's moment (subscribers who had it do not get it
 * again).
 */
public final class EditorNotes {
    /** The longest note, in characters of Markdown. */
    public static final int MAX_LENGTH = 20_000;
    private static final int MAX_BY = 200;

    private final Jdbi jdbi;
    private final Clock clock;

    public EditorNotes(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /**
     * Write a note for the next edition.
     *
     * @param markdown CommonMark; raw HTML in it is dropped when rendered (see {@link NoteMarkdown})
     * @param by who writes it (an admin's name)
     * @throws GazetteException for an empty or too long note, or no name
     */
    public EditorNote write(String markdown, String by) {
        String text = requireMarkdown(markdown);
        String who = requireBy(by);
        long id = jdbi.withExtension(EditorNoteDao.class, dao -> dao.insert(text, who, clock.instant()));
        return find(id).orElseThrow();
    }

    /**
     * Change a note's text; it keeps its moment, so it still goes only to the digests that had not had it.
     *
     * @throws GazetteException if there is no such note, it was withdrawn, or the text is empty or too long
     */
    public EditorNote revise(long id, String markdown, String by) {
        String text = requireMarkdown(markdown);
        requireBy(by);
        if (jdbi.withExtension(EditorNoteDao.class, dao -> dao.revise(id, text, clock.instant())) == 0) {
            throw new GazetteException(find(id).isPresent() ? "note " + id + " was withdrawn: write a new one"
                    : "there is no note " + id);
        }
        return find(id).orElseThrow();
    }

    /** Withdraw a note: no digest composed from now on shows it. False if there is no such note or it was withdrawn. */
    public boolean withdraw(long id, String by) {
        String who = requireBy(by);
        return jdbi.withExtension(EditorNoteDao.class, dao -> dao.withdraw(id, who, clock.instant())) == 1;
    }

    public Optional<EditorNote> find(long id) {
        return jdbi.withExtension(EditorNoteDao.class, dao -> dao.find(id));
    }

    /** The latest notes, withdrawn ones too, newest first. */
    public List<EditorNote> list(int limit) {
        return jdbi.withExtension(EditorNoteDao.class, dao -> dao.list(limit));
    }

    /** The notes written in {@code [from, to)} and not withdrawn, oldest first: those of a digest with that window. */
    public List<EditorNote> writtenIn(Instant from, Instant to) {
        if (!from.isBefore(to)) {
            return List.of();
        }
        return jdbi.withExtension(EditorNoteDao.class, dao -> dao.writtenIn(from, to));
    }

    private static String requireMarkdown(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            throw new GazetteException("the note is empty");
        }
        if (markdown.length() > MAX_LENGTH) {
            throw new GazetteException("the note is " + markdown.length() + " characters long; at most " + MAX_LENGTH);
        }
        return markdown.strip();
    }

    private static String requireBy(String by) {
        if (by == null || by.isBlank() || by.length() > MAX_BY) {
            throw new GazetteException("say who does it: a name of 1 to " + MAX_BY + " characters");
        }
        return by.strip();
    }
}
