package org.haven.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.haven.platform.Secrets;

/**
 * Fixed-window request limits, kept in memory on this node. Client addresses are never kept: they are
 * reduced to an HMAC under a key that lives only in memory and changes every day (DESIGN.md, privacy).
 * TODO [scale] keep the windows in PostgreSQL so that limits hold across nodes.
 */
@ApplicationScoped
public class Throttle {

    private static final int MAX_ENTRIES = 50_000;

    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private volatile DailyKey dailyKey = new DailyKey(LocalDate.now(ZoneOffset.UTC), Secrets.randomToken(32));

    private record Window(long startMillis, int count) {
    }

    private record DailyKey(LocalDate day, String secret) {
    }

    /**
     * Counts one event for {@code key} in {@code scope}; past {@code limit} events per {@code window}
     * throws {@link RateLimitedException} saying when to try again.
     */
    public void hit(String scope, String key, int limit, Duration window, String message) {
        long now = System.currentTimeMillis();
        long span = window.toMillis();
        if (windows.size() > MAX_ENTRIES) {
            windows.values().removeIf(w -> now - w.startMillis() > span);
        }
        Window w = windows.compute(scope + '|' + key, (k, old) ->
                old == null || now - old.startMillis() >= span ? new Window(now, 1) : new Window(old.startMillis(), old.count() + 1));
        if (w.count() > limit) {
            throw new RateLimitedException(message, (w.startMillis() + span - now + 999) / 1000);
        }
    }

    /** Refuses, without counting, when {@code key} already used up {@code limit} events in the window. */
    public void ensureBelow(String scope, String key, int limit, Duration window, String message) {
        long now = System.currentTimeMillis();
        Window w = windows.get(scope + '|' + key);
        if (w != null && now - w.startMillis() < window.toMillis() && w.count() >= limit) {
            throw new RateLimitedException(message, (w.startMillis() + window.toMillis() - now + 999) / 1000);
        }
    }

    /** Forgets {@code key} in {@code scope}, e.g. after a successful sign-in. */
    public void reset(String scope, String key) {
        windows.remove(scope + '|' + key);
    }

    /** A keyed hash of a client address under today's in-memory key; the address itself is dropped. */
    public String clientKey(String remoteAddress) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        DailyKey key = dailyKey;
        if (!key.day().equals(today)) {
            key = new DailyKey(today, Secrets.randomToken(32));
            dailyKey = key;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(String.valueOf(remoteAddress).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
