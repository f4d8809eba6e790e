package dev.gazette.source;

import java.util.List;

/** Reads the items out of a fetched document. One implementation per kind of source. */
public interface ItemParser {

    /**
     * @return the items, in document order
     * @throws SourceException when the document cannot be read, with a message that says where
     *     (line, selector) and why
     */
    List<ParsedItem> parse(FetchedDocument document);
}
