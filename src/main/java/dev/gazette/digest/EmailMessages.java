package dev.gazette.digest;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.AbstractMessageResolver;

/**
 * The texts of emails, by locale, for templates ({@code #{key}}) and for Java (subjects): {@code messages.properties}
 * (English, the fallback) and {@code messages_<language>.properties} beside it, read as UTF-8. Each file is read
 * from the templates folder when it is there, else from the copy bundled with Gazette; a key missing from the
 * folder's file is taken from the bundled file of the same name, so an edited copy from an older release keeps
 * working. A locale is looked up like a resource bundle ({@code ko_KR}, then {@code ko}, then the English base).
 *
 * <p>A message given arguments is formatted with {@link MessageFormat} (write an apostrophe as {@code ''} there);
 * one without arguments is used as written. An unknown key is an error, not a {@code ??key??} in a sent email.
 */
final class EmailMessages extends AbstractMessageResolver {
    /** The language of {@code messages.properties}. */
    static final Locale BASE = Locale.ENGLISH;

    private final Path folder;
    private final String bundled;
    private final Map<String, List<MessageFile>> files = new ConcurrentHashMap<>();

    /** A message file as read: its keys and where it came from. */
    private record MessageFile(String place, Properties keys) {}

    /**
     * @param folder the templates folder a user edits (may not exist)
     * @param bundled the classpath folder of the bundled copies, ending in "/"
     */
    EmailMessages(Path folder, String bundled) {
        this.folder = folder;
        this.bundled = bundled;
        setName("gazette-email-messages");
        setOrder(1);
    }

    /** The locale texts and dates are written in for a reader of {@code requested}: theirs, when a file has their language, else English. */
    Locale supported(Locale requested) {
        if (requested == null || requested.getLanguage().isEmpty()) {
            return BASE;
        }
        if (requested.getLanguage().equals(BASE.getLanguage())) {
            return requested;
        }
        return filesOf("_" + requested.getLanguage()).isEmpty() ? BASE : requested;
    }

    /** A message in that locale, formatted with the arguments; an unknown key is an error. */
    String message(Locale locale, String key, Object... arguments) {
        return find(locale, key, arguments).orElseThrow(() -> new DigestTemplateException(
                "unknown message key '" + key + "' for locale " + locale.toLanguageTag() + " (looked in "
                        + String.join(", ", places(locale)) + ")"));
    }

    @Override
    public String resolveMessage(ITemplateContext context, Class<?> origin, String key, Object[] arguments) {
        return find(context.getLocale(), key, arguments).orElse(null);
    }

    @Override
    public String createAbsentMessageRepresentation(ITemplateContext context, Class<?> origin, String key,
            Object[] arguments) {
        throw new DigestTemplateException("unknown message key '" + key + "' for locale "
                + context.getLocale().toLanguageTag() + " (looked in " + String.join(", ", places(context.getLocale()))
                + ")");
    }

    /** The file a message comes from for that locale (for errors about its text); "" for an unknown key. */
    String placeOf(Locale locale, String key) {
        return fileOf(locale, key).map(MessageFile::place).orElse("");
    }

    private Optional<String> find(Locale locale, String key, Object[] arguments) {
        return fileOf(locale, key).map(file -> format(file, key, file.keys().getProperty(key), locale, arguments));
    }

    private Optional<MessageFile> fileOf(Locale locale, String key) {
        for (String suffix : suffixes(locale)) {
            for (MessageFile file : filesOf(suffix)) {
                if (file.keys().getProperty(key) != null) {
                    return Optional.of(file);
                }
            }
        }
        return Optional.empty();
    }

    private static String format(MessageFile file, String key, String message, Locale locale, Object[] arguments) {
        if (arguments == null || arguments.length == 0) {
            return message;
        }
        try {
            return new MessageFormat(message, locale).format(arguments);
        } catch (IllegalArgumentException e) {
            throw new DigestTemplateException(file.place() + ": message '" + key + "' is not a valid message format: "
                    + e.getMessage(), e);
        }
    }

    private List<String> places(Locale locale) {
        List<String> places = new ArrayList<>();
        for (String suffix : suffixes(locale)) {
            filesOf(suffix).forEach(f -> places.add(f.place()));
        }
        return places;
    }

    /** {@code _ko_KR}, {@code _ko}, then the base ({@code ""}). */
    private static List<String> suffixes(Locale locale) {
        List<String> suffixes = new ArrayList<>();
        String language = locale.getLanguage();
        if (!language.isEmpty()) {
            if (!locale.getCountry().isEmpty()) {
                if (!locale.getVariant().isEmpty()) {
                    suffixes.add("_" + language + "_" + locale.getCountry() + "_" + locale.getVariant());
                }
                suffixes.add("_" + language + "_" + locale.getCountry());
            }
            suffixes.add("_" + language);
        }
        suffixes.add("");
        return suffixes;
    }

    /** The folder's file, then the bundled one, of one name; empty when neither exists. */
    private List<MessageFile> filesOf(String suffix) {
        return files.computeIfAbsent(suffix, s -> {
            String name = "messages" + s + ".properties";
            List<MessageFile> found = new ArrayList<>();
            Path own = folder.resolve(name);
            if (Files.isRegularFile(own)) {
                try {
                    found.add(new MessageFile(own.toString(), parse(own.toString(), Files.readAllBytes(own))));
                } catch (IOException e) {
                    throw new DigestTemplateException(own + ": cannot read: " + e.getMessage(), e);
                }
            }
            String resource = bundled + name;
            try (InputStream in = EmailMessages.class.getClassLoader().getResourceAsStream(resource)) {
                if (in != null) {
                    found.add(new MessageFile("bundled " + resource, parse(resource, in.readAllBytes())));
                }
            } catch (IOException e) {
                throw new DigestTemplateException("bundled " + resource + ": cannot read: " + e.getMessage(), e);
            }
            return List.copyOf(found);
        });
    }

    /** Properties in UTF-8 (not ISO-8859-1, which would garble Korean); invalid UTF-8 is an error. */
    private static Properties parse(String place, byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new DigestTemplateException(place + ": not valid UTF-8 (save it as UTF-8)", e);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw new DigestTemplateException(place + ": " + e.getMessage(), e);
        }
        return properties;
    }
}
