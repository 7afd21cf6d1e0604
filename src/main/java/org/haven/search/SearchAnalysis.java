package org.haven.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.miscellaneous.SetKeywordMarkerFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * How Haven's search reads text: English with stemming ("cravings" finds "craving"), dotted acronyms joined ("A.A."
 * is "aa"), and the recovery vocabulary kept whole (AA, NA, CA, SMART, HALT, MAT, MOUD, IOP are never stemmed or
 * dropped as stop words). Queries also read the synonyms in {@code search/synonyms.txt} (craving finds urge, relapse
 * finds slip); the index does not, so a change to the synonyms needs no rebuild.
 */
final class SearchAnalysis {

    /**
     * The version of the analysis the index was built with. An index built with another is rebuilt at start-up: the
     * same text must give the same terms when it is indexed and when it is searched for.
     */
    static final String VERSION = "1";

    /** Acronyms and names that must stay searchable as they are: never stemmed, never taken for stop words. */
    static final CharArraySet KEEP = new CharArraySet(java.util.List.of("aa", "na", "ca", "smart", "halt", "mat", "moud",
            "iop", "suboxone", "naloxone", "narcan", "sober"), false);

    private static final CharArraySet STOP = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;

    /** A dot between two letters, as in "A.A." (the tokenizer keeps such a word whole, with its inner dots). */
    private static final Pattern INNER_DOT = Pattern.compile("(?<=\\p{L})\\.(?=\\p{L})");

    private SearchAnalysis() {
    }

    /** The analyzer for the text fields of the index, per field: the spelling field is lower-cased only. */
    static Analyzer forIndex() {
        return perField(new Stemming(null));
    }

    /** The analyzer for queries: as the index's, plus synonyms. */
    static Analyzer forQueries() {
        return perField(new Stemming(SYNONYMS));
    }

    private static Analyzer perField(Analyzer text) {
        return new PerFieldAnalyzerWrapper(text, Map.of(PostIndex.SPELL, new Spelling()));
    }

    /** The words of the spelling field, as members typed them (lower-cased), so that suggestions are real words. */
    static final class Spelling extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new StandardTokenizer();
            return new TokenStreamComponents(source, new LowerCaseFilter(source));
        }
    }

    private static final class Stemming extends Analyzer {
        private final SynonymMap synonyms;

        Stemming(SynonymMap synonyms) {
            this.synonyms = synonyms;
        }

        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new StandardTokenizer();
            TokenStream stream = words(source);
            if (synonyms != null) {
                stream = new SynonymGraphFilter(stream, synonyms, true);
            }
            stream = new SetKeywordMarkerFilter(stream, KEEP);
            return new TokenStreamComponents(source, new PorterStemFilter(stream));
        }

        /** What a query's phrase and prefix parts go through when they are not analysed whole: lower case. */
        @Override
        protected TokenStream normalize(String field, TokenStream in) {
            return new LowerCaseFilter(in);
        }
    }

    /** What comes before synonyms and stemming: joined acronyms, no possessive 's, lower case, no stop words. */
    private static TokenStream words(Tokenizer source) {
        TokenStream stream = new PatternReplaceFilter(source, INNER_DOT, "", true);
        stream = new EnglishPossessiveFilter(stream);
        stream = new LowerCaseFilter(stream);
        return new StopFilter(stream, STOP);
    }

    private static final SynonymMap SYNONYMS = loadSynonyms();

    private static SynonymMap loadSynonyms() {
        // the synonyms' own words go through the same steps as a query's before the synonym filter sees them
        Analyzer entries = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, words(source));
            }
        };
        try (InputStream in = SearchAnalysis.class.getResourceAsStream("/search/synonyms.txt");
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            SolrSynonymParser parser = new SolrSynonymParser(true, true, entries);
            parser.parse(reader);
            return parser.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalStateException("search/synonyms.txt is malformed at line " + e.getErrorOffset(), e);
        }
    }
}
