package dev.gazette.source.page;

import dev.gazette.config.PageSelectors;
import dev.gazette.config.SourceValidation;
import dev.gazette.item.ItemKind;
import dev.gazette.source.FetchedDocument;
import dev.gazette.source.ParsedItem;
import dev.gazette.source.SourceException;
import dev.gazette.source.fetch.FetchResult;
import dev.gazette.source.fetch.Fetcher;
import dev.gazette.source.fetch.Validators;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jsoup.nodes.Document;
import org.jsoup.select.Elements;
import org.jsoup.select.Evaluator;

/**
 * Tries a page's selectors before they are saved: fetches the page (http or https only: a page the console names
 * is never one of the server's own files) and reports what collection would extract, the first items as they would
 * be stored, and each selector that fails or finds nothing. Nothing is stored.
 */
public final class SelectorTester {
    /** The most items a test shows. */
    public static final int MAX_ITEMS = 50;

    private final Fetcher fetcher;

    public SelectorTester(Fetcher fetcher) {
        this.fetcher = fetcher;
    }

    /**
     * @param url the page's address (http or https)
     * @param selectors the selectors to try; blank ones are left out, as in the configuration
     * @param limit how many items to show (at most {@link #MAX_ITEMS})
     */
    public SelectorTestResult test(String url, PageSelectors selectors, int limit) {
        int shown = Math.max(0, Math.min(limit, MAX_ITEMS));
        List<String> errors = new ArrayList<>();
        SourceValidation.checkUrl("url", url, SourceValidation.WEB_SCHEMES, (key, what) -> errors.add(key + ": " + what));
        PageParser parser = null;
        try {
            parser = new PageParser(Objects.requireNonNull(selectors, "selectors"));
        } catch (SourceException e) {
            errors.add(e.getMessage());
        }
        if (!errors.isEmpty()) {
            return new SelectorTestResult(url, 0, 0, List.of(), errors, List.of());
        }
        FetchedDocument document;
        try {
            FetchResult fetched = fetcher.fetch(URI.create(url.strip()), Validators.NONE);
            if (!(fetched instanceof FetchResult.Fetched full)) {
                throw new SourceException("the server answered 304 Not Modified to a plain request");
            }
            document = full.document();
        } catch (SourceException | IllegalArgumentException e) {
            return new SelectorTestResult(url, 0, 0, List.of(), List.of("could not fetch " + url + ": " + e.getMessage()),
                    List.of());
        }
        Elements elements;
        try {
            Document page = PageParser.load(document);
            elements = page.select(Selectors.required("item", selectors.item(), ""));
        } catch (SourceException e) {
            return new SelectorTestResult(url, 0, 0, List.of(), List.of(e.getMessage()), List.of());
        }
        List<ParsedItem> parsed = List.of();
        try {
            parsed = parser.parse(document);
        } catch (SourceException e) {
            errors.add(e.getMessage());
        }
        List<String> warnings = elements.isEmpty() ? List.of() : warnings(selectors, elements, parsed);
        List<SelectorTestResult.Preview> items = parsed.stream().limit(shown).map(SelectorTestResult.Preview::of)
                .toList();
        return new SelectorTestResult(url, elements.size(), parsed.size(), items, errors, warnings);
    }

    /** Each optional selector that matched nothing in any item, and a date selector whose dates cannot be read. */
    private static List<String> warnings(PageSelectors selectors, Elements elements, List<ParsedItem> parsed) {
        Map<String, String> optional = new LinkedHashMap<>();
        optional.put("link", selectors.link());
        optional.put("date", selectors.date());
        optional.put("summary", selectors.summary());
        if (selectors.itemKind() == ItemKind.EVENT) {
            optional.put("end", selectors.end());
            optional.put("location", selectors.location());
        }
        List<String> warnings = new ArrayList<>();
        String items = elements.size() == 1 ? "the 1 item" : "the " + elements.size() + " items";
        for (Map.Entry<String, String> selector : optional.entrySet()) {
            Evaluator evaluator = Selectors.optional(selector.getKey(), selector.getValue());
            if (evaluator == null) {
                continue;
            }
            boolean matched = elements.stream().anyMatch(e -> e.selectFirst(evaluator) != null);
            String example = elements.stream().map(e -> PageParser.valueOf(e, evaluator)).filter(Objects::nonNull)
                    .filter(v -> !v.isBlank()).findFirst().orElse("");
            if (!matched) {
                warnings.add(selector.getKey() + " selector '" + selector.getValue() + "' matched nothing in " + items);
            } else if (selector.getKey().equals("date") && !parsed.isEmpty()
                    && parsed.stream().allMatch(p -> p.publishedAt() == null)) {
                warnings.add("date selector '" + selector.getValue() + "' matched, but no date could be read from it "
                        + "(such as '" + example + "'): add date-formats for this page, e.g. 'MMM d, yyyy'");
            }
        }
        return warnings;
    }
}
