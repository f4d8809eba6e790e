package dev.gazette.web.admin;

import dev.gazette.Gazette;
import dev.gazette.subscriber.csv.ImportReport;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Import a subscriber CSV file from the browser: the same importer and the same report as
 * {@code gazette subscribers import} (the good rows are stored, each bad row is listed with its line and reason).
 */
final class SubscriberImportPage {
    /** The largest file accepted: about 50,000 subscribers. */
    static final int MAX_BYTES = 5 * 1024 * 1024;

    private final Gazette gazette;
    private final AdminPages admin;

    SubscriberImportPage(Gazette gazette, AdminPages admin) {
        this.gazette = gazette;
        this.admin = admin;
    }

    void register(Javalin app) {
        app.get("/admin/subscribers/import", ctx -> admin.render(ctx, "admin/import", Map.of()));
        app.post("/admin/subscribers/import", this::upload);
    }

    private void upload(Context ctx) throws IOException {
        admin.verify(ctx);
        UploadedFile file = ctx.uploadedFile("file");
        if (file == null || file.size() == 0) {
            admin.render(ctx, 400, "admin/import", Map.of("problem", admin.text(ctx, "admin.import.noFile")));
            return;
        }
        String name = file.filename() == null || file.filename().isBlank() ? "upload.csv" : file.filename();
        if (file.size() > MAX_BYTES) {
            admin.render(ctx, 400, "admin/import", Map.of("problem",
                    admin.text(ctx, "admin.import.tooLarge", name, MAX_BYTES / (1024 * 1024))));
            return;
        }
        byte[] bytes;
        try (InputStream in = file.content()) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            admin.render(ctx, 400, "admin/import", Map.of("problem", admin.text(ctx, "admin.import.notUtf8", name)));
            return;
        }
        ImportReport report = gazette.subscriberImporter().importReader(new StringReader(text), name);
        admin.audit(ctx, "subscribers.import", name, report.summary());
        Map<String, Object> vars = new HashMap<>();
        vars.put("report", report);
        admin.render(ctx, report.failed() ? 400 : 200, "admin/import", vars);
    }
}
