package org.haven.crisis;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;

/**
 * One line of the hotline directory. Seeded from {@code crisis/hotlines.json}; administrators edit it.
 * An unverified entry is never shown to members until an administrator {@link #confirm confirms} it.
 */
@Entity
@Table(name = "hotline")
@NamedQuery(name = "Hotline.all", query = "select h from Hotline h order by h.country, h.sortOrder, h.id")
@NamedQuery(name = "Hotline.shownFor", query = "select h from Hotline h where h.country = :country and h.verified = true "
        + "order by h.sortOrder, h.id")
@NamedQuery(name = "Hotline.count", query = "select count(h) from Hotline h")
public class Hotline {

    @Id
    @SequenceGenerator(name = "hotline_seq", sequenceName = "hotline_seq", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "hotline_seq")
    private Long id;

    @Column(nullable = false, length = 4)
    private String country;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(nullable = false, length = 40)
    private String kind;

    @Column(name = "call_number", length = 60)
    private String call;

    @Column(name = "text_number", length = 100)
    private String text;

    @Column(length = 300)
    private String url;

    @Column(length = 100)
    private String hours;

    @Column(length = 500)
    private String notes;

    @Column(nullable = false)
    private boolean verified;

    @Column(name = "last_verified")
    private LocalDate lastVerified;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    @Version
    private long version;

    protected Hotline() {
    }

    Hotline(HotlineRequest data, int sortOrder) {
        this.sortOrder = sortOrder;
        apply(data);
    }

    /** Replaces the entry's details with what an administrator entered. */
    void apply(HotlineRequest data) {
        this.country = data.country().toUpperCase(java.util.Locale.ROOT);
        this.name = data.name().strip();
        this.kind = data.kind().strip();
        this.call = blankToNull(data.call());
        this.text = blankToNull(data.text());
        this.url = blankToNull(data.url());
        this.hours = blankToNull(data.hours());
        this.notes = blankToNull(data.notes());
        boolean wasVerified = verified;
        this.verified = Boolean.TRUE.equals(data.verified());
        if (data.lastVerified() != null) {
            this.lastVerified = data.lastVerified();
        } else if (!verified) {
            this.lastVerified = null;
        } else if (!wasVerified || lastVerified == null) {
            // ticked as verified just now: checked today
            this.lastVerified = LocalDate.now(java.time.ZoneOffset.UTC);
        }
    }

    /** An administrator checked the entry with its operator today. */
    void confirm(LocalDate today) {
        this.verified = true;
        this.lastVerified = today;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public HotlineView view() {
        return new HotlineView(id, country, name, kind, call, text, url, hours, notes, verified, lastVerified, version);
    }

    String kind() {
        return kind;
    }

    long version() {
        return version;
    }
}
