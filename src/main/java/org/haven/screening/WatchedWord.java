package org.haven.screening;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

/**
 * One entry of the moderators' list: a word or phrase in its canonical form ({@link WordList#canonical}) and what a
 * post containing it does. Who added or changed it is in the audit log, not here.
 */
@Entity
@Table(name = "watched_word")
@NamedQuery(name = "WatchedWord.all", query = "select w from WatchedWord w order by w.phrase")
@NamedQuery(name = "WatchedWord.byPhrase", query = "select w from WatchedWord w where w.phrase = :phrase")
@NamedQuery(name = "WatchedWord.count", query = "select count(w) from WatchedWord w")
public class WatchedWord {

    @Id
    @SequenceGenerator(name = "watched_word_seq", sequenceName = "watched_word_seq", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "watched_word_seq")
    private Long id;

    @Column(nullable = false, length = WordList.MAX_PHRASE)
    private String phrase;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private WatchAction action;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Version
    private long version;

    protected WatchedWord() {
    }

    WatchedWord(String phrase, WatchAction action, OffsetDateTime now) {
        this.phrase = WordList.canonical(phrase);
        this.action = action;
        this.createdAt = now;
    }

    void change(String phrase, WatchAction action) {
        this.phrase = WordList.canonical(phrase);
        this.action = action;
    }

    Long id() {
        return id;
    }

    String phrase() {
        return phrase;
    }

    WatchAction action() {
        return action;
    }

    OffsetDateTime createdAt() {
        return createdAt;
    }

    WordList.Entry entry() {
        return new WordList.Entry(phrase, action);
    }
}
