package org.haven.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.haven.discussion.PostFeed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index on its own, in memory (and on disk where that is the point): analysis, ranking, filters, removal. */
class PostIndexTest {

    private static final OffsetDateTime JAN = OffsetDateTime.of(2026, 1, 10, 12, 0, 0, 0, ZoneOffset.UTC);

    private static final String DB = "2026-01-01T00:00:00Z";

    private Directory directory;
    private PostIndex index;
    private long seq;

    @BeforeEach
    void open() throws IOException {
        directory = new ByteBuffersDirectory();
        index = PostIndex.open(directory, DB);
    }

    @AfterEach
    void close() throws IOException {
        index.close();
    }

    private PostFeed.Change post(long id, String topic, String title, String text, OffsetDateTime at, int helpful) {
        return new PostFeed.Change(id, id * 10, topic, title, text, at, helpful, true, ++seq);
    }

    private void add(PostFeed.Change... changes) throws IOException {
        index.apply(List.of(changes));
        index.refresh();
    }

    private List<Long> ids(String text) throws IOException {
        return ids(new SearchRequest(text, null, null, null, false, 1));
    }

    private List<Long> ids(SearchRequest request) throws IOException {
        return index.search(request, 10).hits().stream().map(PostIndex.Hit::postId).toList();
    }

    @Test
    void stemmingFindsOtherFormsOfAWord() throws IOException {
        add(post(1, "cravings", null, "The craving passed after twenty minutes of walking.", JAN, 0));
        assertEquals(List.of(1L), ids("cravings"));
        assertEquals(List.of(1L), ids("walked"));
    }

    @Test
    void synonymsFindTheOtherWordsForTheSameThing() throws IOException {
        add(post(1, "cravings", null, "A strong urge hit me at the bus stop.", JAN, 0),
                post(2, "relapse", null, "I slipped last night after 90 days.", JAN, 0),
                post(3, "mat", null, "My doctor switched me to buprenorphine.", JAN, 0),
                post(4, "mat", null, "Nothing about medicine here.", JAN, 0));
        assertEquals(List.of(1L), ids("craving"));
        assertEquals(List.of(2L), ids("relapse"));
        assertEquals(List.of(3L), ids("suboxone"));
    }

    @Test
    void acronymsStaySearchableWithOrWithoutDots() throws IOException {
        add(post(1, "twelve-step", null, "My first A.A. meeting was terrifying.", JAN, 0),
                post(2, "twelve-step", null, "NA saved my life, and IOP helped too.", JAN, 0),
                post(3, "twelve-step", null, "Remember HALT before you react.", JAN, 0),
                post(4, "twelve-step", null, "Alcoholics Anonymous has meetings online.", JAN, 0));
        assertEquals(List.of(1L, 4L), ids("AA").stream().sorted().toList());
        assertEquals(List.of(1L, 4L), ids("\"alcoholics anonymous\"").stream().sorted().toList());
        assertEquals(List.of(2L), ids("na"));
        assertEquals(List.of(2L), ids("IOP"));
        assertEquals(List.of(3L), ids("halt"));
    }

    @Test
    void aTitleWeighsMoreThanABodyAndHelpfulPostsRankHigher() throws IOException {
        add(post(1, "cravings", null, "evenings are hard, and the evenings feel long", JAN, 0),
                post(2, "cravings", "Evenings", "hard for me too", JAN, 0),
                post(5, "cravings", "Mornings", "easier", JAN, 0), post(6, "cravings", "Weekends", "harder", JAN, 0));
        assertEquals(List.of(2L, 1L), ids("evenings"));

        add(post(3, "cravings", null, "tea helps", JAN, 0), post(4, "cravings", null, "tea helps", JAN, 5));
        assertEquals(List.of(4L, 3L), ids("tea"));
    }

    @Test
    void topicAndDatesFilterAndNewestFirstSorts() throws IOException {
        add(post(1, "cravings", null, "walking helps", JAN, 0),
                post(2, "relapse", null, "walking helps me", JAN.plusDays(5), 0),
                post(3, "cravings", null, "walking", JAN.plusDays(30), 0));
        PostIndex.Found all = index.search(new SearchRequest("walking", null, null, null, true, 1), 10);
        assertEquals(List.of(3L, 2L, 1L), all.hits().stream().map(PostIndex.Hit::postId).toList());
        assertEquals(Map.of("cravings", 2, "relapse", 1), all.topics());

        assertEquals(List.of(3L, 1L), ids(new SearchRequest("walking", "cravings", null, null, true, 1)));
        var jan = new SearchRequest("walking", null, JAN.toLocalDate(), JAN.toLocalDate().plusDays(5), true, 1);
        assertEquals(List.of(2L, 1L), ids(jan));
        PostIndex.Found filtered = index.search(new SearchRequest("walking", "relapse", null, null, false, 1), 10);
        assertEquals(1, filtered.total());
        assertEquals(Map.of("cravings", 2, "relapse", 1), filtered.topics(), "topic counts ignore the topic chosen");
    }

