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
import org.haven.identity.MemberRepository;
import org.haven.platform.Clock;

/**
 * Live alerts to moderators online (CRISIS.md: IMMINENT means "care item at the very top, live alert to online
 * moderators"): a server-sent event when a care item appears or rises at IDEATION's priority or above, a member's
 * worry included. The event carries the item's level and where the post is, never its words.
 *
 * <p>Why a poll of the database and not an event of the transaction that wrote the item: behind a load balancer
 * the post may be written on another node than the one a moderator's stream is open on. Every node looks every
 * two seconds, while someone listens, for items that appeared or rose in the last few minutes (the window absorbs
 * commits that land late and clocks a little apart), and remembers what it announced, by item and level.
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
    MemberRepository members;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private record Listener(SseEventSink sink, Sse sse, long memberId, long openedAt) {
    }

    private final Set<Listener> listeners = ConcurrentHashMap.newKeySet();
    /** Item id and level band → when this node announced it; forgotten once out of the window. */
    private final Map<String, Long> announced = new ConcurrentHashMap<>();
    private volatile boolean primed;
    private ScheduledFuture<?> ticking;
    private int ticks;

    /** What a moderator's browser receives about a care item. */
    public record Alert(long id, CrisisLevel level, String label, int priority, Long postId, Long threadId,
                        String postLink, OffsetDateTime createdAt) {
    }

    /** Opens a moderator's stream: a {@code ready} event at once, then an {@code care} event per alert. */
    public synchronized void listen(SseEventSink sink, Sse sse, long memberId) {
        if (!primed) {
            // the node's first listener: what is already there was announced before (by this node before a restart,
            // or by others); learn it without alerting, before the stream says it is ready
            look(false);
            primed = true;
        }
        Listener listener = new Listener(sink, sse, memberId, System.nanoTime());
        listeners.add(listener);
        send(listener, sse.newEventBuilder().name("ready").reconnectDelay(RETRY_MILLIS).data("{}")
                .mediaType(MediaType.APPLICATION_JSON_TYPE).build());
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
        listeners.forEach(l -> l.sink().close());
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
        listeners.removeIf(l -> {
            boolean expired = nowNanos - l.openedAt() > STREAM_LIFETIME.toNanos() || l.sink().isClosed();
            if (expired) {
                l.sink().close();
            }
            return expired;
        });
        if (listeners.isEmpty()) {
            return; // nobody listens: no query
        }
        look(true);
        if (++ticks % HEARTBEAT_TICKS == 0) {
            listeners.forEach(l -> l.sink().send(l.sse().newEventBuilder().comment("still here").build())
                    .whenComplete((done, failed) -> dropIfFailed(l, failed)));
        }
    }

    /**
     * Reads the items that appeared or rose within {@link #WINDOW} and announces those this node has not, by item and
     * level; an item that rises again (a worry, then an overdose) is announced again.
     */
    private void look(boolean announce) {
        OffsetDateTime now = clock.now();
        long nowMillis = now.toInstant().toEpochMilli();
        announced.values().removeIf(at -> nowMillis - at > 2 * WINDOW.toMillis());
        for (Alert alert : care.alertsSince(now.minus(WINDOW))) {
            String key = alert.id() + "@" + ModerationItem.band(alert.priority());
            if (announced.putIfAbsent(key, nowMillis) == null && announce) {
                broadcast(alert);
            }
        }
    }

    private void broadcast(Alert alert) {
        for (Listener listener : listeners) {
            // a moderator demoted since the stream opened hears nothing more
            boolean stillModerates = members.byId(listener.memberId()).map(m -> m.role().canModerate()).orElse(false);
            if (!stillModerates) {
                listeners.remove(listener);
                listener.sink().close();
                continue;
            }
            send(listener, listener.sse().newEventBuilder().name("care").id(Long.toString(alert.id()))
                    .mediaType(MediaType.APPLICATION_JSON_TYPE).data(Alert.class, alert).build());
        }
        LOG.info(() -> "care item " + alert.id() + " announced to " + listeners.size() + " moderators online");
    }

    private void send(Listener listener, OutboundSseEvent event) {
        listener.sink().send(event).whenComplete((done, failed) -> dropIfFailed(listener, failed));
    }

    private void dropIfFailed(Listener listener, Throwable failed) {
        if (failed != null) {
            listeners.remove(listener);
            listener.sink().close();
        }
    }
}
