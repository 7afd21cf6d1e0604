package org.haven.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.haven.testing.Api;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The journeys with JavaScript on (the enhancement must not break them), plus the accessibility check: axe-core
 * on the home page, the sign-up page, a thread page (signed in, with the reply form) and a form shown again with
 * errors. Violations of impact "serious" or "critical" fail; the others are printed.
 */
class JavaScriptOnBrowserIT extends HavenJourneys {

    @Override
    boolean javascript() {
        return true;
    }

    @Test
    void thePagesHaveNoSeriousOrCriticalAccessibilityViolations() {
        Optional<Axe> loaded = Axe.load();
        assumeTrue(loaded.isPresent(), "axe-core not found at " + Axe.SCRIPT.toAbsolutePath()
                + " (run with -Pbrowser, or pass -Daxe.script=.../axe.min.js)");
        Axe axe = loaded.get();
        List<Axe.Report> reports = new ArrayList<>();

        browser.open("/sign-up");
        reports.add(axe.check(browser, "sign-up page (/sign-up)"));
        browser.open("/recover");
        browser.press(Browser.button("Set my new passphrase"));
        reports.add(axe.check(browser, "recovery page shown again with errors (POST /recover)"));

        signIn(signUp());
        openComposeFromHome();
        browser.type(By.id("title"), "A quiet evening " + suffix());
        browser.type(By.id("body"), "Made it through *another* evening.\n\n- a walk\n- tea\n\n> one day at a time");
        browser.press(Browser.button("Post thread"));
        long threadId = threadIdShown();
        browser.type(By.id("body"), "Well done. [A link](https://example.org/) and `code`.");
        browser.press(Browser.button("Post reply"));

        browser.open("/");
        reports.add(axe.check(browser, "home page (/), signed in, with recent threads"));

        browser.open("/threads/" + threadId);
        reports.add(axe.check(browser, "thread page (/threads/" + threadId + "), signed in, with the reply form"));

        openComposeFromHome();
        browser.type(By.id("body"), "No title on purpose.");
        browser.press(Browser.button("Post thread"));
        reports.add(axe.check(browser, "new-thread form shown again with an error (POST /threads/new)"));

        signOut();
        String moderator = signUp();
        Api api = new Api(base);
        api.changeRole(api.administrator(), moderator, "moderator");
        signIn(moderator);
        browser.open("/moderation");
        reports.add(axe.check(browser, "care lane (/moderation), a moderator, with items"));
        browser.open("/threads/" + threadId);
        reports.add(axe.check(browser, "thread page (/threads/" + threadId + "), a moderator, with the moderator tools"));
        // a reported post waits in the review lane (with its hide button), and another was hidden, to be shown again
        Api.Member writer = api.newMember("AxeWriter");
        Api.Member reader = api.newMember("AxeReader");
        Api.Member otherModerator = api.newModerator("AxeModerator");
        long[] reported = new long[2];
        for (int k = 0; k < 2; k++) {
            reported[k] = api.startThread(writer, "cravings-and-triggers", "For sale " + k + " " + suffix(),
                    "Selling my spare bars, message me.", false).getJsonObject("post").getJsonNumber("id").longValue();
            api.json("POST", "api/v1/posts/" + reported[k] + "/reports", Api.object("reason", "drug-sourcing",
                    "note", null), reader);
        }
        jakarta.json.JsonObject item = api.get("api/v1/moderation/queue?lane=review", otherModerator).json()
                .getJsonArray("items").getValuesAs(jakarta.json.JsonObject.class).stream()
                .filter(i -> i.getJsonNumber("postId").longValue() == reported[1]).findFirst().orElseThrow();
        api.json("POST", "api/v1/moderation/items/" + item.getJsonNumber("id") + "/decisions", Api.object("action",
                "hide", "reason", "Selling", "version", item.getJsonNumber("version").longValue()), otherModerator);
        browser.open("/moderation?lane=review");
        reports.add(axe.check(browser, "review lane (/moderation?lane=review), a moderator, with an item"));
        browser.open("/moderation/posts/" + reported[1] + "/restore");
        reports.add(axe.check(browser, "form to show a hidden post again (/moderation/posts/{id}/restore)"));
        browser.press(Browser.button("Show the post again"));
        reports.add(axe.check(browser, "that form shown again with an error"));
        browser.open("/moderation/posts/" + reported[0] + "/edit");
        reports.add(axe.check(browser, "form to edit a post as a moderator (/moderation/posts/{id}/edit)"));
        browser.press(Browser.button("Save the edit"));
        reports.add(axe.check(browser, "that form shown again with an error"));
        browser.open("/moderation/audit");
        reports.add(axe.check(browser, "audit log (/moderation/audit), a moderator, with entries"));
        long watched = api.json("POST", "api/v1/moderation/watched-words", Api.object("phrase", "axe" + suffix(),
                "action", "hold"), otherModerator).json().getJsonNumber("id").longValue();
        browser.open("/moderation/watched-words");
        reports.add(axe.check(browser, "watched words and pre-moderation (/moderation/watched-words), with an entry"));
        browser.press(Browser.button("Watch this word"));
        reports.add(axe.check(browser, "that form shown again with an error"));
        api.send("DELETE", "api/v1/moderation/watched-words/" + watched, null, null, otherModerator.bearer());
        browser.open("/moderation/posts/" + reported[0] + "/sanction");
        reports.add(axe.check(browser, "form to act on a post's writer (/moderation/posts/{id}/sanction)"));
        browser.press(Browser.button("Send"));
        reports.add(axe.check(browser, "that form shown again with an error"));
        browser.open("/threads/" + threadId);
        String postId = browser.find(By.cssSelector("article.post")).getAttribute("id").substring("post-".length());
        browser.open("/posts/" + postId + "/report");
        browser.press(Browser.button("Send to moderators"));
        reports.add(axe.check(browser, "report form shown again with an error (POST /posts/{id}/report)"));

        browser.open("/search?q=" + java.net.URLEncoder.encode("A quiet evening", java.nio.charset.StandardCharsets.UTF_8));
        reports.add(axe.check(browser, "search results (/search?q=), with topic filters"));
        browser.open("/search?q=how+many+pills+to+not+wake+up");
        reports.add(axe.check(browser, "search with crisis help above the results"));
        browser.open("/search?q=tea&from=yesterday&sort=loudest");
        reports.add(axe.check(browser, "search form shown again with errors"));

        browser.open("/account");
        browser.press(Browser.button("Delete my account"));
        reports.add(axe.check(browser, "account page shown again with errors (POST /account/delete)"));

        // The check is live: an image without a text alternative planted in the page is found.
        browser.script("var i = document.createElement('img'); i.src = '/css/haven.css'; document.getElementById('main').appendChild(i);");
        assertTrue(axe.check(browser, "probe").violations().stream().anyMatch(v -> v.id().equals("image-alt")),
                "axe-core reports a planted <img> without alt text");

        reports.forEach(r -> System.out.println("[axe] " + r.describe()));
        List<Axe.Report> failing = reports.stream().filter(r -> !r.blocking().isEmpty()).toList();
        assertTrue(failing.isEmpty(), () -> "serious or critical accessibility violations:\n"
                + failing.stream().map(Axe.Report::describe).collect(Collectors.joining("\n")));
    }

