package org.haven.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request and answer bodies of the identity API. */
public final class IdentityRequests {

    private IdentityRequests() {
    }

    /** Sign-up: leave the pseudonym out to be given a generated one. */
    public record SignUp(
            @Size(min = 3, max = 30, message = "A pseudonym has 3 to 30 characters.")
            @Pattern(regexp = Pseudonyms.PATTERN, message = Pseudonyms.RULE)
            String pseudonym,
            @NotNull(message = "Choose a passphrase of at least 10 characters.")
            @Size(min = 10, max = 200, message = "A passphrase has 10 to 200 characters.")
            String passphrase) {
    }

    public record SignIn(
            @NotBlank(message = "Enter your pseudonym.") @Size(max = 30, message = "A pseudonym has at most 30 characters.")
            String pseudonym,
            @NotBlank(message = "Enter your passphrase.") @Size(max = 200, message = "A passphrase has at most 200 characters.")
            String passphrase) {
    }

    /** A forgotten passphrase: the recovery code shown at sign-up and a new passphrase. */
    public record Recovery(
            @NotBlank(message = "Enter your pseudonym.") @Size(max = 30, message = "A pseudonym has at most 30 characters.")
            String pseudonym,
            @NotBlank(message = "Enter the recovery code you were given at sign-up.")
            @Size(max = 40, message = "A recovery code has 20 characters (and dashes).")
            String recoveryCode,
            @NotNull(message = "Choose a new passphrase of at least 10 characters.")
            @Size(min = 10, max = 200, message = "A passphrase has 10 to 200 characters.")
            String newPassphrase) {
    }

    public record RoleChange(
            @NotNull(message = "Give the role: 'member' or 'moderator'.")
            @Pattern(regexp = "(?i)member|moderator|admin", message = "The role is 'member' or 'moderator'.")
            String role) {
    }

    /** A new passphrase for a signed-in member, confirmed with the current one. */
    public record PassphraseChange(
            @NotBlank(message = "Enter your current passphrase.")
            @Size(max = 200, message = "A passphrase has at most 200 characters.")
            String currentPassphrase,
            @NotNull(message = "Choose a new passphrase of at least 10 characters.")
            @Size(min = 10, max = 200, message = "A passphrase has 10 to 200 characters.")
            String newPassphrase) {
    }

    /** Deleting an account: the passphrase again, and what becomes of the posts. */
    public record AccountDeletion(
            @NotBlank(message = "Enter your passphrase to confirm.")
            @Size(max = 200, message = "A passphrase has at most 200 characters.")
            String passphrase,
            @NotNull(message = AccountService.CHOOSE)
            @Pattern(regexp = "erase|keep", message = AccountService.CHOOSE)
            String posts) {

        public boolean erasePosts() {
            return "erase".equals(posts);
        }
    }

    public record SignedUpView(String pseudonym, String recoveryCode) {
    }

    public record SessionView(String token, String csrfToken, String pseudonym, String role) {
    }

    public record MemberView(String pseudonym, String role, String country) {
    }

    /** The country whose help lines a member sees; null goes back to the default. No geolocation, ever. */
    public record CountryChoice(
            @Pattern(regexp = "(?i)[A-Z]{2}", message = "The country is a two-letter code such as GB.")
            String country) {
    }

    public record Suggestion(String pseudonym) {
    }
}
