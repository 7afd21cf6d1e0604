package org.haven.browser;

/** The journeys with the page's own scripts switched off: every form must work as plain HTML. */
class JavaScriptOffBrowserIT extends HavenJourneys {

    @Override
    boolean javascript() {
        return false;
    }
}
