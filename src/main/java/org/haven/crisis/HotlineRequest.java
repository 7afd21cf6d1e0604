package org.haven.crisis;

import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.haven.web.StrictVersion;

/** An administrator's new or edited hotline entry; {@code version} is required for edits. */
public record HotlineRequest(
        @NotBlank(message = "Give the country: a two-letter code such as GB, or INTL for the international list.")
        @Pattern(regexp = "(?i)[A-Z]{2}|INTL", message = "The country is a two-letter code such as GB, or INTL.")
        String country,
        @NotBlank(message = "Give the line's name.") @Size(max = 200, message = "A name has at most 200 characters.")
        String name,
        @NotBlank(message = "Give the kind, such as emergency, suicide_crisis or poison_overdose.")
        @Pattern(regexp = "[a-z_]{3,40}", message = "The kind is lower-case words joined by '_', such as suicide_crisis.")
        String kind,
        @Size(max = 60, message = "A phone number has at most 60 characters.") String call,
        @Size(max = 100, message = "A text instruction has at most 100 characters.") String text,
        @Size(max = 300, message = "A web address has at most 300 characters.")
        @Pattern(regexp = "https://\\S+", message = "A web address starts with https://.") String url,
        @Size(max = 100, message = "Hours have at most 100 characters.") String hours,
        @Size(max = 500, message = "Notes have at most 500 characters.") String notes,
        Boolean verified,
        LocalDate lastVerified,
        @JsonbTypeDeserializer(StrictVersion.class) Long version) {
}
