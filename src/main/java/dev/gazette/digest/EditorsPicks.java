package dev.gazette.digest;

import dev.gazette.item.Item;
import dev.gazette.item.PinnedItems;
import java.time.Instant;
import java.util.List;

/** What the editors add to a digest with a given window: their notes and the items they featured in it. */
public interface EditorsPicks {
    /** No notes, nothing featured. */
    EditorsPicks NONE = new EditorsPicks() {
        @Override
        public List<EditorNote> notes(Instant from, Instant to) {
            return List.of();
        }

        @Override
        public List<Item> featured(Instant from, Instant to) {
            return List.of();
        }
    };

    /** The notes written in {@code [from, to)} and not withdrawn, oldest first. */
    List<EditorNote> notes(Instant from, Instant to);

    /** The items pinned in {@code [from, to)} and still pinned, in the order they were pinned. */
    List<Item> featured(Instant from, Instant to);

    /** The notes and pins kept in the database. */
    static EditorsPicks of(EditorNotes notes, PinnedItems pins) {
        return new EditorsPicks() {
            @Override
            public List<EditorNote> notes(Instant from, Instant to) {
                return notes.writtenIn(from, to);
            }

            @Override
            public List<Item> featured(Instant from, Instant to) {
                return pins.pinnedIn(from, to);
            }
        };
    }
}
