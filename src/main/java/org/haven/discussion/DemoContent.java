package org.haven.discussion;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.InputStream;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.haven.identity.MemberService;
import org.haven.identity.Viewer;
import org.haven.platform.StartupTask;

/**
 * With HAVEN_DEMO=true, a forum with no threads yet gets the example threads of
 * {@code seed/demo-threads.json} (original writing), so a newcomer sees a living forum. Demo authors
 * cannot sign in. Content goes through the same write path as any post.
 */
@ApplicationScoped
public class DemoContent implements StartupTask {

    private static final Logger LOG = Logger.getLogger(DemoContent.class.getName());

    @Inject
    @ConfigProperty(name = "haven.demo", defaultValue = "false")
    boolean enabled;

    @Inject
    DiscussionService discussion;

    @Inject
    MemberService members;

    @PersistenceContext(unitName = "haven")
    EntityManager em;

    /** One example thread. */
    public record DemoThread(String topic, String title, String author, String body, List<DemoReply> replies) {
    }

    public record DemoReply(String author, String body, boolean helpful) {
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public void run() {
        if (!enabled || !em.createQuery("select t.id from DiscussionThread t").setMaxResults(1).getResultList().isEmpty()) {
            return;
        }
        List<DemoThread> threads;
        try (InputStream in = DemoContent.class.getResourceAsStream("/seed/demo-threads.json"); var jsonb = JsonbBuilder.create()) {
            threads = List.of(jsonb.fromJson(in, DemoThread[].class));
        } catch (Exception e) {
            throw new IllegalStateException("seed/demo-threads.json cannot be read", e);
        }
        for (DemoThread demo : threads) {
            Viewer author = members.demoMember(demo.author());
            var thread = discussion.startThread(author, demo.topic(),
                    new DiscussionRequests.NewThread(demo.title(), demo.body(), false));
            for (DemoReply reply : demo.replies()) {
                var post = discussion.reply(members.demoMember(reply.author()), thread.id(),
                        new DiscussionRequests.NewPost(reply.body(), false));
                if (reply.helpful()) {
                    discussion.react(author, post.id(), "helpful");
                }
            }
        }
        LOG.info(() -> "Demo content: " + threads.size() + " example threads added");
    }
}
