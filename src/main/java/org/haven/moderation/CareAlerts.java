package org.haven.moderation;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.haven.crisis.CrisisLevel;
import org.haven.identity.MemberService;
import org.haven.platform.Clock;

/**
 * Live alerts to moderators online (CRISIS.md: IMMINENT means "care item at the very top, live alert to online
 * moderators"): a server-sent event when a care item appears or rises at IDEATION's priority or above, a member's
 * worry included. The event carries the item's level and where the post is, never its words.
 *
 * <p>Why a poll of the database and not an event of the transaction that wrote the item: behind a load balancer
 * the post may be written on another node than the one a moderator's stream is open on. Every node looks every
 * two seconds, while someone listens, for items that appeared or rose in the last few minutes (the window absorbs
 * commits that land late and clocks a little apart), and remembers what it announced, by item and level. A stream
 * that opens is first sent what appeared or rose within that window, so that a moderator whose page just loaded,
 * or whose stream reopened, or who connected to a node that just restarted, misses nothing; the browser remembers
 * what it showed and shows each alert once.
 */
@ApplicationScoped
public class CareAlerts {

    private static final Logger LOG = Logger.getLogger(CareAlerts.class.getName());
    private static final Duration TICK = Duration.ofSeconds(2);
    private static final Duration WINDOW = Duration.ofMinutes(5);
    /** A stream ends after this and the browser opens a new one, signed in again: a demoted moderator drops off. */
    private static final Duration STREAM_LIFETIME = Duration.ofMinutes(30);
    /** Ticks between comments that keep idle streams open through proxies and find closed ones. */
    private static final int HEARTBEAT_TICKS = 15;
    /** How long a browser waits before opening a new stream after one ends (the event stream's retry field). */
    private static final long RETRY_MILLIS = 5000;

    @Inject
    CareQueue care;

    @Inject
    Clock clock;

    @Inject
    MemberService members;

    @Resource
    ManagedScheduledExecutorService scheduler;

    /** An open stream, with the hash of the session that opened it: each alert asks whether it is still open. */
    private record Listener(SseEventSink sink, Sse sse, String sessionHash, long openedAt) {
    }

    private final Set<Listener> listeners = ConcurrentHashMap.newKeySet();
    /** Item id and level band → when this node announced it; forgotten once out of the window. */
    private final Map<String, Long> announced = new ConcurrentHashMap<>();
    private ScheduledFuture<?> ticking;
    private int ticks;

    /** What a moderator's browser receives about a care item. */
    public record Alert(long id, CrisisLevel level, String label, int priority, Long postId, Long threadId,
                        String postLink, OffsetDateTime createdAt) {
    }

    /**
     * Opens a moderator's stream: the alerts of the window so far, a {@code ready} event, and from then on a
     * {@code care} event per alert.
     */
    public void listen(SseEventSink sink, Sse sse, String sessionHash) {
        Listener listener = new Listener(sink, sse, sessionHash, System.nanoTime());
        listeners.add(listener);
        // the window so far, to this stream only: marking it announced here would keep the next look from telling
        // the streams that were already open about an item that appeared a moment ago (the browser drops repeats)
        for (Alert alert : care.alertsSince(clock.now().minus(WINDOW))) {
            send(listener, event(sse, alert));
        }
        send(listener, sse.newEventBuilder().name("ready").reconnectDelay(RETRY_MILLIS).data("{}")
                .mediaType(MediaType.APPLICATION_JSON_TYPE).build());
        startTicking();
    }

    private synchronized void startTicking() {
        if (ticking == null) {
            ticking = scheduler.scheduleWithFixedDelay(this::tickSafely, TICK.toMillis(), TICK.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (ticking != null) {
            ticking.cancel(false);
        }
        listeners.forEach(l -> {
            try {
                l.sink().close();
            } catch (RuntimeException e) {
                // the server is stopping; the client will reconnect elsewhere
            }
        });
        listeners.clear();
    }

    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.warning(() -> "care alerts could not look for new items: " + e.getClass().getName());
        }
    }

    /** Every {@link #TICK}, from the scheduler's thread: streams that ended go, and while anyone listens, a look. */
    void tick() {
        long nowNanos = System.nanoTime();
        for (Listener listener : listeners) {
            if (nowNanos - listener.openedAt() > STREAM_LIFETIME.toNanos() || listener.sink().isClosed()) {
                drop(listener);
            }
        }
        if (listeners.isEmpty()) {
            return; // nobody listens: no query
        }
        OffsetDateTime now = clock.now();
        long nowMillis = now.toInstant().toEpochMilli();
        announced.values().removeIf(at -> nowMillis - at > 2 * WINDOW.toMillis());
        for (Alert alert : care.alertsSince(now.minus(WINDOW))) {
            // an item that rises again (a worry, then an overdose) has a new key and is announced again
            if (announced.putIfAbsent(key(alert), nowMillis) == null) {
                broadcast(alert);
            }
        }
        if (++ticks % HEARTBEAT_TICKS == 0) {
            listeners.forEach(l -> send(l, l.sse().newEventBuilder().comment("still here").build()));
        }
    }

    private static String key(Alert alert) {
        return alert.id() + "@" + ModerationItem.band(alert.priority());
    }

    private static OutboundSseEvent event(Sse sse, Alert alert) {
        return sse.newEventBuilder().name("care").id(key(alert)).mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(Alert.class, alert).build();
    }

    /** Sends to every listener whose session is still open and still moderates; one that fails never stops the rest. */
    private void broadcast(Alert alert) {
        int told = 0;
        for (Listener listener : listeners) {
            boolean allowed;
            try {
                allowed = members.stillModerates(listener.sessionHash());
            } catch (RuntimeException e) {
                continue; // the database could not say: not this time, and the stream stays for the next alert
            }
            if (!allowed) {
                drop(listener); // signed out, expired, passphrase changed, or no longer a moderator
                continue;
            }
            if (send(listener, event(listener.sse(), alert))) {
                told++;
            }
        }
        int moderators = told;
        LOG.info(() -> "care item " + alert.id() + " announced to " + moderators + " moderator streams");
    }

    /** Sends {@code event}; a stream that cannot take it is dropped. Answers whether it was handed over. */
    private boolean send(Listener listener, OutboundSseEvent event) {
        try {
            listener.sink().send(event).whenComplete((done, failed) -> dropIfFailed(listener, failed));
            return true;
        } catch (RuntimeException closed) {
            drop(listener);
            return false;
        }
    }

    /**
     * Forgets a stream and closes it on another thread: closing flushes, and a client that stopped reading would
     * hold the scheduler, and every alert after it, on this node.
     */
    private void drop(Listener listener) {
        if (listeners.remove(listener)) {
            scheduler.execute(() -> {
                try {
                    listener.sink().close();
                } catch (RuntimeException e) {
                    // already closed by the client
                }
            });
        }
    }

    private void dropIfFailed(Listener listener, Throwable failed) {
        if (failed != null) {
            drop(listener);
        }
    }
}
