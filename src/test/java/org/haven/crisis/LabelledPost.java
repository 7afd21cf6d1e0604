package org.haven.crisis;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One line of a labelled JSONL set under {@code src/test/resources/crisis}. */
public record LabelledPost(String text, CrisisLevel label, boolean hard) {

    static List<LabelledPost> load(String resource) {
        InputStream in = LabelledPost.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + resource);
        }
        return read(in);
    }

    /** Reads a set from a file outside the project (see {@link SetEvaluation#main}). */
    static List<LabelledPost> load(Path file) {
        try {
            return read(Files.newInputStream(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<LabelledPost> read(InputStream in) {
        List<LabelledPost> posts = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                try (JsonReader json = Json.createReader(new StringReader(line))) {
                    JsonObject o = json.readObject();
                    posts.add(new LabelledPost(o.getString("text"), CrisisLevel.valueOf(o.getString("label")),
                            o.getBoolean("hard", false)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return posts;
    }

    boolean isCrisis() {
        return label.atLeast(CrisisLevel.IDEATION);
    }
}
