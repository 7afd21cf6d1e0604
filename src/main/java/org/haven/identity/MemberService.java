package org.haven.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionalException;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.haven.platform.Clock;
import org.haven.platform.Secrets;
import org.haven.web.ApiException;
import org.haven.web.Throttle;

/**
 * Sign-up, sign-in, sign-out, session resolution and roles. Slow passphrase hashing happens outside
 * any transaction so it never holds a database connection.
 */
@ApplicationScoped
public class MemberService {

    private static final Logger LOG = Logger.getLogger(MemberService.class.getName());
    private static final Duration SIGN_IN_WINDOW = Duration.ofMinutes(15);
    private static final String TOO_MANY_FROM_HERE = "Too many failed sign-ins from here. Please wait a few minutes.";
    private static final String TOO_MANY_FOR_NAME = "Too many failed sign-ins for this pseudonym. Please wait a few minutes.";
    private static final String TOO_MANY_FOR_NAME_FROM_HERE =
            "Too many failed sign-ins for this pseudonym from here. Please wait a few minutes.";

    @Inject
    MemberRepository repository;

    @Inject
    PassphraseHasher hasher;

    @Inject
    Clock clock;

    @Inject
    Throttle throttle;

    @Inject
    @ConfigProperty(name = "haven.session.lifetime.hours", defaultValue = "336")
    long sessionLifetimeHours;

    /** Failed sign-ins for one pseudonym from one (hashed) client address, in 15 minutes. */
    @Inject
    @ConfigProperty(name = "haven.limit.sign-in.failures", defaultValue = "10")
    int signInFailuresAllowed;

    /**
     * Failed sign-ins for one pseudonym from everywhere, in 15 minutes: the ceiling for guesses spread over many
     * addresses. Well above the limit per pseudonym and address, so that a stranger guessing from one place cannot
     * lock the member out of their own account.
     */
    @Inject
    @ConfigProperty(name = "haven.limit.sign-in.failures.per.pseudonym", defaultValue = "100")
    int signInFailuresPerPseudonym;

    /** Failed sign-ins from one (hashed) client address, across pseudonyms, in 15 minutes. */
    @Inject
    @ConfigProperty(name = "haven.limit.sign-in.failures.per.client", defaultValue = "50")
    int signInFailuresPerClient;

    @Inject
    @ConfigProperty(name = "haven.limit.sign-ups.per.hour", defaultValue = "20")
    int signUpsPerHour;

    /** What sign-up hands back: the pseudonym and the recovery code, which is never shown again. */
    public record SignedUp(String pseudonym, String recoveryCode) {
    }

    /** A new session: the bearer token (shown once), its CSRF token and who it belongs to. */
    public record SignedIn(String token, String csrfToken, String pseudonym, MemberRole role, int maxAgeSeconds) {
    }

    public SignedUp signUp(String requestedPseudonym, String passphrase, String clientKey) {
        throttle.hit("sign-up", clientKey, signUpsPerHour, Duration.ofHours(1),
                "Too many accounts were created from here recently. Please try again later.");
        String pseudonym = requestedPseudonym == null || requestedPseudonym.isBlank()
                ? freeSuggestion() : requestedPseudonym.strip();
        checkPseudonym(pseudonym);
        String recoveryCode = RecoveryCodes.generate();
        Member member = new Member(pseudonym, hasher.hash(passphrase), RecoveryCodes.hash(recoveryCode),
                MemberRole.MEMBER, clock.now());
        try {
            repository.add(member);
        } catch (PersistenceException | TransactionalException e) {
            // a concurrent sign-up took the name between the check and the insert
            throw taken();
        }
        LOG.fine(() -> "member " + member.id() + " signed up");
        return new SignedUp(pseudonym, recoveryCode);
    }

