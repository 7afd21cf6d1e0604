package org.haven.moderation;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.haven.platform.StartupTask;

/**
 * Keeps crisis detections no longer than the retention period (HAVEN_CARE_RETENTION_DAYS, 90 days by
 * default): at start-up and every hour after, items older than that are deleted with their details.
 */
@ApplicationScoped
public class CareRetention implements StartupTask {

    private static final Logger LOG = Logger.getLogger(CareRetention.class.getName());

    @Inject
    CareQueue care;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Override
    public int order() {
        return 40;
    }

    @Override
    public void run() {
        care.expire();
        scheduler.scheduleAtFixedRate(() -> {
            try {
                care.expire();
            } catch (RuntimeException e) {
                LOG.warning(() -> "care item expiry failed: " + e.getClass().getName());
            }
        }, 1, 1, TimeUnit.HOURS);
    }
}
