package org.haven.search;

import java.io.Closeable;
import java.io.IOException;
import java.text.BreakIterator;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFileNames;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.util.BytesRef;
import org.haven.discussion.PostFeed;

/**
 * Haven's Lucene index of visible posts: one document per post, keyed by its id, holding its words (the opening post
 * also its thread's title), its topic, date and helpful count; not the text itself, which is read from the
 * database for the page of results shown. The files keep the words' stems with their positions (for phrases), and
 * which posts hold each word as typed (for suggestions and prefixes), not stop words or punctuation. One long-lived
 * writer; searches go through a {@link SearcherManager}.
 *
 * <p>The commit's user data holds the change sequence number applied last (the mark) and the analysis version. The
 * index is a projection of the database: {@link #clear()} and applying every post again rebuilds it.
 */
final class PostIndex implements Closeable {

    static final String ID = "id";
    static final String THREAD = "thread";
    static final String TOPIC = "topic";
    static final String TITLE = "title";
    static final String BODY = "body";
    static final String SPELL = "spell";
    static final String CREATED = "created";
    static final String FEATURES = "features";
    static final String HELPFUL = "helpful";

    private static final String MARK = "mark";
    private static final String ANALYSIS = "analysis";
    private static final String DATABASE = "database";

    /** Results beyond this many are not ranked: page 100 of ten. */
    static final int MAX_RESULTS = 1000;

    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Analyzer queryAnalyzer = SearchAnalysis.forQueries();
    private final String database;
    private boolean created;
    private volatile long mark;

    private PostIndex(IndexWriter writer, String database) throws IOException {
        this.writer = writer;
        this.database = database;
        this.searchers = new SearcherManager(writer, null);
        Map<String, String> data = userData(writer);
        this.mark = Long.parseLong(data.getOrDefault(MARK, "0"));
    }

    /**
     * Opens the index in {@code directory}, or creates an empty one (mark 0, so that the caller builds it from the
     * database) when there is none, it cannot be read, it was built with another analysis, or from another database
     * than {@code database} (what {@code DatabaseMigration.installation()} answers).
     */
    static PostIndex open(Directory directory, String database) throws IOException {
        boolean usable = false;
        try {
            if (DirectoryReader.indexExists(directory)) {
                try (DirectoryReader reader = DirectoryReader.open(directory)) {
                    Map<String, String> data = reader.getIndexCommit().getUserData();
                    usable = SearchAnalysis.VERSION.equals(data.get(ANALYSIS)) && database.equals(data.get(DATABASE));
                }
            }
        } catch (IOException e) {
            usable = false; // a corrupt or half-written index is rebuilt, never served
        }
        if (!usable) {
            try (Lock lock = directory.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
                removeIndexFiles(directory); // never from under another writer
            }
        }
        // a purge rewrites every segment that holds a removed post, not only those with more than 10% removed
        TieredMergePolicy merges = new TieredMergePolicy();
        merges.setForceMergeDeletesPctAllowed(0);
        IndexWriterConfig config = new IndexWriterConfig(SearchAnalysis.forIndex())
                .setMergePolicy(merges)
                .setOpenMode(usable ? IndexWriterConfig.OpenMode.APPEND : IndexWriterConfig.OpenMode.CREATE);
        PostIndex index = new PostIndex(new IndexWriter(directory, config), database);
        if (!usable) {
            index.created = true;
            index.clear();
            index.writer.commit();
        }
        return index;
    }

    /** Deletes what Lucene wrote in the directory (and nothing else that may be there), to start again. */
    private static void removeIndexFiles(Directory directory) throws IOException {
        for (String file : directory.listAll()) {
            if (file.startsWith(IndexFileNames.SEGMENTS) || file.startsWith(IndexFileNames.PENDING_SEGMENTS)
                    || IndexFileNames.CODEC_FILE_PATTERN.matcher(file).matches()) {
                directory.deleteFile(file);
            }
        }
    }

    private static Map<String, String> userData(IndexWriter writer) {
        Map<String, String> data = new HashMap<>();
        Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
        if (live != null) {
            live.forEach(e -> data.put(e.getKey(), e.getValue()));
        }
        return data;
    }

