package org.haven.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * What happens, in order, when Haven starts: migrate the schema, then let every {@link StartupTask}
 * run in its declared order (seed topics, create the first administrator, seed the demo...). One
 * explicit sequence rather than observers with priorities, so the order can be read in one place.
 */
@ApplicationScoped
public class StartupSequence {

    @Inject
    DatabaseMigration migration;

    @Inject
    Instance<StartupTask> tasks;

    void onStart(@Observes Startup event) {
        migration.migrate();
        tasks.stream()
                .sorted(java.util.Comparator.comparingInt(StartupTask::order))
                .forEach(StartupTask::run);
    }
}