    /** A pseudonym nobody has, for the sign-up form. */
    public String freeSuggestion() {
        for (int i = 0; i < 20; i++) {
            String candidate = Pseudonyms.suggest();
            if (repository.byPseudonym(candidate).isEmpty()) {
                return candidate;
            }
        }
        return Pseudonyms.suggest() + Secrets.random().nextInt(10);
    }

    private void checkPseudonym(String pseudonym) {
        if (!Pseudonyms.isWellFormed(pseudonym)) {
            throw ApiException.invalid("pseudonym", Pseudonyms.RULE);
        }
        if (Pseudonyms.isReserved(pseudonym)) {
            throw ApiException.invalid("pseudonym", "That pseudonym is reserved. Please choose another.");
        }
        if (repository.byPseudonym(pseudonym).isPresent()) {
            throw taken();
        }
    }

    private static ApiException taken() {
        return new ApiException(409, "Pseudonym taken", "Someone already uses that pseudonym. Please choose another.",
                java.util.List.of(new org.haven.web.Problem.FieldError("pseudonym", "body",
                        "Someone already uses that pseudonym. Please choose another.")));
    }

    public SignedIn signIn(String pseudonym, String passphrase, String clientKey) {
        String key = Pseudonyms.key(pseudonym.strip());
        countSignInAttempt(key, clientKey);
        Optional<Member> found = repository.byPseudonym(key);
        boolean matches = found.isPresent() && hasher.verify(passphrase, found.get().passphraseHash());
        if (found.isEmpty()) {
            hasher.burn(passphrase);
        }
        if (!matches) {
            throw wrongCredentials();
        }
        Member member = found.get();
        // the passphrase may have changed while it was being checked: then it no longer opens a session, and the
        // attempt stays counted as a failure
        SignedIn session = openSession(member, member.passphraseHash()).orElseThrow(MemberService::wrongCredentials);
        signInSucceeded(key, clientKey);
        LOG.fine(() -> "member " + member.id() + " signed in");
        return session;
    }

    /** A new session, if the member's passphrase is still the one checked ({@code checkedHash}). */
    private Optional<SignedIn> openSession(Member member, String checkedHash) {
        String token = Secrets.randomToken(32);
        var now = clock.now();
        if (!repository.startSession(Secrets.sha256Hex(token), member.id(), checkedHash, now,
                now.plusHours(sessionLifetimeHours))) {
            return Optional.empty();
        }
        return Optional.of(new SignedIn(token, SessionCookies.csrfFor(token), member.pseudonym(), member.role(),
                (int) Math.min(Integer.MAX_VALUE, sessionLifetimeHours * 3600)));
    }

    /**
     * A signed-in member changes their passphrase, confirming the current one (failures count like sign-ins).
     * Every session ends, this one too, and the member is handed a fresh one: a session left open elsewhere, or a
     * token someone copied, even this one's, stops working.
     */
    public SignedIn changePassphrase(Viewer viewer, String currentPassphrase, String newPassphrase, String clientKey) {
        String confirmed = confirmPassphrase(viewer, currentPassphrase, "currentPassphrase", clientKey);
        String changed = hasher.hash(newPassphrase);
        if (!repository.changePassphrase(viewer.memberId(), confirmed, changed)) {
            throw ApiException.conflict("Your passphrase was changed somewhere else a moment ago, so this change was "
                    + "not made. Sign in with the newest passphrase and try again.");
        }
        Member member = repository.byId(viewer.memberId()).orElseThrow(() -> ApiException.notFound("That member"));
        LOG.info(() -> "member " + viewer.memberId() + " changed their passphrase; every session ended, a new one began");
        // another change right after this one ends this session too, as it should
        return openSession(member, changed).orElseThrow(MemberService::wrongCredentials);
    }

