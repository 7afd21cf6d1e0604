package org.haven.discussion;

/** OPEN threads take replies; a moderator can make a thread LOCKED (and open it again). */
public enum ThreadStatus {
    OPEN, LOCKED
}
