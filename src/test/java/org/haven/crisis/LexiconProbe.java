package org.haven.crisis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * For lexicon editors: prints, for each line on standard input, the normalised text, every term and idiom the scan
 * found with its categories, and the verdict. {@code -Dlexicon=FILE} probes a draft lexicon instead of the shipped one.
 * <pre>echo "text" | mvn -q test-compile exec:java -Dexec.mainClass=org.haven.crisis.LexiconProbe -Dexec.classpathScope=test</pre>
 */
public final class LexiconProbe {

    private LexiconProbe() {
    }

    public static void main(String[] args) throws IOException {
        String draft = System.getProperty("lexicon");
        Lexicon lexicon = draft == null ? Lexicon.loadDefault() : Lexicon.parse(Files.newInputStream(Path.of(draft)));
        CrisisDetector detector = new CrisisDetector(lexicon);
        CrisisDetector rules = new CrisisDetector(lexicon, null);
        WordModel model = WordModel.loadDefault();
        PatternAutomaton automaton = new PatternAutomaton(lexicon.patterns(), lexicon.prefixPatterns());
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.isBlank()) {
                continue;
            }
            NormalisedText text = lexicon.normaliser().normalise(line, new TextBuffer(64), new TextBuffer(64), new Words());
            Hits hits = new Hits();
            automaton.scan(text, Integer.MAX_VALUE, hits);
            List<String> found = new ArrayList<>();
            for (int h = 0; h < hits.size; h++) {
                int p = hits.pattern[h];
                if (p == PatternAutomaton.NUMBER) {
                    continue;
                }
                List<String> categories = new ArrayList<>();
                for (long c = lexicon.categoriesOf(p); c != 0; c &= c - 1) {
                    categories.add(lexicon.categoryNames().get(Long.numberOfTrailingZeros(c)));
                }
                for (long c = lexicon.categoriesHighOf(p); c != 0; c &= c - 1) {
                    categories.add(lexicon.categoryNames().get(Long.SIZE + Long.numberOfTrailingZeros(c)));
                }
                found.add(lexicon.patterns().get(p) + (lexicon.isIdiom(p) ? "(IDIOM)" : "") + categories);
            }
            CrisisVerdict verdict = detector.detect(line);
            System.out.println("> " + new String(text.chars(), 0, text.length()));
            System.out.println("  " + String.join(" ", found));
            WordModel.Opinion opinion = model.score(text, new WordModel.Scratch());
            System.out.printf(java.util.Locale.ROOT, "  rules alone: %s %s; word model: crisis %.2f, imminent %.2f%n",
                    rules.detect(line).level(), rules.detect(line).rules(), opinion.crisis(), opinion.imminent());
            System.out.println("  => " + verdict.level() + " " + verdict.rules() + " "
                    + verdict.matches().stream().map(CrisisMatch::text).toList());
        }
    }
}