    /**
     * The member's own passphrase again, before something that cannot be undone. Failures count like failed
     * sign-ins: a session left open on a shared computer must not be a way to guess the passphrase.
     */
    public String confirmPassphrase(Viewer viewer, String passphrase, String field, String clientKey) {
        String key = Pseudonyms.key(viewer.pseudonym());
        countSignInAttempt(key, clientKey);
        Member member = repository.byId(viewer.memberId()).orElseThrow(() -> ApiException.notFound("That member"));
        if (!hasher.verify(passphrase, member.passphraseHash())) {
            String message = "That is not your passphrase. Nothing was changed.";
            throw new ApiException(403, "Passphrase not confirmed", message,
                    java.util.List.of(new org.haven.web.Problem.FieldError(field, "body", message)));
        }
        signInSucceeded(key, clientKey);
        return member.passphraseHash();
    }

    /**
     * Only failures count: for a pseudonym from one (hashed) address, for a pseudonym from everywhere (a higher
     * ceiling), and from one address across pseudonyms. Past any of them even the right passphrase waits. The
     * tightest limit is the pair's, so that someone guessing a member's passphrase from one place locks only that
     * place out, not the member, who signs in from their own. Each attempt is counted before the (slow) passphrase
     * check and taken back when it succeeds: checking first and counting after would let guesses sent together all
     * pass the check.
     */
    private void countSignInAttempt(String pseudonymKey, String clientKey) {
        throttle.hit("sign-in-client", clientKey, signInFailuresPerClient, SIGN_IN_WINDOW, TOO_MANY_FROM_HERE);
        try {
            throttle.hit("sign-in", pseudonymKey, signInFailuresPerPseudonym, SIGN_IN_WINDOW, TOO_MANY_FOR_NAME);
        } catch (RuntimeException refused) {
            // refused before anything was tried: no failure from this address
            throttle.release("sign-in-client", clientKey);
            throw refused;
        }
        try {
            throttle.hit("sign-in-pair", pair(pseudonymKey, clientKey), signInFailuresAllowed, SIGN_IN_WINDOW,
                    TOO_MANY_FOR_NAME_FROM_HERE);
        } catch (RuntimeException refused) {
            throttle.release("sign-in", pseudonymKey);
            throttle.release("sign-in-client", clientKey);
            throw refused;
        }
    }

    /** A success: this place's failures for the pseudonym are forgiven, and the attempt is taken back from the others. */
    private void signInSucceeded(String pseudonymKey, String clientKey) {
        throttle.reset("sign-in-pair", pair(pseudonymKey, clientKey));
        throttle.release("sign-in", pseudonymKey);
        throttle.release("sign-in-client", clientKey);
    }

    private static String pair(String pseudonymKey, String clientKey) {
        return pseudonymKey + '\n' + clientKey;
    }

    private static ApiException wrongCredentials() {
        return new ApiException(401, "Sign-in failed", "That pseudonym and passphrase do not match.", null);
    }

    public void signOut(String token) {
        repository.endSession(Secrets.sha256Hex(token));
    }

    /**
     * Whether the session whose token hashes to {@code sessionHash} is still open (not signed out, expired, or ended
     * by a passphrase change) and its member still moderates.
     */
    public boolean stillModerates(String sessionHash) {
        var now = clock.now();
        return repository.session(sessionHash).filter(s -> s.isActiveAt(now))
                .map(s -> s.member().role().canModerate()).orElse(false);
    }

    public Optional<Viewer> resolveSession(String token, boolean viaCookie) {
        var now = clock.now();
        return repository.session(Secrets.sha256Hex(token))
                .filter(s -> s.isActiveAt(now))
                .map(s -> {
                    Member m = s.member();
                    return new Viewer(m.id(), m.pseudonym(), m.role(), m.country(), SessionCookies.csrfFor(token), viaCookie,
                            m.suspendedUntil(), m.unreadNotices());
                });
    }

