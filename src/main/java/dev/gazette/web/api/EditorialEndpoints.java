package dev.gazette.web.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.gazette.Gazette;
import dev.gazette.GazetteException;
import dev.gazette.digest.EditorNote;
import dev.gazette.digest.EditorNotes;
import dev.gazette.item.ItemKind;
import dev.gazette.item.ItemQuery;
import dev.gazette.item.Pin;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * What editors add to the next edition: editor's notes (Markdown; write, revise, withdraw, list) and pinned items
 * (pin, unpin, list), with the collected items to choose from.
 */
final class EditorialEndpoints {
    private final Gazette gazette;

    /** A note with its Markdown rendered as the digests show it (sanitised HTML). */
    record NoteView(@JsonUnwrapped EditorNote note, String html) {
        static NoteView of(EditorNote note) {
            return new NoteView(note, note.rendered().html());
        }
    }

    EditorialEndpoints(Gazette gazette) {
        this.gazette = gazette;
    }

    void register(ApiRoutes api) {
        api.get("/items", this::items);
        api.get("/notes", (ctx, call) -> ctx.json(gazette.editorNotes().list(Params.limit(ctx, 20, 200)).stream()
                .map(NoteView::of).toList()));
        api.post("/notes", this::write);
        api.put("/notes/{id}", this::revise);
        api.post("/notes/{id}/withdraw", this::withdraw);
        api.get("/pins", (ctx, call) -> ctx.json(gazette.pinnedItems().current(Params.limit(ctx, 100, 500))));
        api.put("/pins/{itemId}", this::pin);
        api.delete("/pins/{itemId}", this::unpin);
    }

    private void items(Context ctx, ApiCall call) {
        String source = Params.text(ctx, "source");
        String topic = Params.text(ctx, "topic");
        ItemKind kind = Params.choice(ctx, "kind", ItemKind.class);
        ctx.json(gazette.items().list(new ItemQuery(source, topic, kind, since(ctx), Params.limit(ctx, 50, 1000))));
    }

    /** {@code since} as an instant or a date (midnight UTC); null when absent. */
    private static Instant since(Context ctx) {
        String since = Params.text(ctx, "since");
        if (since == null) {
            return null;
        }
        try {
            return since.length() == 10 ? LocalDate.parse(since).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(since);
        } catch (DateTimeParseException e) {
            throw ApiException.badField("since", "'" + since + "' is not a date (2026-11-01) or an instant "
                    + "(2026-11-01T08:00:00Z)");
        }
    }

    private void write(Context ctx, ApiCall call) {
        String markdown = markdown(JsonBody.read(ctx));
        EditorNote note = gazette.editorNotes().write(markdown, call.actor());
        call.record("note.write", "note " + note.id(), excerpt(note.markdown()));
        ctx.status(201).header("Location", ApiRoutes.PREFIX + "/notes/" + note.id());
        ctx.json(NoteView.of(note));
    }

    private void revise(Context ctx, ApiCall call) {
        EditorNote stored = note(ctx);
        String markdown = markdown(JsonBody.read(ctx));
        if (stored.withdrawn()) {
            throw ApiException.conflict("note " + stored.id() + " was withdrawn: write a new one");
        }
        EditorNote revised;
        try {
            revised = gazette.editorNotes().revise(stored.id(), markdown, call.actor());
        } catch (GazetteException e) {
            throw ApiException.conflict(e.getMessage()); // withdrawn meanwhile
        }
        call.record("note.revise", "note " + revised.id(), excerpt(revised.markdown()));
        ctx.json(NoteView.of(revised));
    }

    private void withdraw(Context ctx, ApiCall call) {
        EditorNote stored = note(ctx);
        JsonBody.readOptional(ctx).finish();
        if (gazette.editorNotes().withdraw(stored.id(), call.actor())) {
            call.record("note.withdraw", "note " + stored.id(), excerpt(stored.markdown()));
        }
        ctx.json(NoteView.of(gazette.editorNotes().find(stored.id()).orElseThrow()));
    }

    private void pin(Context ctx, ApiCall call) {
        long itemId = Params.id(ctx, "itemId", "item");
        JsonBody.readOptional(ctx).finish();
        boolean pinnedBefore = gazette.pinnedItems().current(Integer.MAX_VALUE).stream()
                .anyMatch(p -> p.item().id() == itemId);
        Pin pin;
        try {
            pin = gazette.pinnedItems().pin(itemId, call.actor());
        } catch (GazetteException e) {
            throw ApiException.notFound(e.getMessage());
        }
        if (!pinnedBefore) {
            call.record("item.pin", "item " + itemId, pin.item().title());
        }
        ctx.json(pin);
    }

    private void unpin(Context ctx, ApiCall call) {
        long itemId = Params.id(ctx, "itemId", "item");
        if (!gazette.pinnedItems().unpin(itemId, call.actor())) {
            throw ApiException.notFound("item " + itemId + " is not pinned");
        }
        call.record("item.unpin", "item " + itemId, null);
        ctx.status(204);
    }

    private static String markdown(JsonBody body) {
        String markdown = body.requiredString("markdown");
        if (markdown != null && markdown.isBlank()) {
            body.problem("markdown", "is empty");
        } else if (markdown != null && markdown.length() > EditorNotes.MAX_LENGTH) {
            body.problem("markdown", "is " + markdown.length() + " characters long; at most " + EditorNotes.MAX_LENGTH);
        }
        body.finish();
        return markdown;
    }

    private EditorNote note(Context ctx) {
        long id = Params.id(ctx, "id", "note");
        return gazette.editorNotes().find(id).orElseThrow(() -> ApiException.notFound("there is no note " + id));
    }

    private static String excerpt(String markdown) {
        String line = markdown.strip().lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 199) + "…" : line;
    }
}
