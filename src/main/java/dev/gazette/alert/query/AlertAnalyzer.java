package dev.gazette.alert.query;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.ko.KoreanPartOfSpeechStopFilter;
import org.apache.lucene.analysis.ko.KoreanTokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;

/**
 * The analysis alerts use, for items and queries alike: the text fields (title, summary, location) go through
 * nori (Korean morphological analysis, compounds split into their parts, particles and punctuation dropped),
 * then lower case and accent folding; the filter fields (topic, source, kind) are one lower-cased keyword.
 */
final class AlertAnalyzer {

    private AlertAnalyzer() {
    }

    /** A new per-field analyzer (analyzers are thread-safe; share one per engine). */
    static Analyzer create() {
        Analyzer keyword = new KeywordLowerCase();
        return new PerFieldAnalyzerWrapper(new Text(), Map.of(
                ItemFields.TOPIC, keyword,
                ItemFields.SOURCE, keyword,
                ItemFields.KIND, keyword));
    }

    /** nori, DISCARD decompounding (바이오산업 → 바이오 + 산업), then lower case and ASCII folding. */
    static final class Text extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer = new KoreanTokenizer(TokenStream.DEFAULT_TOKEN_ATTRIBUTE_FACTORY, null,
                    KoreanTokenizer.DecompoundMode.DISCARD, false);
            TokenStream stream = new KoreanPartOfSpeechStopFilter(tokenizer);
            stream = new LowerCaseFilter(stream);
            stream = new ASCIIFoldingFilter(stream);
            return new TokenStreamComponents(tokenizer, stream);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new ASCIIFoldingFilter(new LowerCaseFilter(in));
        }
    }

    /** The whole value as one token, lower-cased. */
    static final class KeywordLowerCase extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer = new KeywordTokenizer();
            return new TokenStreamComponents(tokenizer, new LowerCaseFilter(tokenizer));
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new LowerCaseFilter(in);
        }
    }

}