    /**
     * A forgotten passphrase: the one-time recovery code sets a new passphrase, is used up (a new code is
     * handed back, shown once) and every open session of the member ends. Failures count like sign-ins.
     */
    public SignedUp recover(String pseudonym, String recoveryCode, String newPassphrase, String clientKey) {
        String key = Pseudonyms.key(pseudonym.strip());
        countSignInAttempt(key, clientKey);
        Optional<Member> found = repository.byPseudonym(key);
        if (found.isEmpty() || !Secrets.constantTimeEquals(found.get().recoveryCodeHash(), RecoveryCodes.hash(recoveryCode))) {
            throw new ApiException(401, "Recovery failed", "That pseudonym and recovery code do not match.", null);
        }
        String nextCode = RecoveryCodes.generate();
        if (!repository.recover(found.get().id(), found.get().recoveryCodeHash(), hasher.hash(newPassphrase),
                RecoveryCodes.hash(nextCode))) {
            // the same code was used a moment ago (or the member left): it is spent
            throw new ApiException(401, "Recovery failed", "That pseudonym and recovery code do not match.", null);
        }
        signInSucceeded(key, clientKey);
        LOG.info(() -> "member " + found.get().id() + " recovered the account; sessions ended");
        return new SignedUp(found.get().pseudonym(), nextCode);
    }

    public void chooseCountry(long memberId, String country) {
        repository.chooseCountry(memberId, country);
    }

    public Member changeRole(String pseudonym, MemberRole role) {
        if (role == MemberRole.ADMIN) {
            throw ApiException.invalid("role", "Choose 'member' or 'moderator'. Administrators are created at start-up.");
        }
        Member target = repository.byPseudonym(pseudonym).orElseThrow(() -> ApiException.notFound("That member"));
        if (target.role() == MemberRole.ADMIN) {
            throw ApiException.conflict("An administrator's role cannot be changed here.");
        }
        Member changed = repository.changeRole(pseudonym, role);
        LOG.info(() -> "member " + changed.id() + " now has role " + role);
        return changed;
    }

    /**
     * Creates the first administrator from configuration when no administrator exists yet. Does
     * nothing when one exists, or when the pseudonym or passphrase is not configured (no defaults).
     */
    public void ensureFirstAdmin(String pseudonym, String passphrase) {
        if (repository.countWithRole(MemberRole.ADMIN) > 0) {
            return;
        }
        if (pseudonym == null || pseudonym.isBlank() || passphrase == null || passphrase.isBlank()) {
            LOG.info("No administrator yet: set HAVEN_ADMIN_PSEUDONYM and HAVEN_ADMIN_PASSPHRASE to create one");
            return;
        }
        if (!Pseudonyms.isWellFormed(pseudonym) || passphrase.length() < 10) {
            LOG.warning("HAVEN_ADMIN_PSEUDONYM or HAVEN_ADMIN_PASSPHRASE breaks the sign-up rules; no administrator created");
            return;
        }
        Optional<Member> existing = repository.byPseudonym(pseudonym);
        if (existing.isPresent()) {
            repository.changeRole(pseudonym, MemberRole.ADMIN);
            LOG.info(() -> "member " + existing.get().id() + " made the first administrator");
            return;
        }
        Member admin = repository.add(new Member(pseudonym, hasher.hash(passphrase),
                RecoveryCodes.hash(RecoveryCodes.generate()), MemberRole.ADMIN, clock.now()));
        LOG.info(() -> "first administrator created as member " + admin.id());
    }

    /**
     * A member for demo content: created with a passphrase hash that matches nothing, so nobody can
     * sign in as it. Answers the viewer to write as.
     */
    public Viewer demoMember(String pseudonym) {
        Member member = repository.byPseudonym(pseudonym).orElseGet(() -> repository.add(
                new Member(pseudonym, "!demo-account-no-sign-in", RecoveryCodes.hash(RecoveryCodes.generate()),
                        MemberRole.MEMBER, clock.now())));
        return new Viewer(member.id(), member.pseudonym(), member.role(), member.country(), "", false, null, 0);
    }
}
