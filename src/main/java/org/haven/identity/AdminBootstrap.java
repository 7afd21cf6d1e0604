package org.haven.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.haven.platform.StartupTask;

/** Creates the first administrator at start-up from HAVEN_ADMIN_PSEUDONYM / HAVEN_ADMIN_PASSPHRASE. */
@ApplicationScoped
public class AdminBootstrap implements StartupTask {

    @Inject
    MemberService members;

    @Inject
    @ConfigProperty(name = "haven.admin.pseudonym")
    Optional<String> pseudonym;

    @Inject
    @ConfigProperty(name = "haven.admin.passphrase")
    Optional<String> passphrase;

    @Override
    public int order() {
        return 20;
    }

    @Override
    public void run() {
        members.ensureFirstAdmin(pseudonym.orElse(null), passphrase.orElse(null));
    }
}
