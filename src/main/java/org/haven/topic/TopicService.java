package org.haven.topic;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.haven.platform.StartupTask;
import org.haven.web.ApiException;

/** Lists topics and seeds the recovery topics on first start. */
@ApplicationScoped
public class TopicService implements StartupTask {

    private static final Logger LOG = Logger.getLogger(TopicService.class.getName());

    @PersistenceContext(unitName = "haven")
    EntityManager em;

    /** A topic as the API and pages show it. */
    public record TopicView(String slug, String name, String description, int threadCount) {
        public static TopicView of(Topic t) {
            return new TopicView(t.slug(), t.name(), t.description(), t.threadCount());
        }
    }

    /** One entry of {@code seed/topics.json}. */
    public record SeedTopic(String slug, String name, String description) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TopicView> all() {
        return em.createNamedQuery("Topic.all", Topic.class).getResultList().stream().map(TopicView::of).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Topic> bySlug(String slug) {
        if (slug == null || slug.length() > 60) {
            return Optional.empty();
        }
        return em.createNamedQuery("Topic.bySlug", Topic.class).setParameter("slug", slug).getResultStream().findFirst();
    }

    /** Counts a new thread with a bulk update, so concurrent threads never conflict on the topic's version. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void countThread(Topic topic) {
        em.createNamedQuery("Topic.threadAdded").setParameter("id", topic.id()).executeUpdate();
    }

    /** A thread's opening post was held for approval by its writer's edit: the thread is counted again once approved. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void uncountThread(Topic topic) {
        em.createNamedQuery("Topic.threadRemoved").setParameter("id", topic.id()).executeUpdate();
    }

    /** A thread left {@code from} for {@code to}: both counts change in bulk, as for a new thread. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void countMove(Topic from, Topic to) {
        em.createNamedQuery("Topic.threadRemoved").setParameter("id", from.id()).executeUpdate();
        em.createNamedQuery("Topic.threadAdded").setParameter("id", to.id()).executeUpdate();
    }

    public Topic require(String slug) {
        return bySlug(slug).orElseThrow(() -> ApiException.notFound("That topic"));
    }

    @Override
    public int order() {
        return 10;
    }

    /** Adds any seed topic that is missing (by slug); existing topics are left as admins edited them. */
    @Override
    @Transactional
    public void run() {
        List<SeedTopic> seeds;
        try (InputStream in = TopicService.class.getResourceAsStream("/seed/topics.json"); var jsonb = JsonbBuilder.create()) {
            seeds = List.of(jsonb.fromJson(in, SeedTopic[].class));
        } catch (Exception e) {
            throw new IllegalStateException("seed/topics.json cannot be read", e);
        }
        int added = 0;
        for (int i = 0; i < seeds.size(); i++) {
            SeedTopic seed = seeds.get(i);
            if (bySlug(seed.slug()).isEmpty()) {
                em.persist(new Topic(seed.slug(), seed.name(), seed.description(), i));
                added++;
            }
        }
        int count = added;
        LOG.info(() -> "Topics seeded: " + count + " added, " + seeds.size() + " in the seed");
    }
}