    /** Whether {@link #open} found no index it could use and started an empty one. */
    boolean created() {
        return created;
    }

    /** The change sequence number of the last change applied: the next catch-up reads the changes after it. */
    long mark() {
        return mark;
    }

    /** Applies changes in their order: a searchable post is added or replaced, any other is removed. */
    void apply(List<PostFeed.Change> changes) throws IOException {
        for (PostFeed.Change change : changes) {
            Term id = new Term(ID, Long.toString(change.postId()));
            if (change.searchable()) {
                writer.updateDocument(id, document(change));
            } else {
                writer.deleteDocuments(id);
            }
            mark = change.changeSeq();
        }
        writeMark();
    }

    private void writeMark() {
        writer.setLiveCommitData(Map.of(MARK, Long.toString(mark), ANALYSIS, SearchAnalysis.VERSION, DATABASE, database)
                .entrySet());
    }

    /**
     * The spelling field (words as typed, for suggestions and prefixes) records which posts hold a word and nothing
     * more: with positions, it and the body together would hold the text nearly word for word.
     */
    private static final FieldType SPELL_FIELD = spellField();

    private static FieldType spellField() {
        FieldType type = new FieldType();
        type.setTokenized(true);
        type.setIndexOptions(IndexOptions.DOCS);
        type.setOmitNorms(true);
        type.freeze();
        return type;
    }

    static Document document(PostFeed.Change change) {
        Document doc = new Document();
        doc.add(new StringField(ID, Long.toString(change.postId()), Field.Store.YES));
        doc.add(new StoredField(THREAD, change.threadId()));
        doc.add(new StringField(TOPIC, change.topic(), Field.Store.NO));
        doc.add(new SortedDocValuesField(TOPIC, new BytesRef(change.topic())));
        long created = change.createdAt().toInstant().toEpochMilli();
        doc.add(new LongPoint(CREATED, created));
        doc.add(new NumericDocValuesField(CREATED, created));
        if (change.title() != null) {
            doc.add(new TextField(TITLE, change.title(), Field.Store.NO));
            doc.add(new Field(SPELL, change.title(), SPELL_FIELD));
        }
        doc.add(new TextField(BODY, change.text(), Field.Store.NO));
        doc.add(new Field(SPELL, change.text(), SPELL_FIELD));
        if (change.helpfulCount() > 0) {
            doc.add(new FeatureField(FEATURES, HELPFUL, change.helpfulCount()));
        }
        return doc;
    }

    /** Makes what was applied visible to searches. */
    void refresh() throws IOException {
        searchers.maybeRefreshBlocking();
    }

    /** Makes what was applied durable, with its mark: after a crash the index catches up from there. */
    void commit() throws IOException {
        if (writer.hasUncommittedChanges()) {
            writer.commit();
        }
    }

    /** Removes every document (searches see them until {@link #refresh()}); the mark goes back to 0. */
    void clear() throws IOException {
        writer.deleteAll();
        mark = 0;
        writeMark();
    }

    /**
     * Rewrites the segments that hold removed documents, so that the words of deleted posts, and the words an edit
     * took out, leave the index's files (a removal or a replacement only marks the old document deleted until its
     * segment is merged). Does nothing when no document is marked deleted.
     */
    boolean purge() throws IOException {
        if (!writer.hasDeletions()) {
            return false;
        }
        writer.forceMergeDeletes(true);
        writer.commit();
        refresh();
        return true;
    }

    /** False once the writer has failed for good (a disk error, say): the node then reports itself not ready. */
    boolean healthy() {
        return writer.isOpen() && writer.getTragicException() == null;
    }

