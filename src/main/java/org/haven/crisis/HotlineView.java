package org.haven.crisis;

import java.time.LocalDate;

/** A hotline entry as the API shows it. */
public record HotlineView(Long id, String country, String name, String kind, String call, String text, String url,
        String hours, String notes, boolean verified, LocalDate lastVerified, long version) {

    /** A {@code tel:} link for the first number in {@code call} ("112 or 999" dials 112), or null. */
    public String telHref() {
        if (call == null) {
            return null;
        }
        var m = java.util.regex.Pattern.compile("\\+?[0-9][0-9 \\-]*[0-9]|[0-9]").matcher(call);
        return m.find() ? "tel:" + m.group().replaceAll("[ -]", "") : null;
    }
}
