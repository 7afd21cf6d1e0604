package org.haven.crisis;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.haven.web.ApiException;

/**
 * Crisis detection for the rest of Haven: checks text (posts, previews, search queries), builds the help
 * to show for a level and country, and reloads the lexicon without a restart. Nothing it sees is logged.
 */
@ApplicationScoped
public class CrisisService {

    private static final Logger LOG = Logger.getLogger(CrisisService.class.getName());

    @Inject
    HotlineDirectory hotlines;

    /**
     * A lexicon file to use instead of the one shipped in the application (and to reload from). While the
     * file does not exist, the shipped lexicon is used.
     */
    @Inject
    @ConfigProperty(name = "haven.crisis.lexicon.path")
    Optional<String> lexiconPath;

    private volatile LexiconHolder holder;

    private LexiconHolder holder() {
        LexiconHolder h = holder;
        if (h == null) {
            synchronized (this) {
                if (holder == null) {
                    holder = configuredFile().isPresent() ? new LexiconHolder(readConfigured()) : LexiconHolder.withDefaultLexicon();
                    holder.detector().modelWarning().ifPresent(LOG::warning);
                }
                h = holder;
            }
        }
        return h;
    }

    private Lexicon readConfigured() {
        try (InputStream in = Files.newInputStream(configuredFile().orElseThrow())) {
            return Lexicon.parse(in);
        } catch (IOException e) {
            throw new IllegalStateException("The configured crisis lexicon file cannot be read", e);
        }
    }

    /** The configured lexicon file, when one is configured and present; else the shipped lexicon is used. */
    private Optional<Path> configuredFile() {
        return lexiconPath.filter(p -> !p.isBlank()).map(Path::of).filter(Files::isRegularFile);
    }

    public CrisisVerdict check(String text) {
        return holder().detect(text == null ? "" : text);
    }

    public String lexiconVersion() {
        return holder().detector().lexicon().version();
    }

    /**
     * Reads the lexicon again (the configured file, else the one shipped) and puts it in force. A
     * malformed lexicon is refused with its message and the one in force stays.
     */
    public LexiconReload reloadLexicon() {
        Optional<Path> file = configuredFile();
        try (InputStream in = file.isPresent() ? Files.newInputStream(file.get())
                : CrisisService.class.getResourceAsStream("/crisis/lexicon.json")) {
            CrisisDetector reloaded = holder().reload(in);
            String version = reloaded.lexicon().version();
            LOG.info(() -> "Crisis lexicon reloaded, version " + version);
            Optional<String> warning = reloaded.modelWarning();
            warning.ifPresent(LOG::warning);
            return new LexiconReload(version, warning.orElse(null));
        } catch (LexiconException e) {
            throw new ApiException(400, "Lexicon refused", e.getMessage() + " The previous lexicon stays in force.", null);
        } catch (IOException e) {
            throw new ApiException(400, "Lexicon refused", "The lexicon file cannot be read. The previous lexicon stays in force.", null);
        }
    }

    /**
     * The lexicon now in force, and a message for administrators when the word model should be retrained for it
     * (null otherwise).
     */
    public record LexiconReload(String version, String warning) {
    }

    /** Help for the person who wrote the text (IDEATION or above), or empty. */
    public Optional<CrisisHelp> helpFor(CrisisLevel level, String country) {
        if (!level.atLeast(CrisisLevel.IDEATION)) {
            return Optional.empty();
        }
        String where = hotlines.countryFor(country);
        var lines = HotlineDirectory.forLevel(hotlines.shownFor(where), level);
        if (level == CrisisLevel.IMMINENT) {
            return Optional.of(new CrisisHelp(level, "Please reach out for help right now",
                    "If you are in danger or have taken too much of something, call the emergency number now. "
                            + "You deserve help tonight, and people are ready to answer.", where, lines));
        }
        return Optional.of(new CrisisHelp(level, "You don't have to carry this alone",
                "It sounds like things are really hard right now. Talking to someone can help, and these lines are "
                        + "free, confidential and open now.", where, lines));
    }

    /** The resource banner readers of a thread see. */
    public CrisisHelp bannerFor(String country) {
        String where = hotlines.countryFor(country);
        return new CrisisHelp(CrisisLevel.IDEATION, "If you are worried about someone here",
                "You can call these lines for advice on how to help, or the emergency number if someone is in danger "
                        + "now. Moderators are told about posts like this.", where,
                HotlineDirectory.forLevel(hotlines.shownFor(where), CrisisLevel.IDEATION));
    }
}
