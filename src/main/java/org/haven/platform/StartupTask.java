package org.haven.platform;

/**
 * Something a feature does once at start-up, after the schema is migrated. Tasks run in ascending
 * {@link #order()}: topics (10) before the first administrator (20) before demo content (30).
 */
public interface StartupTask {

    int order();

    void run();
}
