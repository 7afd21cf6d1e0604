package org.haven.topic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import org.haven.testing.Api;
import org.haven.testing.HavenDeployment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArquillianExtension.class)
class TopicApiIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return HavenDeployment.war();
    }

    @ArquillianResource
    URL base;

    @Test
    void theRecoveryTopicsAreSeededWithDescriptionsAndCounts() {
        Api.Answer answer = new Api(base).get("api/v1/topics");

        assertEquals(200, answer.status());
        JsonArray topics = answer.jsonStructure().asJsonArray();
        assertTrue(topics.size() >= 16, "at least the 16 recovery topics of DESIGN.md");
        JsonObject first = topics.getJsonObject(0);
        assertEquals("12-step", first.getString("slug"));
        assertTrue(first.getString("description").length() > 10);
        assertTrue(first.getInt("threadCount") >= 0);
        assertTrue(topics.stream().map(JsonObject.class::cast).anyMatch(t -> t.getString("slug").equals("cravings-and-triggers")));
    }
}
