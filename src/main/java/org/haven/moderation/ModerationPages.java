package org.haven.moderation;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.haven.crisis.CrisisLevel;
import org.haven.identity.CurrentMember;
import org.haven.web.Pages;
import org.haven.web.Paging;

/**
 * The moderators' page of the care lane ({@code /moderation}): who may be at risk, most severe first and then
 * longest waiting, with the words that made the detector speak and a link to the post in its thread. Volunteer
 * moderators work in the browser; until this page the care lane was only an API answer. It reads what
 * {@link CareQueue#pending} answers through the API, so both show the same items in the same order; claims and
 * decisions come with the review lane.
 */
@Path("")
@Produces(MediaType.TEXT_HTML)
public class ModerationPages {

    @Inject
    CareQueue care;

    @Inject
    CurrentMember current;

    @Inject
    Pages pages;

    /** One care item as the page shows it. */
    public record CareLine(CareQueue.CareItemView item, String levelLabel, String levelClass, String waited,
            String postLink, List<WordsRead> wordsRead) {
    }

    /** Words the detector read, once each, with every rule that read them. */
    public record WordsRead(String text, String rules) {
    }

    @GET
    @Path("moderation")
    @Operation(hidden = true)
    public Response queue(@QueryParam("page") String page) {
        if (current.viewer().isEmpty()) {
            return Pages.seeOther("/sign-in?next=/moderation");
        }
        current.requireModerator();
        CareQueue.QueuePage queue = care.pendingPage(Lane.CARE, Paging.page(page));
        List<CareLine> lines = queue.items().stream().map(ModerationPages::line).toList();
        return pages.page("moderation.jte", Map.of("lines", lines, "page", queue.page(),
                "pageCount", queue.pageCount(), "pending", queue.pending()));
    }

    private static CareLine line(CareQueue.CareItemView item) {
        String levelClass = "level-" + (item.level() == null ? "care" : item.level().name().toLowerCase(Locale.ROOT));
        return new CareLine(item, levelLabel(item.level()), levelClass, waited(item.waitingSeconds()),
                item.postId() == null ? null : "/posts/" + item.postId(), wordsRead(item.matches()));
    }

    /**
     * The matched spans, each distinct text once in the order first read: several rules often read the same words
     * ("want to die" is both a wish and a first-person wish), and a volunteer needs the words, not the repeats.
     */
    static List<WordsRead> wordsRead(List<Map<String, Object>> matches) {
        Map<String, java.util.LinkedHashSet<String>> rulesByText = new java.util.LinkedHashMap<>();
        for (Map<String, Object> match : matches) {
            rulesByText.computeIfAbsent(String.valueOf(match.get("text")), t -> new java.util.LinkedHashSet<>())
                    .add(String.valueOf(match.get("rule")));
        }
        return rulesByText.entrySet().stream()
                .map(e -> new WordsRead(e.getKey(), String.join(", ", e.getValue()))).toList();
    }

    /** What the level means, in the words a volunteer acts on. */
    static String levelLabel(CrisisLevel level) {
        if (level == null) {
            return "Care";
        }
        return switch (level) {
            case IMMINENT -> "Imminent danger";
            case IDEATION -> "Thoughts of suicide or self-harm";
            case CONCERN -> "Concern";
            case NONE -> "Care";
        };
    }

    /** How long an item has waited, to the unit that matters at that length: "4 min", "2 h 5 min", "3 days". */
    static String waited(long seconds) {
        long minutes = Math.max(0, seconds) / 60;
        if (minutes < 1) {
            return "under a minute";
        }
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        if (hours < 24) {
            return minutes % 60 == 0 ? hours + " h" : hours + " h " + minutes % 60 + " min";
        }
        long days = hours / 24;
        return days == 1 ? "1 day" : days + " days";
    }
}
