package org.haven.testing;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR the build produced, deployed whole: integration tests exercise what ships. */
public final class HavenDeployment {

    private HavenDeployment() {
    }

    public static WebArchive war() {
        File war = new File("target/haven.war");
        if (!war.isFile()) {
            throw new IllegalStateException("target/haven.war is missing: run the integration tests with 'mvn verify'");
        }
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }
}
