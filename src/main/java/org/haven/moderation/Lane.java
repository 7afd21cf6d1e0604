package org.haven.moderation;

/** CARE: people who may be at risk. REVIEW: possible violations (not yet built). */
public enum Lane {
    CARE, REVIEW
}