    /** How many posts a search can find. */
    int size() throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return searcher.getIndexReader().numDocs();
        } finally {
            searchers.release(searcher);
        }
    }

    /**
     * One page of results, and what the page around it needs. {@code query} is the words searched for, without
     * filters, as the snippets mark them; null when there were none.
     */
    record Found(Query query, long total, List<Hit> hits, Map<String, Integer> topics, String suggestion) {
    }

    record Hit(long postId, long threadId) {
    }

    /**
     * Searches. {@code text} is read by Lucene's simple query syntax (words, "phrases", {@code -word} to leave out,
     * {@code word*} for a prefix, {@code |} for either), which has no syntax errors: whatever is typed is searched.
     *
     * @return the query's page; an empty result with a null query when the text has no word to search for
     */
    Found search(SearchRequest request, int pageSize) throws IOException {
        Query words = parse(request.text());
        if (words == null) {
            return new Found(null, 0, List.of(), Map.of(), null);
        }
        BooleanQuery.Builder unfiltered = new BooleanQuery.Builder().add(words, Occur.MUST)
                .add(FeatureField.newSaturationQuery(FEATURES, HELPFUL, 1f, 2f), Occur.SHOULD);
        if (request.from() != null || request.to() != null) {
            long from = request.from() == null ? Long.MIN_VALUE
                    : request.from().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            long to = request.to() == null ? Long.MAX_VALUE
                    : request.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() - 1;
            unfiltered.add(LongPoint.newRangeQuery(CREATED, from, to), Occur.FILTER);
        }
        Query facetQuery = unfiltered.build();
        Query query = request.topic() == null ? facetQuery : new BooleanQuery.Builder().add(facetQuery, Occur.MUST)
                .add(new TermQuery(new Term(TOPIC, request.topic())), Occur.FILTER).build();
        int wanted = Math.min(request.page() * pageSize, MAX_RESULTS);
        IndexSearcher searcher = searchers.acquire();
        try {
            TopDocs top = request.newestFirst()
                    ? searcher.search(query, new TopFieldCollectorManager(
                            new Sort(new SortField(CREATED, SortField.Type.LONG, true), SortField.FIELD_SCORE),
                            wanted, null, Integer.MAX_VALUE, false))
                    : searcher.search(query, new TopScoreDocCollectorManager(wanted, null, Integer.MAX_VALUE, false));
            List<Hit> hits = new ArrayList<>();
            for (int i = (request.page() - 1) * pageSize; i < top.scoreDocs.length; i++) {
                ScoreDoc doc = top.scoreDocs[i];
                Document stored = searcher.storedFields().document(doc.doc);
                hits.add(new Hit(Long.parseLong(stored.get(ID)), stored.getField(THREAD).numericValue().longValue()));
            }
            Map<String, Integer> topics = searcher.search(facetQuery, new TopicCounts());
            String suggestion = top.totalHits.value < 3 ? suggest(searcher, request.text(), this) : null;
            // the snippets mark the words: a filter on another field (topic, dates) would match nothing in the text
            return new Found(words, top.totalHits.value, hits, topics, suggestion);
        } finally {
            searchers.release(searcher);
        }
    }

    /** The query for the words typed, over titles (which weigh double) and bodies; null when no word is left. */
    Query parse(String text) {
        SimpleQueryParser parser = new SimpleQueryParser(queryAnalyzer, Map.of(TITLE, 2f, BODY, 1f),
                SimpleQueryParser.AND_OPERATOR | SimpleQueryParser.NOT_OPERATOR | SimpleQueryParser.OR_OPERATOR
                        | SimpleQueryParser.PHRASE_OPERATOR | SimpleQueryParser.PREFIX_OPERATOR
                        | SimpleQueryParser.PRECEDENCE_OPERATORS | SimpleQueryParser.WHITESPACE_OPERATOR) {
            /**
             * {@code crav*}: a prefix of the words as members typed them (the spelling field), not of their stems,
             * which "craving*" would miss ("craving" is stored as "crave").
             */
            @Override
            protected Query newPrefixQuery(String prefix) {
                return new PrefixQuery(new Term(SPELL, prefix.toLowerCase(Locale.ROOT)));
            }
        };
        Query query = parser.parse(text);
        return query == null || query instanceof MatchNoDocsQuery ? null : exclusions(query);
    }

    /**
     * Makes {@code -word} leave posts out. The simple parser reads "walk -coffee" as "walk, or anything without
     * coffee", which finds nearly every post: among words joined by "or" (its default), each {@code -word} becomes a
     * prohibition of the whole group, which then still needs one of its other words.
     */
    static Query exclusions(Query query) {
        if (!(query instanceof BooleanQuery group)) {
            return query;
        }
        BooleanQuery.Builder rebuilt = new BooleanQuery.Builder().setMinimumNumberShouldMatch(
                group.getMinimumNumberShouldMatch());
        List<Query> excluded = new ArrayList<>();
        boolean anyPositive = false;
        boolean allShould = group.clauses().stream().allMatch(c -> c.getOccur() == Occur.SHOULD);
        for (BooleanClause clause : group.clauses()) {
            Query excludedQuery = allShould ? negated(clause.getQuery()) : null;
            if (excludedQuery != null) {
                excluded.add(excludedQuery);
            } else {
                rebuilt.add(exclusions(clause.getQuery()), clause.getOccur());
                anyPositive = true;
            }
        }
        if (excluded.isEmpty()) {
            return rebuilt.build();
        }
        if (!anyPositive) { // "-coffee -tea": every post with neither (the parser's reading is "no coffee or no tea")
            BooleanQuery.Builder neither = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.MUST);
            excluded.forEach(q -> neither.add(q, Occur.MUST_NOT));
            return neither.build();
        }
        excluded.forEach(q -> rebuilt.add(q, Occur.MUST_NOT));
        return rebuilt.build();
    }

    /** What {@code -word} prohibits, when {@code query} is the parser's "everything but word"; else null. */
    private static Query negated(Query query) {
        if (query instanceof BooleanQuery not && not.clauses().size() == 2) {
            BooleanClause first = not.clauses().get(0);
            BooleanClause second = not.clauses().get(1);
            if (first.getOccur() == Occur.MUST_NOT && second.getQuery() instanceof MatchAllDocsQuery) {
                return first.getQuery();
            }
            if (second.getOccur() == Occur.MUST_NOT && first.getQuery() instanceof MatchAllDocsQuery) {
                return second.getQuery();
            }
        }
        return null;
    }

    /**
     * "Did you mean": the query as typed, with each word that no post contains replaced by the nearest word that posts
     * do contain (by edit distance, then by how common it is); quotes, {@code -} and the other operators stay where
     * they were. Words shorter than three letters are left alone. Null when no word was replaced.
     */
    private static String suggest(IndexSearcher searcher, String text, PostIndex index) throws IOException {
        DirectSpellChecker checker = new DirectSpellChecker();
        checker.setMinQueryLength(3);
        StringBuilder suggestion = new StringBuilder(text);
        int shift = 0;
        boolean changed = false;
        try (TokenStream words = SPELLING.tokenStream(SPELL, text)) {
            CharTermAttribute term = words.addAttribute(CharTermAttribute.class);
            OffsetAttribute offsets = words.addAttribute(OffsetAttribute.class);
            words.reset();
            while (words.incrementToken()) {
                String word = term.toString();
                boolean prefix = offsets.endOffset() < text.length() && text.charAt(offsets.endOffset()) == '*';
                if (word.length() < 3 || prefix || inLivePosts(searcher, word) || found(searcher, index, word)) {
                    continue; // a word the posts hold, as typed or by its stem or a synonym, is no misspelling
                }
                // the spell checker reads term statistics, which still count posts removed since the last merge:
                // a word is offered only when a post that readers can see holds it
                for (SuggestWord candidate : checker.suggestSimilar(new Term(SPELL, word), 5, searcher.getIndexReader(),
                        SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX)) {
                    if (inLivePosts(searcher, candidate.string)) {
                        suggestion.replace(offsets.startOffset() + shift, offsets.endOffset() + shift, candidate.string);
                        shift += candidate.string.length() - (offsets.endOffset() - offsets.startOffset());
                        changed = true;
                        break;
                    }
                }
            }
            words.end();
        }
        return changed ? suggestion.toString() : null;
    }

    private static final Analyzer SPELLING = new SearchAnalysis.Spelling();

    private static boolean found(IndexSearcher searcher, PostIndex index, String word) throws IOException {
        Query alone = index.parse(word);
        return alone == null || searcher.count(alone) > 0;
    }

    private static boolean inLivePosts(IndexSearcher searcher, String word) throws IOException {
        return searcher.count(new TermQuery(new Term(SPELL, word))) > 0;
    }

    /**
     * A short passage of {@code text} around what {@code query} matched, as HTML: the text escaped, the matched words
     * in {@code <mark>}. When nothing in the text matched (the title did), its beginning.
     */
    String snippet(Query query, String text) throws IOException {
        Object highlighted = query == null ? null : highlighter.highlightWithoutSearcher(BODY, query, text, 1);
        if (highlighted instanceof String html && !html.isEmpty()) {
            return html;
        }
        return escape(text.length() <= SNIPPET_CHARS ? text : text.substring(0, SNIPPET_CHARS).strip() + " …");
    }

    private static final int SNIPPET_CHARS = 220;

    /**
     * A thread's title as HTML, escaped, with the words {@code query} matched in {@code <mark>}: the whole title or, when
     * the highlighter would give only part of it (or nothing matched), the whole title unmarked.
     */
    String markedTitle(Query query, String title) throws IOException {
        Object highlighted = query == null ? null : highlighter.highlightWithoutSearcher(TITLE, query, title, 1);
        String whole = escape(title);
        if (highlighted instanceof String html && html.replace("<mark>", "").replace("</mark>", "").equals(whole)) {
            return html;
        }
        return whole;
    }

    /**
     * One highlighter for every snippet (it keeps no state between calls). It reads the whole text: a post's text is
     * at most 20,000 characters, above Lucene's default of 10,000.
     */
    private final UnifiedHighlighter highlighter = UnifiedHighlighter.builderWithoutSearcher(SearchAnalysis.forIndex())
            .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                    BreakIterator.getSentenceInstance(Locale.ROOT), SNIPPET_CHARS, 0.5f))
            .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
            .withMaxNoHighlightPassages(0)
            .withMaxLength(Integer.MAX_VALUE - 1)
            .build();

    /** HTML-escapes text for the snippet exactly as the highlighter's formatter escapes around the marks. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#x27;");
                case '/' -> out.append("&#x2F;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Counts the matching posts of each topic. */
    private static final class TopicCounts implements CollectorManager<TopicCounts.Counter, Map<String, Integer>> {
        @Override
        public Counter newCollector() {
            return new Counter();
        }

        @Override
        public Map<String, Integer> reduce(java.util.Collection<Counter> collectors) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            collectors.forEach(c -> c.drain().forEach((topic, n) -> counts.merge(topic, n, Integer::sum)));
            return counts;
        }

        static final class Counter extends SimpleCollector {
            final Map<String, Integer> counts = new HashMap<>();
            private SortedDocValues topics;
            private int[] perOrd;

            @Override
            protected void doSetNextReader(LeafReaderContext context) throws IOException {
                flush();
                topics = context.reader().getSortedDocValues(TOPIC);
                perOrd = topics == null ? null : new int[topics.getValueCount()];
            }

            @Override
            public void collect(int doc) throws IOException {
                if (topics != null && topics.advanceExact(doc)) {
                    perOrd[topics.ordValue()]++;
                }
            }

            @Override
            public void finish() throws IOException {
                flush();
            }

            private void flush() throws IOException {
                if (perOrd == null) {
                    return;
                }
                for (int ord = 0; ord < perOrd.length; ord++) {
                    if (perOrd[ord] > 0) {
                        counts.merge(topics.lookupOrd(ord).utf8ToString(), perOrd[ord], Integer::sum);
                    }
                }
                perOrd = null;
            }

            Map<String, Integer> drain() {
                try {
                    flush();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return counts;
            }

            @Override
            public ScoreMode scoreMode() {
                return ScoreMode.COMPLETE_NO_SCORES;
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            searchers.close();
        } finally {
            writer.close();
        }
    }
}
