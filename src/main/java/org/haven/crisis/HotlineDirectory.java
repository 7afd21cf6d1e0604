package org.haven.crisis;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.haven.platform.StartupTask;
import org.haven.web.ApiException;

/**
 * The hotline directory: seeded from {@code crisis/hotlines.json} on first start, edited by administrators,
 * read for help panels. A member's country picks the lines; a country with no verified lines falls back
 * to the international directories. Never geolocates.
 */
@ApplicationScoped
public class HotlineDirectory implements StartupTask {

    private static final Logger LOG = Logger.getLogger(HotlineDirectory.class.getName());
    public static final String INTERNATIONAL = "INTL";

    @PersistenceContext(unitName = "haven")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "haven.hotline.default.country", defaultValue = "US")
    String defaultCountry;

    @Override
    public int order() {
        return 12;
    }

    @Override
    @Transactional
    public void run() {
        if (em.createNamedQuery("Hotline.count", Long.class).getSingleResult() > 0) {
            return;
        }
        JsonObject seed;
        try (InputStream in = HotlineDirectory.class.getResourceAsStream("/crisis/hotlines.json");
                var reader = Json.createReader(in)) {
            seed = reader.readObject();
        } catch (Exception e) {
            throw new IllegalStateException("crisis/hotlines.json cannot be read", e);
        }
        List<JsonObject> entries = seed.getJsonArray("entries").getValuesAs(JsonObject.class);
        for (int i = 0; i < entries.size(); i++) {
            JsonObject e = entries.get(i);
            em.persist(new Hotline(new HotlineRequest(e.getString("country"), e.getString("name"), e.getString("kind"),
                    text(e, "call"), text(e, "text"), text(e, "url"), text(e, "hours"), text(e, "notes"),
                    e.getBoolean("verified", false),
                    text(e, "lastVerified") == null ? null : LocalDate.parse(text(e, "lastVerified")), null), i));
        }
        LOG.info(() -> "Hotline directory seeded with " + entries.size() + " entries");
    }

    private static String text(JsonObject o, String key) {
        JsonValue v = o.get(key);
        return v == null || v.getValueType() != JsonValue.ValueType.STRING ? null : o.getString(key);
    }

    /** The member's country if chosen, else the configured default. */
    public String countryFor(String chosen) {
        return chosen == null || chosen.isBlank() ? defaultCountry.toUpperCase(Locale.ROOT) : chosen.toUpperCase(Locale.ROOT);
    }

    /** Verified lines for a country, or the international list when the country has none. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<HotlineView> shownFor(String country) {
        List<HotlineView> lines = shown(country);
        return lines.isEmpty() ? shown(INTERNATIONAL) : lines;
    }

    private List<HotlineView> shown(String country) {
        return em.createNamedQuery("Hotline.shownFor", Hotline.class).setParameter("country", country)
                .getResultStream().map(Hotline::view).toList();
    }

    /** The countries that have lines of their own (members elsewhere see the international list). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> countries() {
        return em.createNamedQuery("Hotline.all", Hotline.class).getResultStream().map(h -> h.view().country())
                .filter(c -> !INTERNATIONAL.equals(c)).distinct().sorted().toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<HotlineView> all() {
        return em.createNamedQuery("Hotline.all", Hotline.class).getResultStream().map(Hotline::view).toList();
    }

    @Transactional
    public HotlineView add(HotlineRequest request) {
        Hotline hotline = new Hotline(request, 1000);
        em.persist(hotline);
        em.flush();
        return hotline.view();
    }

    @Transactional
    public HotlineView edit(long id, HotlineRequest request) {
        Hotline hotline = find(id);
        if (request.version() == null || request.version() != hotline.version()) {
            throw ApiException.conflict("This entry changed since you opened it. Reload it, then edit again.");
        }
        hotline.apply(request);
        em.flush();
        return hotline.view();
    }

    /** An administrator confirmed the entry with the operator: it is shown from now on. */
    @Transactional
    public HotlineView confirm(long id) {
        Hotline hotline = find(id);
        hotline.confirm(LocalDate.now(ZoneOffset.UTC));
        em.flush();
        return hotline.view();
    }

    @Transactional
    public void remove(long id) {
        em.remove(find(id));
    }

    private Hotline find(long id) {
        Hotline hotline = em.find(Hotline.class, id);
        if (hotline == null) {
            throw ApiException.notFound("That hotline entry");
        }
        return hotline;
    }

    /** Orders lines for a help panel and leaves out those that do not fit the level. */
    static List<HotlineView> forLevel(List<HotlineView> lines, CrisisLevel level) {
        return lines.stream().filter(h -> rank(h.kind(), level) < Integer.MAX_VALUE)
                .sorted(Comparator.comparingInt(h -> rank(h.kind(), level))).toList();
    }

    /**
     * IMMINENT: emergency first, then crisis lines (call and text), then poison and overdose help.
     * IDEATION and readers' banners: crisis lines first, emergency after them.
     */
    static int rank(String kind, CrisisLevel level) {
        int group;
        if (kind.equals("emergency")) {
            group = level == CrisisLevel.IMMINENT ? 0 : 2;
        } else if (kind.contains("crisis") || kind.equals("urgent_mental_health")) {
            group = 1;
        } else if (kind.equals("poison_overdose") || kind.equals("harm_reduction_spotting")) {
            group = level == CrisisLevel.IMMINENT ? 2 : 3;
        } else if (kind.equals("directory")) {
            group = 1;
        } else {
            return Integer.MAX_VALUE;
        }
        int within = kind.equals("crisis_text") ? 1 : 0;
        return group * 10 + within;
    }
}
