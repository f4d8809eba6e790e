package dev.gazette.source.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gazette.source.SourceException;
import org.junit.jupiter.api.Test;

/** The first line of defence, before any XML parser runs. */
class XmlPrologTest {

    @Test
    void findsTheRootElementAfterDeclarationCommentsAndProcessingInstructions() {
        assertThat(XmlProlog.rootElement("<?xml version=\"1.0\"?>\n<!-- a <!DOCTYPE in a comment is fine -->\n"
                + "<?xml-stylesheet href=\"s.xsl\"?>\n<rdf:RDF xmlns:rdf=\"x\"/>")).isEqualTo("rdf:RDF");
        assertThat(XmlProlog.rootElement("\uFEFF  <rss version=\"2.0\"/>")).isEqualTo("rss");
    }

    @Test
    void refusesDoctypesWithoutAnyParser() {
        assertThatThrownBy(() -> XmlProlog.rootElement("<?xml version=\"1.0\"?>\n\n<!DOCTYPE rss SYSTEM \"file:///etc/passwd\"><rss/>"))
                .isInstanceOf(SourceException.class)
                .hasMessageStartingWith("DOCTYPE declaration at line 3 refused");
        // an internal subset behind an "html" name is still a DOCTYPE with entities
        assertThatThrownBy(() -> XmlProlog.rootElement("<!DOCTYPE html [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><html>&x;</html>"))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void anHtmlDoctypeIsReportedAsAWebPage() {
        assertThatThrownBy(() -> XmlProlog.rootElement("<!doctype html>\n<html lang=\"en\"><body></body></html>"))
                .isInstanceOf(SourceException.class)
                .hasMessageStartingWith("not an RSS or Atom feed (root element <html>)");
    }
}
