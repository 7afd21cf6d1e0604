package org.haven.crisis;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fuzzes what an administrator's reload reads: the shipped lexicon with a few of its values removed, duplicated or
 * replaced by values of other types and sizes. A reload must either put a working detector in force or refuse the
 * file with a {@link LexiconException} naming the problem (the previous lexicon stays in force); any other
 * exception would reach the admin as a server error, and a detector that compiles but fails on a post would fail
 * every post that reaches it. So a lexicon that passes is compiled and asked about a few posts.
 *
 * <p>A plain test run replays the inputs committed under {@code LexiconFuzzTestInputs}: twelve random edit scripts,
 * of which nine are refused (a missing key, a wrong type, a term that normalises to something else) and three
 * compile. To fuzz for five minutes (README, "Tests and CI"): {@code JAZZER_FUZZ=1 mvn test -Dtest=LexiconFuzzTest}.
 */
class LexiconFuzzTest {

    private static final Object SHIPPED;

    static {
        try (InputStream in = Lexicon.class.getResourceAsStream("/crisis/lexicon.json")) {
            SHIPPED = toJava(Json.createReader(in).read());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static final List<String> POSTS = List.of("i took all my pills and i'm scared",
            "goodbye everyone, this is my last post", "this craving is killing me lol",
            "my brother isn't breathing", "not gonna kill myself, promise. 2 years clean today 😊", "");

    @FuzzTest(maxDuration = "5m")
    void aReloadedLexiconWorksOrIsRefusedWithItsProblemNamed(FuzzedDataProvider data) {
        Object lexicon = deepCopy(SHIPPED);
        int edits = data.consumeInt(1, 4);
        for (int i = 0; i < edits && data.remainingBytes() > 0; i++) {
            lexicon = edit(lexicon, data);
        }
        byte[] json = toJson(lexicon).getBytes(StandardCharsets.UTF_8);
        CrisisDetector detector;
        try {
            detector = new CrisisDetector(Lexicon.parse(new ByteArrayInputStream(json)), CrisisDetector.shippedModel());
        } catch (LexiconException refused) {
            return; // the message is the admin's answer, and the previous lexicon stays in force
        }
        for (String post : POSTS) {
            CrisisDetectorFuzzTest.assertWellFormed(post, detector.detect(post));
        }
    }

    /** One edit at a place chosen by walking down from the root; returns the (possibly new) root. */
    private static Object edit(Object root, FuzzedDataProvider data) {
        Object parent = null;
        Object key = null;
        Object node = root;
        // the shipped file is at most five levels deep (root, rules, a rule, its "any" list, a category name)
        for (int depth = data.consumeInt(0, 5); depth > 0; depth--) {
            if (node instanceof Map<?, ?> map && !map.isEmpty()) {
                List<?> keys = new ArrayList<>(map.keySet());
                key = keys.get(data.consumeInt(0, keys.size() - 1));
                parent = node;
                node = map.get(key);
            } else if (node instanceof List<?> list && !list.isEmpty()) {
                key = data.consumeInt(0, list.size() - 1);
                parent = node;
                node = list.get((Integer) key);
            } else {
                break;
            }
        }
        int operation = data.consumeInt(0, 3);
        Object replacement = switch (operation) {
            case 0 -> null; // remove
            case 1 -> deepCopy(node); // duplicate (into a list) or keep
            case 2 -> scalar(data);
            default -> deepCopy(someNode(root, data)); // a value of another place: wrong types, wrong shapes
        };
        if (parent == null) {
            return operation == 0 ? new LinkedHashMap<>() : replacement;
        }
        set(parent, key, operation, replacement);
        return root;
    }

    @SuppressWarnings("unchecked")
    private static void set(Object parent, Object key, int operation, Object replacement) {
        if (parent instanceof Map<?, ?> map) {
            Map<Object, Object> m = (Map<Object, Object>) map;
            if (operation == 0) {
                m.remove(key);
            } else {
                m.put(key, replacement);
            }
        } else {
            List<Object> list = (List<Object>) parent;
            int at = (Integer) key;
            if (operation == 0) {
                list.remove(at);
            } else if (operation == 1) {
                list.add(at, replacement);
            } else {
                list.set(at, replacement);
            }
        }
    }

    private static Object someNode(Object root, FuzzedDataProvider data) {
        Object node = root;
        for (int depth = data.consumeInt(0, 5); depth > 0; depth--) {
            if (node instanceof Map<?, ?> map && !map.isEmpty()) {
                node = new ArrayList<>(map.values()).get(data.consumeInt(0, map.size() - 1));
            } else if (node instanceof List<?> list && !list.isEmpty()) {
                node = list.get(data.consumeInt(0, list.size() - 1));
            } else {
                break;
            }
        }
        return node;
    }

    private static Object scalar(FuzzedDataProvider data) {
        return switch (data.consumeInt(0, 6)) {
            case 0 -> JsonValue.NULL;
            case 1 -> data.consumeBoolean();
            case 2 -> new BigDecimal(data.consumeInt());
            case 3 -> new BigDecimal(data.consumeLong()).scaleByPowerOfTen(-data.consumeInt(0, 30));
            case 4 -> new ArrayList<>();
            case 5 -> new LinkedHashMap<>();
            default -> data.consumeString(60);
        };
    }

    // ---- JSON as plain Java values (maps keep their order), and back ----

    private static Object toJava(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                ((JsonObject) value).forEach((k, v) -> map.put(k, toJava(v)));
                yield map;
            }
            case ARRAY -> {
                List<Object> list = new ArrayList<>();
                ((JsonArray) value).forEach(v -> list.add(toJava(v)));
                yield list;
            }
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> ((JsonNumber) value).bigDecimalValue();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> JsonValue.NULL;
        };
    }

    private static Object deepCopy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, deepCopy(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(deepCopy(v)));
            return copy;
        }
        return value;
    }

    /** JSON-P builds nested maps, lists, strings, numbers, booleans and JsonValue.NULL as they are. */
    @SuppressWarnings("unchecked")
    private static String toJson(Object value) {
        if (value instanceof Map<?, ?> map) {
            return Json.createObjectBuilder((Map<String, Object>) map).build().toString();
        }
        if (value instanceof List<?> list) {
            return Json.createArrayBuilder(list).build().toString();
        }
        return Json.createArrayBuilder(List.of(value)).build().get(0).toString(); // a bare value as the file
    }
}
