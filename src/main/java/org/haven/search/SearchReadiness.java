package org.haven.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the search index is open and caught up with the database (after start-up built it if needed). */
@Readiness
@ApplicationScoped
public class SearchReadiness implements HealthCheck {

    @Inject
    SearchService search;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("search-index").status(search.ready()).build();
    }
}
