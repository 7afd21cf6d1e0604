package org.haven.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.haven.testing.Api;
import org.haven.testing.HavenDeployment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The member journeys of DESIGN.md ("Web pages", "Testing") driven through real pages in headless Chromium:
 * sign up, sign in, start a thread with a preview, reply, get a bad form back without losing anything, sign out,
 * and script in a post that must not run. Each subclass runs them all once, with JavaScript off or on; each test
 * signs up its own member in its own fresh browser.
 */
@ExtendWith(ArquillianExtension.class)
abstract class HavenJourneys {

    static final String TOPIC = "Cravings & triggers";
    static final String PASSPHRASE = "quiet lantern harbour 2024";
    private static final Pattern RECOVERY_CODE = Pattern.compile("[A-Z0-9]{4}(-[A-Z0-9]{4}){4}");
    private static final Pattern THREAD_PATH = Pattern.compile("/threads/(\\d+)");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return HavenDeployment.war();
    }

    @ArquillianResource
    URL base;

    Browser browser;
    private String testName;

    /** Whether the page's own scripts run in this variant. */
    abstract boolean javascript();

    @RegisterExtension
    final AfterTestExecutionCallback screenshotOnFailure = context -> {
        if (context.getExecutionException().isPresent() && browser != null) {
            browser.snapshot(testName);
        }
    };

    @BeforeEach
    void openBrowser(TestInfo test) {
        testName = getClass().getSimpleName() + "-" + test.getTestMethod().map(m -> m.getName()).orElse("test");
        browser = new Browser(base, javascript());
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    // ---------------------------------------------------------------- the journeys

    @Test
    void aModeratorWatchesAWordAndAPostWithItWaitsUntilApproved() {
        Api api = new Api(base);
        String moderator = signUp();
        api.changeRole(api.administrator(), moderator, "moderator");
        signIn(moderator);
        String word = "zv" + suffix().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]", "") + "qx";
        browser.open("/moderation/watched-words");
        browser.type(By.id("phrase"), word);
        browser.find(By.id("action-hold")).click();
        browser.press(Browser.button("Watch this word"));
        assertEquals("The word is watched from now on.", browser.find(By.cssSelector(".notice[role=status]")).getText());
        assertTrue(browser.find(By.cssSelector(".watched-words")).getText().contains(word));
        Api.Member moderatorApi = api.signInAs(moderator, PASSPHRASE);
        try {
            signOut();
            signIn(signUp());
            openComposeFromHome();
            // calm words around it: a post the crisis detector reads as danger is never held (WatchedWordsIT)
            browser.type(By.id("title"), "A question about " + word);
            browser.type(By.id("body"), "Has anyone here been to a " + word + " meeting?");
            browser.press(Browser.button("Post thread"));
            long threadId = threadIdShown();
            assertTrue(browser.find(By.cssSelector(".held-notice")).getText()
                    .startsWith("Your post is waiting for a moderator's approval"), "the writer is told");
            assertTrue(browser.find(By.cssSelector(".held-post")).getText().contains(word), "and reads their post");

            signOut();
            browser.open("/threads/" + threadId);
            assertFalse(browser.mainContent().getText().contains(word), "no one else reads it meanwhile");
            assertTrue(browser.mainContent().getText().contains("waiting for a moderator's approval"));
        } finally {
            jakarta.json.JsonObject entry = api.get("api/v1/moderation/watched-words", moderatorApi).json()
                    .getJsonArray("words").getValuesAs(jakarta.json.JsonObject.class).stream()
                    .filter(w -> w.getString("phrase").equals(word)).findFirst().orElseThrow();
            api.send("DELETE", "api/v1/moderation/watched-words/" + entry.getJsonNumber("id"), null, null,
                    moderatorApi.bearer());
        }
    }

    @Test
    void aNewMemberSignsUpSeesTheRecoveryCodeSignsInAndSignsOut() {
        String pseudonym = signUp();

        signIn(pseudonym);
        assertEquals("Signed in as " + pseudonym, browser.find(By.cssSelector(".site-header .signed-in")).getText());

        signOut();
        assertTrue(browser.all(By.cssSelector(".site-header .signed-in")).isEmpty(), "no member shown after signing out");
        assertEquals("Sign in", browser.find(By.cssSelector(".site-header a[href='/sign-in']")).getText());
    }

    @Test
    void aMemberStartsAThreadWithAPreviewAndReplies() {
        signIn(signUp());
        String title = "Holding on through the evening " + suffix();

        openComposeFromHome();
        browser.type(By.id("title"), title);
        browser.type(By.id("body"), "Evenings are hard. Staying *steady* with a walk.");
        browser.press(Browser.button("Preview"));

        WebElement preview = browser.find(By.cssSelector(".preview"));
        assertEquals("steady", preview.findElement(By.tagName("em")).getText(), "Markdown rendered in the preview");
        assertTrue(preview.getText().contains(title), preview.getText());
        assertEquals(title, browser.valueOf(By.id("title")), "the title is kept after the preview");
        assertEquals("Evenings are hard. Staying *steady* with a walk.", browser.valueOf(By.id("body")),
                "the Markdown source is kept after the preview");

        browser.press(Browser.button("Post thread"));

        long threadId = threadIdShown();
        assertEquals(title, browser.find(By.tagName("h1")).getText());
        WebElement opening = browser.find(By.cssSelector("article.post .post-body"));
        assertEquals("steady", opening.findElement(By.tagName("em")).getText());
        assertTrue(opening.getText().contains("Evenings are hard."), opening.getText());

        browser.type(By.id("body"), "Thank you. A **walk** after dinner helps me too — café ☕.");
        browser.press(Browser.button("Post reply"));

        assertEquals(threadId, threadIdShown(), "the reply lands on the same thread");
        List<WebElement> posts = browser.all(By.cssSelector("article.post"));
        assertEquals(2, posts.size(), "the opening post and the reply");
        WebElement reply = posts.get(1).findElement(By.cssSelector(".post-body"));
        assertEquals("walk", reply.findElement(By.tagName("strong")).getText());
        assertTrue(reply.getText().contains("after dinner helps me too — café ☕."), "text kept exactly, accents and emoji too: " + reply.getText());
        String fragment = browser.driver().getCurrentUrl().replaceFirst("^[^#]*#?", "");
        if (!fragment.isEmpty()) {
            assertEquals(fragment, posts.get(1).getAttribute("id"), "the page points at the new reply");
        }
    }

    @Test
    void aMemberWhoForgotThePassphraseComesBackWithTheRecoveryCode() {
        String pseudonym = Api.newPseudonym("Br");
        browser.open("/sign-up");
        browser.type(By.id("pseudonym"), pseudonym);
        browser.type(By.id("passphrase"), PASSPHRASE);
        browser.press(Browser.button("Create my account"));
        String code = browser.find(By.id("recovery-code")).getText().strip();

        browser.open("/sign-in");
        browser.follow(By.linkText("Use your recovery code"));
        browser.type(By.id("pseudonym"), pseudonym);
        browser.type(By.id("recoveryCode"), code);
        browser.type(By.id("newPassphrase"), "a new harbour lantern");
        browser.press(Browser.button("Set my new passphrase"));

        assertEquals("Welcome back, " + pseudonym, browser.find(By.tagName("h1")).getText());
        String next = browser.find(By.id("recovery-code")).getText().strip();
        assertTrue(RECOVERY_CODE.matcher(next).matches() && !next.equals(code), "a new code: " + next);
        browser.follow(By.linkText("I have saved it, sign me in"));
        browser.type(By.id("pseudonym"), pseudonym);
        browser.type(By.id("passphrase"), "a new harbour lantern");
        browser.press(Browser.button("Sign in"));
        assertEquals("Signed in as " + pseudonym, browser.find(By.cssSelector(".site-header .signed-in")).getText());
    }

    @Test
    void aMemberDeletesTheirAccountFromTheAccountPageAndTheirPseudonymNoLongerSignsIn() {
        String pseudonym = signUp();
        signIn(pseudonym);
        browser.follow(By.cssSelector(".site-header a[href='/account']"));
        assertEquals("Your account", browser.find(By.tagName("h1")).getText());

        // no choice made: the form comes back saying what is missing, and nothing happened
        browser.type(By.id("passphrase"), PASSPHRASE);
        browser.press(Browser.button("Delete my account"));
        assertTrue(browser.find(By.cssSelector(".error-summary")).getText().contains("Choose what becomes of your posts"),
                browser.describePage());
        assertEquals("Signed in as " + pseudonym, browser.find(By.cssSelector(".site-header .signed-in")).getText());

        browser.find(By.cssSelector("input[name='posts'][value='erase']")).click();
        browser.type(By.id("passphrase"), PASSPHRASE);
        browser.press(Browser.button("Delete my account"));

        assertEquals("Your account is deleted", browser.find(By.tagName("h1")).getText());
        assertTrue(browser.all(By.cssSelector(".site-header .signed-in")).isEmpty(), "signed out with the account");
        browser.open("/sign-in");
        browser.type(By.id("pseudonym"), pseudonym);
        browser.type(By.id("passphrase"), PASSPHRASE);
        browser.press(Browser.button("Sign in"));
        assertTrue(browser.find(By.cssSelector(".error-summary")).getText().contains("do not match"), browser.describePage());
    }

    @Test
    void aWorriedReaderReportsAPostAndItReachesTheCareLane() {
        Api api = new Api(base);
        Api.Member writer = api.newMember("BrQuiet");
        long threadId = api.startThread(writer, "cravings-and-triggers", "Quiet week " + suffix(),
                "Quiet week. Cleared out the shed and sorted my papers.", false).getJsonNumber("id").longValue();
        String reader = signUp();
        signIn(reader);

        browser.open("/threads/" + threadId);
        browser.follow(By.partialLinkText("Report"));
        assertEquals("Report a post", browser.find(By.tagName("h1")).getText());
        browser.find(By.cssSelector("input[name='reason'][value='at-risk']")).click();
        String note = "They said goodbye to everyone " + suffix();
        browser.type(By.id("note"), note);
        browser.press(Browser.button("Send to moderators"));

        assertEquals("Thank you", browser.find(By.tagName("h1")).getText());
        assertFalse(browser.all(By.cssSelector("a[href='/help']")).isEmpty(), "the reader is shown the crisis lines");

        api.changeRole(api.administrator(), reader, "moderator");
        browser.open("/");
        browser.follow(By.linkText("Care lane"));
        By item = By.xpath("//li[contains(@class,'care-item')][.//q[contains(., '" + note + "')]]");
        while (browser.all(item).isEmpty() && !browser.all(By.cssSelector(".pagination a[rel='next']")).isEmpty()) {
            browser.follow(By.cssSelector(".pagination a[rel='next']"));
        }
        assertTrue(browser.find(item).getText().contains("A member is worried about this person"),
                browser.find(item).getText());
    }

    @Test
    void aModeratorFollowsTheCareLaneFromTheHeaderToThePostOfSomeoneInDanger() {
        Api api = new Api(base);
        Api.Member writer = api.newMember("BrCare");
        long threadId = api.startThread(writer, "cravings-and-triggers", "Late " + suffix(), "Can't sleep.", false)
                .getJsonNumber("id").longValue();
        long postId = api.reply(writer, threadId, "i took all my pills and i'm scared", false)
                .getJsonObject("post").getJsonNumber("id").longValue();
        String moderator = signUp();
        api.changeRole(api.administrator(), moderator, "moderator");
        signIn(moderator);

        browser.follow(By.linkText("Care lane"));
        assertEquals("Care lane", browser.find(By.tagName("h1")).getText());
        By item = By.cssSelector(".care-item a[href='/posts/" + postId + "']");
        while (browser.all(item).isEmpty() && !browser.all(By.cssSelector(".pagination a[rel='next']")).isEmpty()) {
            browser.follow(By.cssSelector(".pagination a[rel='next']")); // older imminent items come first
        }
        WebElement care = browser.find(By.cssSelector(".care-item:has(a[href='/posts/" + postId + "'])"));
        assertTrue(care.getText().contains("Imminent danger"), care.getText());
        assertTrue(care.getText().contains("i took all my pills and i'm scared"), care.getText());

        String lanePage = browser.currentPath();
        browser.follow(item);
        assertEquals(threadId, threadIdShown(), "the link opens the post's thread");
        assertTrue(browser.driver().getCurrentUrl().endsWith("#post-" + postId), browser.driver().getCurrentUrl());
        assertTrue(browser.find(By.id("post-" + postId)).getText().contains("i took all my pills"));

        // back in the lane the moderator claims the item, then closes it with what they did
        browser.open(lanePage);
        By itemBox = By.cssSelector(".care-item:has(a[href='/posts/" + postId + "'])");
        browser.press(By.cssSelector(".care-item:has(a[href='/posts/" + postId + "']) form[action$='/claim'] button"));
        assertTrue(browser.find(By.cssSelector(".notice[role='status']")).getText().contains("You have claimed"),
                browser.describePage());
        browser.open(lanePage);
        assertTrue(browser.find(itemBox).getText().contains("You have claimed this item until"),
                browser.find(itemBox).getText());
        String done = "Replied in the thread and stayed with them " + suffix();
        String itemId = browser.find(itemBox).getAttribute("id").substring("item-".length());
        browser.type(By.id("reason-" + itemId), done);
        browser.press(By.cssSelector("#item-" + itemId + " button[value='approve']"));
        assertTrue(browser.find(By.cssSelector(".notice[role='status']")).getText().contains("The item is closed"),
                browser.describePage());
        browser.follow(By.linkText("Audit log"));
        WebElement entry = browser.find(By.xpath("//table[contains(@class,'audit')]//tr[td[contains(., '" + done
                + "')]]"));
        assertTrue(entry.getText().contains("Looked after (closed)") && entry.getText().contains(moderator),
                entry.getText());
        browser.open(lanePage);
        assertTrue(browser.all(itemBox).isEmpty(), "the closed item left the lane");
    }

    @Test
    void aThreadWithoutATitleComesBackWithTheMessageAndNothingLost() {
        signIn(signUp());
        String body = "I wrote all this and forgot the title. *Still here* — naïve, 💙.";

        openComposeFromHome();
        browser.type(By.id("body"), body);
        browser.press(Browser.button("Post thread"));

        assertEquals(400, browser.status(), "the form comes back as a 400 page");
        assertEquals("Start a thread in " + TOPIC, browser.find(By.tagName("h1")).getText());
        WebElement summary = browser.find(By.cssSelector(".error-summary"));
        assertTrue(summary.getText().contains("Give your thread a title."), summary.getText());
        assertEquals("#title", summary.findElement(By.linkText("Give your thread a title.")).getDomAttribute("href"),
                "the summary links to the field");
        assertEquals("Give your thread a title.", browser.find(By.id("title-error")).getText());
        WebElement titleField = browser.find(By.id("title"));
        assertEquals("true", titleField.getDomAttribute("aria-invalid"));
        assertEquals("title-error", titleField.getDomAttribute("aria-describedby"));
        assertEquals(body, browser.valueOf(By.id("body")), "the body typed is still there");
    }

    @Test
    void scriptInAPostNeverRunsInTheBrowser() {
        signIn(signUp());
        String title = "Checking in " + suffix();
        openComposeFromHome();
        browser.type(By.id("title"), title);
        browser.type(By.id("body"), "Just checking in.");
        browser.press(Browser.button("Post thread"));
        long threadId = threadIdShown();

        browser.type(By.id("body"), "Look <img src=x onerror=\"document.title='pwned'\"> here\n\n"
                + "[click](javascript:document.title='pwned') and <script>document.title='pwned'</script>");
        browser.press(Browser.button("Post reply"));
        assertEquals(threadId, threadIdShown());
        browser.open("/threads/" + threadId);

        // Once the page has loaded (images and their error handlers included), its title, read through
        // WebDriver rather than the page's scripts, is the thread's own.
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("article.post + article.post")));
        browser.await().until(d -> "complete".equals(browser.script("return document.readyState;")));
        assertNotEquals("pwned", browser.driver().getTitle());
        assertEquals(title + " · Haven", browser.driver().getTitle());
        assertTrue(browser.all(By.cssSelector(".post-body img")).isEmpty(), "no <img> inside a post body");
        assertTrue(browser.all(By.cssSelector(".post-body script")).isEmpty(), "no <script> inside a post body");
        assertTrue(browser.all(By.cssSelector(".post-body [onerror], .post-body a[href^='javascript' i]")).isEmpty(),
                "no event handler or javascript: link inside a post body");
        WebElement reply = browser.all(By.cssSelector("article.post .post-body")).get(1);
        assertTrue(reply.getText().contains("click"), "the link text survives: " + reply.getText());
    }

    @Test
    void thePreviewShowsHelpBeforePostingToSomeoneInDangerAndNotForACraving() {
        signIn(signUp());
        openComposeFromHome();
        browser.type(By.id("title"), "evenings " + suffix());
        browser.type(By.id("body"), "this craving is killing me");
        browser.press(Browser.button("Preview"));
        browser.find(By.cssSelector(".preview"));
        assertTrue(browser.all(By.cssSelector("section.help-panel")).isEmpty(), "no help panel for a craving");

        browser.type(By.id("title"), "tonight " + suffix());
        browser.type(By.id("body"), "i took all my pills and i'm scared");
        browser.press(Browser.button("Preview"));
        WebElement panel = browser.find(By.cssSelector("section.help-panel"));
        List<WebElement> lines = panel.findElements(By.cssSelector(".resource-name"));
        assertEquals("Emergency", lines.get(0).getText(), "the emergency number comes first");
        assertTrue(panel.getText().contains("Call 911"), panel.getText());
        assertTrue(panel.getText().contains("988"), panel.getText());

        browser.press(Browser.button("Post thread"));
        threadIdShown();
        WebElement after = browser.find(By.cssSelector("section.help-panel"));
        assertTrue(after.getText().contains("Call 911"), "the writer sees help after posting too: " + after.getText());
        assertTrue(browser.find(By.cssSelector("section.banner")).getText().contains("If you are worried about someone here"));
        assertTrue(browser.find(By.cssSelector("article.post .post-body")).getText().contains("i took all my pills"),
                "the post is published, never held");
    }

    @Test
    void someoneLookingForAWayThroughACravingSearchesFromAnyPageAndFindsWhatAPeerWrote() {
        String tag = "walkabout" + suffix().toLowerCase(java.util.Locale.ROOT);
        Api api = new Api(base);
        String title = "When the urge hits at night " + tag;
        api.startThread(api.newMember("Peer"), "cravings-and-triggers", title,
                "Walking round the block twice got me through it. " + tag, false);

        browser.open("/");
        browser.type(By.id("site-search-q"), "craving " + tag);
        browser.press(By.cssSelector(".site-search button"));
        WebElement hit = browser.find(By.cssSelector(".hits li a"));
        assertEquals(title, hit.getText(), "the synonym finds the urge, and the thread's title is the link");
        assertTrue(browser.find(By.cssSelector(".hits .snippet mark")).getText().equalsIgnoreCase(tag),
                "the words found are marked in the passage");
        assertEquals("craving " + tag, browser.valueOf(By.id("q")), "the search form keeps the words");

        browser.follow(By.linkText(title));
        assertEquals(title, browser.find(By.tagName("h1")).getText());

        browser.type(By.id("site-search-q"), "how many pills to not wake up");
        browser.press(By.cssSelector(".site-search button"));
        WebElement help = browser.find(By.cssSelector("section.help-panel"));
        assertTrue(help.getText().contains("Call 911"), "the emergency number is offered: " + help.getText());
        assertTrue(help.getLocation().getY() < browser.find(By.cssSelector(".search-results")).getLocation().getY(),
                "the help comes before the results");

        browser.open("/search?q=" + tag + "&from=yesterday");
        assertTrue(browser.find(By.cssSelector(".error-summary")).getText().contains("YYYY-MM-DD"),
                "a bad date re-shows the form with its message");
        assertEquals(tag, browser.valueOf(By.id("q")), "and keeps the words");
    }

    // ---------------------------------------------------------------- steps shared by the journeys

    /** Signs up through /sign-up with a fresh pseudonym; returns it after checking the recovery code page. */
    String signUp() {
        browser.open("/sign-up");
        String suggested = browser.valueOf(By.id("pseudonym"));
        assertFalse(suggested == null || suggested.isBlank(), "the sign-up page suggests a pseudonym");

        String pseudonym = Api.newPseudonym("Br");
        browser.type(By.id("pseudonym"), pseudonym);
        browser.type(By.id("passphrase"), PASSPHRASE);
        browser.press(Browser.button("Create my account"));

        String code = browser.find(By.id("recovery-code")).getText().strip();
        assertTrue(RECOVERY_CODE.matcher(code).matches(), "recovery code XXXX-XXXX-XXXX-XXXX-XXXX, was: " + code);
        assertEquals("Welcome, " + pseudonym, browser.find(By.tagName("h1")).getText());
        return pseudonym;
    }

    /** Signs in through /sign-in and checks the header names the member. */
    void signIn(String pseudonym) {
        browser.open("/sign-in");
        browser.type(By.id("pseudonym"), pseudonym);
        browser.type(By.id("passphrase"), PASSPHRASE);
        browser.press(Browser.button("Sign in"));
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".site-header"),
                "Signed in as " + pseudonym));
    }

    void signOut() {
        browser.press(By.cssSelector(".site-header form[action='/sign-out'] button"));
    }

    /** Home page → topic → "Start a thread": the compose form of that topic. */
    void openComposeFromHome() {
        browser.open("/");
        browser.follow(By.linkText(TOPIC));
        assertEquals(TOPIC, browser.find(By.tagName("h1")).getText());
        browser.follow(By.linkText("Start a thread"));
        assertEquals("Start a thread in " + TOPIC, browser.find(By.tagName("h1")).getText());
    }

    /** The id of the thread page shown (fails when another page is shown). */
    long threadIdShown() {
        browser.await().until(ExpectedConditions.urlMatches("/threads/\\d+"));
        Matcher m = THREAD_PATH.matcher(browser.currentPath());
        assertTrue(m.lookingAt(), "a thread page, was " + browser.currentPath());
        return Long.parseLong(m.group(1));
    }

    static String suffix() {
        return Api.newPseudonym("").substring(0, 6);
    }
}
