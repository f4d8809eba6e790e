package dev.gazette.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.IMessageResolver;

/**
 * The texts of the web pages, by language: {@code web/messages.properties} (English, the fallback) and
 * {@code web/messages_ko.properties} (Korean), read as UTF-8, keys grouped by feature ({@code common.*},
 * {@code reader.*}, {@code admin.*}). A key missing in a language falls back to English; a key missing in
 * English shows as {@code ??key??} so a test can find it.
 */
final class WebMessages implements IMessageResolver {
    /** The languages the pages are written in; any other falls back to English. */
    static final java.util.List<String> LANGUAGES = java.util.List.of("en", "ko");

    private final Map<String, Properties> byLanguage = new ConcurrentHashMap<>();

    @Override
    public String getName() {
        return "gazette-web";
    }

    @Override
    public Integer getOrder() {
        return 0;
    }

    @Override
    public String resolveMessage(ITemplateContext context, Class<?> origin, String key, Object[] parameters) {
        return text(context.getLocale(), key, parameters);
    }

    /** A message in the language of {@code locale} (or English), formatted with its parameters. */
    String text(Locale locale, String key, Object... parameters) {
        String pattern = messages(language(locale)).getProperty(key, messages("en").getProperty(key));
        if (pattern == null) {
            return null;
        }
        return parameters == null || parameters.length == 0 ? pattern : new MessageFormat(pattern, locale).format(parameters);
    }

    @Override
    public String createAbsentMessageRepresentation(ITemplateContext context, Class<?> origin, String key,
            Object[] parameters) {
        return "??" + key + "??";
    }

    static String language(Locale locale) {
        return locale != null && LANGUAGES.contains(locale.getLanguage()) ? locale.getLanguage() : "en";
    }

    private Properties messages(String language) {
        return byLanguage.computeIfAbsent(language, lang -> {
            String name = "web/messages" + (lang.equals("en") ? "" : "_" + lang) + ".properties";
            Properties properties = new Properties();
            try (InputStream in = WebMessages.class.getClassLoader().getResourceAsStream(name)) {
                if (in != null) {
                    properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + name, e);
            }
            return properties;
        });
    }
}