    @Test
    void pagesFollowEachOther() throws IOException {
        List<PostFeed.Change> many = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            many.add(post(i, "cravings", null, "day " + i + " of walking", JAN.plusDays(i), 0));
        }
        add(many.toArray(PostFeed.Change[]::new));
        PostIndex.Found third = index.search(new SearchRequest("walking", null, null, null, true, 3), 10);
        assertEquals(25, third.total());
        assertEquals(List.of(5L, 4L, 3L, 2L, 1L), third.hits().stream().map(PostIndex.Hit::postId).toList());
        assertTrue(index.search(new SearchRequest("walking", null, null, null, true, 4), 10).hits().isEmpty());
    }

    @Test
    void anythingTypedIsSearchedAndNothingThrows() throws IOException {
        add(post(1, "cravings", null, "one day at a time", JAN, 0));
        for (String odd : List.of("\"unclosed phrase", "((day", "-", "+-|", "***", "day~~2", "\\", "\"\"", "day)")) {
            index.search(new SearchRequest(odd, null, null, null, false, 1), 10);
        }
        assertEquals(List.of(1L), ids("\"one day"));
        assertNull(index.search(new SearchRequest("the and of", null, null, null, false, 1), 10).query(),
                "stop words alone leave nothing to search for");
    }

    @Test
    void didYouMeanOffersAWordThePostsUse() throws IOException {
        add(post(1, "cravings", null, "meditation helped with my cravings", JAN, 0));
        PostIndex.Found found = index.search(new SearchRequest("meditaton cravings", null, null, null, false, 1), 10);
        assertEquals("meditation cravings", found.suggestion());
        assertNull(index.search(new SearchRequest("meditation", null, null, null, false, 1), 10).suggestion());
    }

    @Test
    void aMinusLeavesOutThePostsThatHoldTheWord() throws IOException {
        add(post(1, "cravings", null, "a walk and coffee", JAN, 0), post(2, "cravings", null, "a walk at dawn", JAN, 0),
                post(3, "cravings", null, "nothing about it", JAN, 0), post(4, "cravings", null, "tea at dawn", JAN, 0));
        assertEquals(List.of(2L), ids("walk -coffee"));
        assertEquals(List.of(2L), ids("walk tea -coffee -\"tea at\"").stream().sorted().toList());
        assertEquals(List.of(2L, 4L), ids("(walk -coffee) | tea").stream().sorted().toList());
        assertEquals(List.of(1L), ids("+walk +coffee"));
        assertEquals(List.of(2L, 3L, 4L), ids("-coffee").stream().sorted().toList(), "a minus alone: all but those");
        assertEquals(List.of(3L), ids("-coffee -dawn").stream().sorted().toList(), "minuses alone: neither word");
        assertEquals(List.of(1L, 3L), ids("-tea -\"at dawn\"").stream().sorted().toList());
    }

    @Test
    void snippetsMarkTheWordsWhateverTheFilters() throws IOException {
        String text = "It starts with tea. Later the urge fades if you wait it out.";
        add(post(1, "cravings", null, text, JAN, 0));
        PostIndex.Found found = index.search(new SearchRequest("craving", "cravings", JAN.toLocalDate(), null, true, 1),
                10);
        assertEquals(1, found.total());
        assertTrue(index.snippet(found.query(), text).contains("<mark>urge</mark>"), index.snippet(found.query(), text));
    }

    @Test
    void prefixesMatchTheWordsAsTypedInAnyCase() throws IOException {
        add(post(1, "cravings", null, "Cravings came back on Friday", JAN, 0),
                post(2, "cravings", null, "the crave is strong", JAN, 0));
        assertEquals(List.of(1L), ids("craving*"), "a prefix of the word as written, not of its stem");
        assertEquals(List.of(1L, 2L), ids("CRAV*").stream().sorted().toList());
        assertEquals(List.of(1L), ids("Fri*"));
    }

    @Test
    void didYouMeanKeepsTheQuerysOperatorsAndNeverOffersTheWordsOfRemovedPosts() throws IOException {
        add(post(1, "cravings", null, "alcohol and relapse", JAN, 0),
                post(2, "cravings", null, "medication helped", JAN, 0));
        assertEquals("relapse -alcohol", index.search(
                new SearchRequest("relapse -alcohl", null, null, null, false, 1), 10).suggestion());
        assertEquals("\"alcohol\" and Medication", index.search(
                new SearchRequest("\"Alcohl\" and Medication", null, null, null, false, 1), 10).suggestion(),
                "only the misspelt word changes; a word posts hold stays as typed");

        assertNull(index.search(new SearchRequest("medic* relapsing", null, null, null, false, 1), 10).suggestion(),
                "a prefix, and a word found by its stem, are no misspellings");

        index.apply(List.of(new PostFeed.Change(2, 20, "cravings", null, "", JAN, 0, false, ++seq)));
        index.refresh();
        assertNull(index.search(new SearchRequest("medicaton", null, null, null, false, 1), 10).suggestion(),
                "the only post holding 'medication' was removed");
    }

    @Test
    void snippetsAreEscapedAndMarkTheWordsFound() throws IOException {
        String text = "I wrote <script>alert(1)</script> & then: cravings fade if you wait.";
        add(post(1, "cravings", null, text, JAN, 0));
        PostIndex.Found found = index.search(new SearchRequest("craving", null, null, null, false, 1), 10);
        String snippet = index.snippet(found.query(), text);
        assertTrue(snippet.contains("<mark>cravings</mark>"), snippet);
        assertTrue(snippet.contains("&lt;script&gt;") && !snippet.contains("<script>"), snippet);
        assertTrue(snippet.contains("&amp;"), snippet);
        assertEquals("no &lt;b&gt; here", index.snippet(found.query(), "no <b> here"), "no match: escaped beginning");
    }

    @Test
    void titlesAreEscapedAndMarkTheWordsFoundOrStayWhole() throws IOException {
        add(post(1, "cravings", "Urges & <b>evenings</b>", "How do you get through them?", JAN, 0));
        PostIndex.Found found = index.search(new SearchRequest("craving evening", null, null, null, false, 1), 10);
        assertEquals("<mark>Urges</mark> &amp; &lt;b&gt;<mark>evenings</mark>&lt;&#x2F;b&gt;",
                index.markedTitle(found.query(), "Urges & <b>evenings</b>"), "a synonym and a stem are marked");
        assertEquals("Mornings &amp; coffee", index.markedTitle(found.query(), "Mornings & coffee"),
                "nothing matched: the whole title, escaped");
        assertEquals("Mornings", index.markedTitle(null, "Mornings"));
    }

    @Test
    void aRemovedPostIsNotFoundAndItsWordsLeaveTheFilesWhenPurged(@TempDir Path dir) throws IOException {
        index.close();
        directory = FSDirectory.open(dir);
        index = PostIndex.open(directory, DB);
        add(post(1, "cravings", null, "zanzibarian cravings", JAN, 0));
        for (int i = 2; i <= 40; i++) {
            add(post(i, "cravings", null, "other cravings " + i, JAN, 0)); // one removal among many: under 10%
        }
        index.commit();
        assertEquals(List.of(1L), ids("zanzibarian"));

        index.apply(List.of(new PostFeed.Change(1, 10, "cravings", null, "", JAN, 0, false, ++seq)));
        index.refresh();
        assertTrue(ids("zanzibarian").isEmpty());
        assertTrue(index.purge());
        assertFalse(termInFiles("zanzibarian"));
        assertFalse(index.purge(), "nothing removed since");
    }

    private boolean termInFiles(String word) throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            Terms terms = MultiTerms.getTerms(reader, PostIndex.SPELL);
            return terms != null && terms.iterator().seekExact(new BytesRef(word));
        }
    }

    @Test
    void theMarkSurvivesACommitAndAnIndexOfAnotherDatabaseOrDamagedStartsEmpty(@TempDir Path dir) throws IOException {
        index.close();
        try (PostIndex onDisk = PostIndex.open(FSDirectory.open(dir), DB)) {
            onDisk.apply(List.of(post(1, "cravings", null, "walking", JAN, 0), post(2, "cravings", null, "tea", JAN, 0)));
            onDisk.commit();
        }
        try (PostIndex reopened = PostIndex.open(FSDirectory.open(dir), DB)) {
            assertEquals(seq, reopened.mark());
            assertEquals(2, reopened.size());
        }
        try (PostIndex otherDatabase = PostIndex.open(FSDirectory.open(dir), "2026-05-05T00:00:00Z")) {
            assertEquals(0, otherDatabase.mark(), "an index of another database is never served");
            assertEquals(0, otherDatabase.size());
        }
        try (PostIndex onDisk = PostIndex.open(FSDirectory.open(dir), DB)) {
            onDisk.apply(List.of(post(3, "cravings", null, "walking", JAN, 0)));
            onDisk.commit();
        }
        Files.writeString(dir.resolve("segments_zz"), "not an index");
        // a damaged index must not stop the node: it opens empty, from change 0, and start-up builds it again
        try (PostIndex reopened = PostIndex.open(FSDirectory.open(dir), DB)) {
            assertEquals(0, reopened.mark());
            assertEquals(0, reopened.size());
        }
        index = PostIndex.open(new ByteBuffersDirectory(), DB);
    }

    @Test
    void storesNoTextOnlyIdsAndNumbers() throws IOException {
        add(post(1, "cravings", "My title words", "body words here", JAN, 3));
        index.commit();
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            var stored = reader.storedFields().document(0);
            assertEquals(List.of(PostIndex.ID, PostIndex.THREAD),
                    stored.getFields().stream().map(f -> f.name()).toList());
        }
        assertEquals(1, index.search(new SearchRequest("title", null, null, null, false, 1), 10).total());
    }

    @Test
    void clearingEmptiesTheIndexForARebuild() throws IOException {
        add(post(1, "cravings", null, "walking", JAN, 0));
        index.clear();
        assertEquals(0, index.mark());
        assertEquals(1, index.size(), "searches see the old index until the rebuild refreshes");
        index.refresh();
        assertEquals(0, index.size());
        index.commit();
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            assertEquals(0, reader.numDocs());
        }
    }
}
