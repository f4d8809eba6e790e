package dev.gazette.web;

import io.javalin.http.Context;
import java.util.Locale;
import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The web pages: Thymeleaf templates bundled under {@code web/} (email templates live apart, in templates/),
 * one shared layout ({@code web/layout.html}), texts from {@link WebMessages}. Every value is escaped
 * ({@code th:text}); pages never use {@code th:utext} except for HTML Gazette produced and sanitised itself.
 */
public final class WebTemplates {
    /** The cookie that remembers a reader's chosen language. */
    static final String LANGUAGE_COOKIE = "gazette_lang";
    /**
     * A request attribute naming the language of the person a page is for (a subscriber's own, on the pages their
     * links open), used when neither {@code ?lang=} nor the cookie chose one; set it before rendering.
     */
    public static final String PREFERRED_LANGUAGE = "gazette.preferredLanguage";

    private final TemplateEngine engine;
    private final WebMessages messages = new WebMessages();

    public WebTemplates() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("web/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setMessageResolver(messages);
    }

    /** Render a page (e.g. {@code reader/subscribe}) in the request's language as the response, with status 200. */
    public void render(Context ctx, String template, Map<String, Object> variables) {
        render(ctx, 200, template, variables);
    }

    public void render(Context ctx, int status, String template, Map<String, Object> variables) {
        Locale locale = locale(ctx);
        var page = new org.thymeleaf.context.Context(locale);
        page.setVariables(variables);
        page.setVariable("lang", locale.getLanguage());
        page.setVariable("path", ctx.path());
        ctx.status(status).contentType("text/html; charset=utf-8").result(engine.process(template, page));
    }

    /** A text in the request's language. */
    public String text(Context ctx, String key, Object... parameters) {
        String text = messages.text(locale(ctx), key, parameters);
        return text == null ? "??" + key + "??" : text;
    }

    /**
     * The language of the request: {@code ?lang=} (remembered in a cookie), else the cookie, else the language the
     * page asks for ({@link #PREFERRED_LANGUAGE}), else the browser's Accept-Language, among English and Korean;
     * English otherwise.
     */
    public Locale locale(Context ctx) {
        String chosen = ctx.queryParam("lang");
        if (chosen != null && WebMessages.LANGUAGES.contains(chosen)) {
            ctx.cookie(LANGUAGE_COOKIE, chosen, 365 * 24 * 3600);
            return Locale.forLanguageTag(chosen);
        }
        String remembered = ctx.cookie(LANGUAGE_COOKIE);
        if (remembered != null && WebMessages.LANGUAGES.contains(remembered)) {
            return Locale.forLanguageTag(remembered);
        }
        String preferred = ctx.attribute(PREFERRED_LANGUAGE);
        if (preferred != null && WebMessages.LANGUAGES.contains(preferred)) {
            return Locale.forLanguageTag(preferred);
        }
        String accept = ctx.header("Accept-Language");
        if (accept != null) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(accept)) {
                    String language = range.getRange().split("-")[0];
                    if (WebMessages.LANGUAGES.contains(language)) {
                        return Locale.forLanguageTag(language);
                    }
                }
            } catch (IllegalArgumentException ignored) {
                // a malformed header: English
            }
        }
        return Locale.ENGLISH;
    }

    /** The engine, for pages rendered outside a request (tests). */
    TemplateEngine engine() {
        return engine;
    }
}
