package dev.gazette.topic;

import dev.gazette.config.TopicConfig;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Decides which topics an item belongs to. A topic matches when one of its include words or phrases
 * occurs in the title or summary and none of its exclude words does, or when one of the item's
 * categories equals the topic's name or slug.
 *
 * <p>Words match case-insensitively and on word boundaries, in any script: "TB" matches "TB care" but
 * not "TBD". Text is NFKC-normalised first, so full-width and composed forms match. In scripts
 * written without spaces between a word and its particles (Korean, Chinese, Japanese), a keyword
 * must start a word but may be followed by more letters: "바이오" matches "바이오산업은".
 *
 * <p>The topics may change while Gazette runs (keywords edited in the admin console): a matcher built on a
 * supplier asks it for the topics on every match and compiles them again when they changed.
 */
public final class TopicMatcher {
    private final Supplier<List<TopicConfig>> configs;
    private volatile Compiled compiled;

    private record Compiled(List<TopicConfig> from, List<CompiledTopic> topics) {}

    public TopicMatcher(List<TopicConfig> configs) {
        this(() -> configs);
    }

    /** @param configs the topics in force; it is called for every match, so it must be cheap (cached) */
    public TopicMatcher(Supplier<List<TopicConfig>> configs) {
        this.configs = configs;
    }

    /** @return the slugs of the matching topics, in configuration order */
    public List<String> match(String title, String text, List<String> categories) {
        String haystack = normalize(title) + "\n" + normalize(text);
        List<String> matched = new ArrayList<>();
        for (CompiledTopic topic : compiled()) {
            if (topic.matchesCategory(categories) || topic.matchesText(haystack)) {
                matched.add(topic.slug);
            }
        }
        return matched;
    }

    private List<CompiledTopic> compiled() {
        List<TopicConfig> current = configs.get();
        Compiled c = compiled;
        if (c == null || (c.from() != current && !c.from().equals(current))) {
            c = new Compiled(current, current.stream().map(CompiledTopic::new).toList());
            compiled = c;
        }
        return c.topics();
    }

    static String normalize(String text) {
        return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFKC);
    }

    private static final class CompiledTopic {
        private final String slug;
        private final String name;
        private final Pattern include;
        private final Pattern exclude;

        CompiledTopic(TopicConfig config) {
            this.slug = config.slug();
            this.name = config.name();
            this.include = anyOf(config.include());
            this.exclude = anyOf(config.exclude());
        }

        boolean matchesText(String text) {
            return include != null && include.matcher(text).find()
                    && (exclude == null || !exclude.matcher(text).find());
        }

        boolean matchesCategory(List<String> categories) {
            for (String category : categories) {
                String c = normalize(category).strip();
                if (c.equalsIgnoreCase(slug) || c.equalsIgnoreCase(name)) {
                    return true;
                }
            }
            return false;
        }

        private static Pattern anyOf(List<String> words) {
            if (words.isEmpty()) {
                return null;
            }
            List<String> alternatives = words.stream().map(CompiledTopic::wordPattern).toList();
            return Pattern.compile(String.join("|", alternatives),
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
        }

        private static String wordPattern(String word) {
            String w = normalize(word).strip();
            String[] parts = w.split("\\s+");
            StringBuilder body = new StringBuilder();
            for (int i = 0; i < parts.length; i++) {
                if (i > 0) {
                    body.append("\\s+");
                }
                body.append(Pattern.quote(parts[i].toLowerCase(Locale.ROOT)));
            }
            String start = startsWithWordChar(w) ? "(?<![\\p{L}\\p{N}_])" : "";
            String end = endsWithSpacelessScript(w) || !endsWithWordChar(w) ? "" : "(?![\\p{L}\\p{N}_])";
            return "(?:" + start + body + end + ")";
        }

        private static boolean startsWithWordChar(String w) {
            return Character.isLetterOrDigit(w.codePointAt(0));
        }

        private static boolean endsWithWordChar(String w) {
            return Character.isLetterOrDigit(w.codePointBefore(w.length()));
        }

        private static boolean endsWithSpacelessScript(String w) {
            Character.UnicodeScript script = Character.UnicodeScript.of(w.codePointBefore(w.length()));
            return script == Character.UnicodeScript.HANGUL || script == Character.UnicodeScript.HAN
                    || script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA;
        }
    }
}
