package dev.gazette.web.reader;

import dev.gazette.Gazette;
import dev.gazette.digest.RenderedDigest;
import io.javalin.Javalin;
import io.javalin.http.Context;

/**
 * "View in browser": a sent digest, from the signed link at its top (the token names the delivery and carries its
 * subscriber's token version, so revoking their links revokes these too). The digest is composed again from the
 * delivery's window: the same articles, with the subscriber's topics, zone and language as they are now and the
 * upcoming events as of now. Its HTML is Gazette's own, every feed and subscriber value escaped by the templates,
 * and is served as it is, under a policy that lets it run no script and load nothing but images.
 *
 * <p>A test send (an admin's preview of a subscriber's digest sent to another address) can be viewed too: whoever
 * holds its link received that very email, links included. Confirmations and notices have no web copy (404).
 */
final class ViewPage {
    private static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final Gazette gazette;
    private final SignedLinks links;

    ViewPage(Gazette gazette, SignedLinks links) {
        this.gazette = gazette;
        this.links = links;
    }

    void register(Javalin app) {
        app.get("/view/{token}", this::view);
    }

    private void view(Context ctx) {
        SignedLinks.Viewed viewed = links.delivery(ctx);
        RenderedDigest digest = gazette.digests().render(viewed.subscriber(), viewed.delivery());
        ctx.header("Content-Security-Policy", POLICY);
        ctx.contentType("text/html; charset=utf-8").result(digest.html());
    }
}
