package org.haven.moderation;

/** CARE: people who may be at risk. REVIEW: possible violations, reported by members (decisions come later). */
public enum Lane {
    CARE, REVIEW
}
