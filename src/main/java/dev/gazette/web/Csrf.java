package dev.gazette.web;

import dev.gazette.subscriber.LinkTokens;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.SameSite;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Protection of every form against cross-site request forgery, with or without a log-in: a random value in a
 * strict same-site, HTTP-only cookie, and in each form a hidden field {@value #FIELD} holding that value's
 * HMAC under the installation's secret. A POST is accepted only when the field matches the cookie; a page on
 * another site can neither read the cookie nor forge the field. Requests a browser marks as cross-site
 * ({@code Sec-Fetch-Site: cross-site}) are refused outright.
 *
 * <p>The RFC 8058 one-click unsubscribe POST is deliberately not protected this way: mail providers send it
 * without cookies, and the signed token in its URL is its authority.
 */
public final class Csrf {
    /** The hidden form field. */
    public static final String FIELD = "_csrf";
    static final String COOKIE = "gazette_csrf";
    private static final String PURPOSE = "csrf";

    private final LinkTokens tokens;
    private final boolean secureCookies;
    private final SecureRandom random = new SecureRandom();

    /** @param secureCookies mark the cookie Secure (when Gazette is reached over https) */
    public Csrf(LinkTokens tokens, boolean secureCookies) {
        this.tokens = tokens;
        this.secureCookies = secureCookies;
    }

    /** The value for this browser's forms (sets the cookie on first use); put it in {@value #FIELD}. */
    public String token(Context ctx) {
        String value = ctx.attribute(COOKIE) != null ? ctx.attribute(COOKIE) : ctx.cookie(COOKIE);
        if (value == null || value.length() < 20) {
            byte[] bytes = new byte[24];
            random.nextBytes(bytes);
            value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            Cookie cookie = new Cookie(COOKIE, value);
            cookie.setHttpOnly(true);
            cookie.setSecure(secureCookies);
            cookie.setPath("/");
            cookie.setSameSite(SameSite.STRICT);
            ctx.cookie(cookie);
            ctx.attribute(COOKIE, value);
        }
        return tokens.mac(PURPOSE, value);
    }

    /** Refuse the request (403) unless its form field matches its cookie. */
    public void verify(Context ctx) {
        if ("cross-site".equals(ctx.header("Sec-Fetch-Site"))) {
            throw new ForbiddenResponse("This form was sent from another site.");
        }
        String cookie = ctx.cookie(COOKIE);
        String field = ctx.formParam(FIELD);
        if (cookie == null || field == null || !MessageDigest.isEqual(
                tokens.mac(PURPOSE, cookie).getBytes(StandardCharsets.US_ASCII), field.getBytes(StandardCharsets.US_ASCII))) {
            throw new ForbiddenResponse("This form has expired or did not come from this site. Reload the page and try again.");
        }
    }
}
