package org.haven.screening;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** What the watched words found in a post: in its title (a thread's opening post only) and in its body. */
public record Screening(List<WordList.Match> title, List<WordList.Match> body) {

    public static final Screening NOTHING = new Screening(List.of(), List.of());

    public boolean any(WatchAction action) {
        return all().anyMatch(m -> m.action() == action);
    }

    /** The first entry found with {@code action}, and whether it was in the title. */
    public Optional<WordList.Match> first(WatchAction action) {
        return all().filter(m -> m.action() == action).findFirst();
    }

    public boolean inTitle(WordList.Match match) {
        return title.contains(match);
    }

    /** The entries found with any of {@code actions}, each once, for a moderator to read. */
    public List<String> phrases(WatchAction... actions) {
        List<WatchAction> wanted = List.of(actions);
        return all().filter(m -> wanted.contains(m.action())).map(WordList.Match::phrase).distinct().toList();
    }

    public String censorTitle(String text) {
        return WordList.censor(text, title);
    }

    public String censorBody(String text) {
        return WordList.censor(text, body);
    }

    private Stream<WordList.Match> all() {
        return Stream.concat(title.stream(), body.stream());
    }
}
