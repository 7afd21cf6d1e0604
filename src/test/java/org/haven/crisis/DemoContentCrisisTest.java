package org.haven.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo forum (HAVEN_DEMO=true) must read as a calm forum: nothing in it may trigger crisis help. */
class DemoContentCrisisTest {

    @Test
    void noDemoThreadOrReplyTriggersTheDetector() throws Exception {
        CrisisDetector detector = new CrisisDetector(Lexicon.loadDefault());
        JsonArray threads;
        try (InputStream in = getClass().getResourceAsStream("/seed/demo-threads.json"); var reader = Json.createReader(in)) {
            threads = reader.readArray();
        }
        List<String> texts = new ArrayList<>();
        for (JsonObject thread : threads.getValuesAs(JsonObject.class)) {
            texts.add(thread.getString("title") + "\n\n" + thread.getString("body"));
            thread.getJsonArray("replies").getValuesAs(JsonObject.class).forEach(r -> texts.add(r.getString("body")));
        }
        assertTrue(texts.size() > 20, "the demo has threads and replies: " + texts.size());
        for (String text : texts) {
            assertEquals(CrisisLevel.NONE, detector.detect(text).level(), text);
        }
    }
}
