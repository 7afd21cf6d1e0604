package org.haven.moderation;

import java.util.Arrays;
import java.util.Optional;

/** Why a member reports a post (DESIGN.md), as the API spells it, as the form words it, and the lane it goes to. */
public enum ReportReason {
    AT_RISK("at-risk", "I'm worried this person may be at risk", Lane.CARE),
    HARASSMENT("harassment", "Harassment or bullying", Lane.REVIEW),
    DRUG_SOURCING("drug-sourcing", "Drug sourcing or selling", Lane.REVIEW),
    IDENTIFYING_DETAILS("identifying-details", "Identifying details about someone", Lane.REVIEW),
    SPAM("spam", "Spam", Lane.REVIEW),
    OTHER("other", "Something else", Lane.REVIEW);

    private final String slug;
    private final String label;
    private final Lane lane;

    ReportReason(String slug, String label, Lane lane) {
        this.slug = slug;
        this.label = label;
        this.lane = lane;
    }

    public String slug() {
        return slug;
    }

    public String label() {
        return label;
    }

    Lane lane() {
        return lane;
    }

    public static Optional<ReportReason> of(String slug) {
        return Arrays.stream(values()).filter(r -> r.slug.equals(slug)).findFirst();
    }

    static final String CHOICES = "at-risk, harassment, drug-sourcing, identifying-details, spam or other";
}
