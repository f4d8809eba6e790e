package dev.gazette.web.admin;

import dev.gazette.Gazette;
import dev.gazette.GazetteException;
import dev.gazette.digest.EditorNote;
import dev.gazette.digest.EditorNotes;
import dev.gazette.digest.NoteMarkdown;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.HashMap;
import java.util.Map;

/**
 * Editor's notes in the console ({@code /admin/notes}): write a note in Markdown, preview it as the digests will show
 * it (rendered and sanitised by {@link NoteMarkdown}: the only HTML these pages print unescaped), save it for each
 * subscriber's next digest, and withdraw a note before it goes out.
 */
final class NotePages {
    /** How many notes the page lists. */
    static final int LIMIT = 50;

    private final Gazette gazette;
    private final AdminPages admin;

    NotePages(Gazette gazette, AdminPages admin) {
        this.gazette = gazette;
        this.admin = admin;
    }

    void register(Javalin app) {
        app.get("/admin/notes", ctx -> render(ctx, 200, "", null, null));
        app.post("/admin/notes", this::write);
        app.post("/admin/notes/{id}/withdraw", this::withdraw);
    }

    private void write(Context ctx) {
        admin.verify(ctx);
        String markdown = ctx.formParam("markdown") == null ? "" : ctx.formParam("markdown");
        if ("preview".equals(ctx.formParam("action"))) {
            if (markdown.length() > EditorNotes.MAX_LENGTH) {
                render(ctx, 400, markdown, null, admin.text(ctx, "admin.notes.tooLong", markdown.length(),
                        EditorNotes.MAX_LENGTH));
                return;
            }
            render(ctx, 200, markdown, NoteMarkdown.render(markdown), null);
            return;
        }
        EditorNote note;
        try {
            note = gazette.editorNotes().write(markdown, admin.actor(ctx));
        } catch (GazetteException e) {
            render(ctx, 400, markdown, null, e.getMessage());
            return;
        }
        admin.audit(ctx, "note.write", "note " + note.id(), excerpt(note.markdown()));
        admin.redirect(ctx, "/admin/notes", "note.saved", note.id());
    }

    private void withdraw(Context ctx) {
        admin.verify(ctx);
        EditorNote note;
        try {
            note = gazette.editorNotes().find(Long.parseLong(ctx.pathParam("id")))
                    .orElseThrow(() -> new NotFoundResponse("no such note"));
        } catch (NumberFormatException e) {
            throw new NotFoundResponse("no such note");
        }
        if (gazette.editorNotes().withdraw(note.id(), admin.actor(ctx))) {
            admin.audit(ctx, "note.withdraw", "note " + note.id(), excerpt(note.markdown()));
        }
        admin.redirect(ctx, "/admin/notes", "note.withdrawn", note.id());
    }

    private void render(Context ctx, int status, String markdown, NoteMarkdown.Rendered preview, String problem) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("markdown", markdown);
        vars.put("preview", preview);
        vars.put("problem", problem);
        vars.put("notes", gazette.editorNotes().list(LIMIT));
        vars.put("maxLength", EditorNotes.MAX_LENGTH);
        admin.render(ctx, status, "admin/notes", vars);
    }

    /** The note's first line, shortened, for the audit log. */
    static String excerpt(String markdown) {
        String first = markdown.strip().lines().findFirst().orElse("");
        return first.length() > 80 ? first.substring(0, 77) + "..." : first;
    }
}
