package org.haven.search;

import jakarta.json.Json;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.lucene.store.FSDirectory;
import org.haven.discussion.PostFeed;

/**
 * Not a test: prints how fast the search index builds, how long a writer waits for their post to become searchable,
 * and how long searches take (each with its page of ten snippets), on an index on disk.
 *
 * <p>{@code mvn -q test-compile exec:exec@search-benchmark} ({@code -Dposts=N} for another size, 100,000 by default).
 * The posts are made of the crisis detector's training posts (written in the voice of people in recovery), two to four
 * of them to a post, so that the words are spread as in a forum, not repeated from a handful of sentences.
 */
public final class SearchBenchmark {

    private static final String[] TOPICS = {"12-step", "smart-recovery", "cravings-and-triggers",
            "relapse-and-starting-again", "family-and-friends", "medication-assisted-recovery", "sober-living",
            "mental-health-alongside-recovery"};

    private static final List<String> QUERIES = List.of("cravings at night", "relapse after 90 days", "AA meeting",
            "suboxone taper", "\"one day at a time\"", "sleep -pills", "benzo withdrawal", "halt", "how do i tell my family",
            "walk*", "urge to drink at work", "sponsor", "slipped again", "anxiety sober", "holidays triggers family",
            "narcan", "meditaton", "methadone clinic", "first week detox", "lonely weekends");

    private SearchBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int size = Integer.getInteger("posts", 100_000);
        List<String> texts = corpus(size);
        long bytes = texts.stream().mapToLong(String::length).sum();
        Path dir = Files.createTempDirectory("haven-search-benchmark");
        try (PostIndex index = PostIndex.open(FSDirectory.open(dir), "benchmark")) {
            Random random = new Random(7);
            OffsetDateTime start = OffsetDateTime.of(2025, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
            long seq = 0;
            long began = System.nanoTime();
            List<PostFeed.Change> batch = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                boolean opening = i % 8 == 0;
                batch.add(new PostFeed.Change(i + 1, i / 8 + 1, TOPICS[random.nextInt(TOPICS.length)],
                        opening ? title(texts.get(i)) : null, texts.get(i), start.plusMinutes(i * 5L),
                        opening ? 0 : random.nextInt(4) == 0 ? 1 + random.nextInt(6) : 0, true, ++seq));
                if (batch.size() == 500) {
                    index.apply(batch);
                    batch.clear();
                }
            }
            index.apply(batch);
            index.refresh();
            index.commit();
            double buildSeconds = (System.nanoTime() - began) / 1e9;
            System.out.printf(Locale.ROOT, "index: %,d posts, %.1f MB of text, built in %.1f s (%,.0f posts/s, %.1f MB/s), "
                    + "%.1f MB on disk%n", texts.size(), bytes / 1e6, buildSeconds, texts.size() / buildSeconds,
                    bytes / 1e6 / buildSeconds, directorySize(dir) / 1e6);

            // what a writer waits for after their commit: one post applied and made visible to searches
            long[] catchUp = new long[300];
            for (int i = 0; i < catchUp.length; i++) {
                int id = random.nextInt(texts.size()) + 1;
                PostFeed.Change edit = new PostFeed.Change(id, id / 8 + 1, TOPICS[0], null,
                        texts.get(id - 1) + " edited", start, 0, true, ++seq);
                long t0 = System.nanoTime();
                index.apply(List.of(edit));
                index.refresh();
                catchUp[i] = System.nanoTime() - t0;
            }
            System.out.printf(Locale.ROOT, "catch-up of one post (apply + refresh): p50 %.2f ms, p99 %.2f ms%n",
                    percentile(catchUp, 50) / 1e6, percentile(catchUp, 99) / 1e6);

            List<SearchRequest> requests = new ArrayList<>();
            for (String q : QUERIES) {
                requests.add(new SearchRequest(q, null, null, null, false, 1));
                requests.add(new SearchRequest(q, TOPICS[2], null, null, false, 1));
                requests.add(new SearchRequest(q, null, start.toLocalDate().plusMonths(3), null, true, 1));
                requests.add(new SearchRequest(q, null, null, null, false, 3));
            }
            for (int round = 0; round < 30; round++) { // warm-up
                for (SearchRequest r : requests) {
                    search(index, r, texts);
                }
            }
            int rounds = 20;
            long[] latencies = new long[requests.size() * rounds];
            long totalHits = 0;
            int n = 0;
            for (int round = 0; round < rounds; round++) {
                for (SearchRequest r : requests) {
                    long t0 = System.nanoTime();
                    totalHits += search(index, r, texts);
                    latencies[n++] = System.nanoTime() - t0;
                }
            }
            System.out.printf(Locale.ROOT, "search with its page of 10 snippets, %d queries x %d rounds: p50 %.2f ms, "
                    + "p99 %.2f ms, max %.2f ms (mean %.0f results a query)%n", requests.size(), rounds,
                    percentile(latencies, 50) / 1e6, percentile(latencies, 99) / 1e6,
                    Arrays.stream(latencies).max().orElse(0) / 1e6, (double) totalHits / latencies.length);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static long search(PostIndex index, SearchRequest request, List<String> texts) throws IOException {
        PostIndex.Found found = index.search(request, SearchService.PAGE_SIZE);
        for (PostIndex.Hit hit : found.hits()) {
            index.snippet(found.query(), texts.get((int) hit.postId() - 1));
        }
        return found.total();
    }

    private static String title(String text) {
        String[] words = text.split("\\s+");
        return String.join(" ", Arrays.asList(words).subList(0, Math.min(6, words.length)));
    }

    /** {@code size} posts, each two to four training posts joined, in a fixed pseudo-random order. */
    private static List<String> corpus(int size) throws IOException {
        List<String> sources = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(Path.of("src/test/resources/crisis"), "train-*.jsonl")) {
            for (Path file : files) {
                for (String line : Files.readAllLines(file)) {
                    if (!line.isBlank()) {
                        try (JsonReader reader = Json.createReader(new StringReader(line))) {
                            sources.add(reader.readObject().getString("text"));
                        }
                    }
                }
            }
        }
        sources.sort(Comparator.naturalOrder());
        Random random = new Random(42);
        List<String> posts = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            StringBuilder post = new StringBuilder();
            int parts = 2 + random.nextInt(3);
            for (int p = 0; p < parts; p++) {
                post.append(p == 0 ? "" : p % 2 == 0 ? "\n\n" : " ").append(sources.get(random.nextInt(sources.size())));
            }
            posts.add(post.toString());
        }
        return posts;
    }

    private static long percentile(long[] values, int p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static long directorySize(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.mapToLong(f -> f.toFile().length()).sum();
        }
    }
}