    @Test
    void helpAppearsAsTheMemberTypesBeforeAnyButtonIsPressed() {
        signIn(signUp());
        openComposeFromHome();
        browser.type(By.id("body"), "i took all my pills and i'm scared");

        WebElement live = browser.find(By.cssSelector("#live-help section.help-panel"));
        assertEquals("Emergency", live.findElements(By.cssSelector(".resource-name")).get(0).getText());

        browser.type(By.id("body"), "this craving is killing me");
        browser.await().until(d -> d.findElements(By.cssSelector("#live-help section.help-panel")).isEmpty());
    }

    @Test
    void aModeratorIsAlertedOnAnyPageTheMomentSomeoneMayBeInDanger() {
        Api api = new Api(base);
        String moderator = signUp();
        api.changeRole(api.administrator(), moderator, "moderator");
        signIn(moderator);
        browser.open("/");
        browser.await().until(d -> d.findElement(By.id("care-alerts")).getAttribute("data-listening") != null);

        Api.Member writer = api.newMember("BrAlerted");
        long postId = api.startThread(writer, "cravings-and-triggers", "Tonight " + suffix(),
                "i took all my pills and i'm scared", false).getJsonObject("post").getJsonNumber("id").longValue();

        WebElement alert = browser.await().until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//section[contains(@class,'care-alert')][.//a[@href='/posts/" + postId + "']]")));
        assertTrue(alert.getText().contains("Imminent danger"), alert.getText());
        assertEquals("/", browser.currentPath(), "the alert came to the page the moderator was reading");
    }
}
