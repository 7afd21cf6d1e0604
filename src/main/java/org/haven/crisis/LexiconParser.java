package org.haven.crisis;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a lexicon file into a {@link Lexicon}, checking every field. Messages name the offending rule,
 * category or term, because the reader is a moderator editing JSON by hand, not a developer with a debugger.
 * Keys starting with {@code _} are comments and ignored everywhere.
 */
final class LexiconParser {

    /**
     * Category sets are two 64-bit words (see {@link Lexicon#categoriesOf}); person categories, whose masks the
     * detector tests on every hit near a rule, must be among the first 64.
     */
    static final int MAX_CATEGORIES = 2 * Long.SIZE;
    private static final int DEFAULT_RULE_WINDOW = 12;
    private static final int DEFAULT_MODIFIER_WINDOW = 4;
    private static final int MAX_WINDOW = 200;
    private static final Pattern CATEGORY_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern SLANG_KEY = Pattern.compile("[a-z0-9']+");
    private static final Pattern WORDS = Pattern.compile("[a-z0-9']+( [a-z0-9']+)*");
    private static final Pattern WORD_SPLIT = Pattern.compile("[^a-z0-9']+");

    private final Map<String, Integer> categoryIndex = new LinkedHashMap<>();

    Lexicon parse(InputStream in) {
        JsonObject root = read(in);
        allowOnly(root, "the lexicon", "version", "normalisation", "categories", "idioms", "rules", "modifiers");
        String version = requiredString(root, "version", "the lexicon");

        JsonObject categories = requiredObject(root, "categories", "the lexicon");
        for (String name : keys(categories)) {
            if (!CATEGORY_NAME.matcher(name).matches()) {
                throw fail("category name '" + name + "' must be upper case letters, digits and _ (like MEANS or THIRD_PARTY)");
            }
            categoryIndex.put(name, categoryIndex.size());
        }
        if (categoryIndex.isEmpty()) {
            throw fail("the lexicon defines no categories");
        }
        if (categoryIndex.size() > MAX_CATEGORIES) {
            throw fail("the lexicon defines " + categoryIndex.size() + " categories; at most " + MAX_CATEGORIES + " are supported");
        }

        JsonObject normalisation = optionalObject(root, "normalisation", "the lexicon");
        Map<String, String> slang = slang(normalisation);
        Map<Integer, String> emoji = emoji(normalisation);
        Set<String> breakWords = wordList(normalisation, "segmentBreakWords", "normalisation");
        List<String> idioms = stringList(root, "idioms", "the lexicon");

        Set<String> vocabulary = new HashSet<>();
        slang.forEach((k, v) -> {
            vocabulary.add(k);
            addWords(vocabulary, v);
        });
        idioms.forEach(t -> addWords(vocabulary, t));
        // a modifier's plain words are words of the lexicon too: "iff" should become "if" as "killll" becomes "kill"
        JsonArray modifierArray = root.containsKey("modifiers") ? requiredArray(root, "modifiers", "the lexicon")
                : JsonValue.EMPTY_JSON_ARRAY;
        for (JsonValue value : modifierArray) {
            if (value instanceof JsonObject m && m.get("words") instanceof JsonArray words) {
                words.forEach(word -> addWords(vocabulary, word));
            }
        }
        if (root.get("rules") instanceof JsonArray ruleArray) {
            for (JsonValue value : ruleArray) {
                if (value instanceof JsonObject r && r.get("after") instanceof JsonArray after) {
                    after.forEach(phrase -> addWords(vocabulary, phrase));
                }
            }
        }
        Map<String, JsonObject> categoryObjects = new LinkedHashMap<>();
        for (String name : categoryIndex.keySet()) {
            JsonObject category = objectValue(categories.get(name), "category '" + name + "'");
            allowOnly(category, "category '" + name + "'", "terms", "role", "suppresses", "numbersFrom");
            categoryObjects.put(name, category);
            stringList(category, "terms", "category '" + name + "'").forEach(t -> addWords(vocabulary, t));
        }
        Normaliser normaliser = new Normaliser(slang, emoji, vocabulary, breakWords);

        // patterns: one automaton entry per normalised term; a term may belong to several categories
        Map<String, Integer> patternIndex = new LinkedHashMap<>();
        List<long[]> patternCategories = new ArrayList<>();
        List<Boolean> patternIdiom = new ArrayList<>();
        List<Boolean> patternPrefix = new ArrayList<>();
        Map<String, String> idiomSource = new HashMap<>();
        for (String idiom : idioms) {
            String pattern = normaliseTerm(normaliser, idiom, "idiom '" + idiom + "'");
            if (patternIndex.containsKey(pattern)) {
                throw fail("idiom '" + idiom + "' is listed twice" + sameAfterNormalising(idiom, pattern));
            }
            patternIndex.put(pattern, patternIndex.size());
            patternCategories.add(new long[2]);
            patternIdiom.add(true);
            patternPrefix.add(idiom.strip().endsWith("*"));
            idiomSource.put(pattern, idiom);
        }

        int n = categoryIndex.size();
        long[] suppresses = new long[2 * n];
        int[] numbersFrom = new int[n];
        long selfMask = 0;
        long otherMask = 0;
        long objectMask = 0;
        for (Map.Entry<String, JsonObject> entry : categoryObjects.entrySet()) {
            String name = entry.getKey();
            String where = "category '" + name + "'";
            JsonObject category = entry.getValue();
            int index = categoryIndex.get(name);
            long bit = 1L << index; // in the word index / 64
            int word = index / Long.SIZE;
            String role = optionalString(category, "role", where);
            if (role != null && word > 0) {
                throw fail(where + " has a role; categories with a role must be among the first " + Long.SIZE
                        + " (move it up the file)");
            }
            if (role != null) {
                switch (role) {
                    case "self" -> selfMask |= bit;
                    case "other" -> otherMask |= bit;
                    case "object" -> objectMask |= bit;
                    default -> throw fail(where + " has role '" + role + "'; expected 'self', 'other' or 'object'");
                }
            }
            for (String suppressed : stringList(category, "suppresses", where)) {
                int c = category(suppressed, where);
                suppresses[2 * index + c / Long.SIZE] |= 1L << c;
            }
            numbersFrom[index] = optionalInt(category, "numbersFrom", where, 0, 1, Integer.MAX_VALUE);
            if (!category.containsKey("terms")) {
                throw fail(where + " is missing 'terms'");
            }
            List<String> terms = stringList(category, "terms", where);
            if (terms.isEmpty() && numbersFrom[index] == 0) {
                throw fail(where + " has no terms");
            }
            Set<String> seen = new HashSet<>();
            for (String term : terms) {
                String pattern = normaliseTerm(normaliser, term, where + " term '" + term + "'");
                if (!seen.add(pattern)) {
                    throw fail(where + " lists '" + term + "' twice" + sameAfterNormalising(term, pattern));
                }
                if (idiomSource.containsKey(pattern)) {
                    throw fail(where + " term '" + term + "' is also an idiom ('" + idiomSource.get(pattern)
                            + "'); a phrase is either a trigger or an exclusion");
                }
                Integer existing = patternIndex.get(pattern);
                if (existing == null) {
                    patternIndex.put(pattern, patternIndex.size());
                    long[] sets = new long[2];
                    sets[word] = bit;
                    patternCategories.add(sets);
                    patternIdiom.add(false);
                    patternPrefix.add(term.strip().endsWith("*"));
                } else {
                    patternCategories.get(existing)[word] |= bit;
                }
            }
        }

        List<Rule> rules = rules(root, normaliser);
        Set<String> ruleIds = new HashSet<>();
        rules.forEach(r -> ruleIds.add(r.id()));
        List<ContextModifier> modifiers = modifiers(root, ruleIds, normaliser);

        int count = patternIndex.size();
        boolean[] prefix = new boolean[count];
        boolean[] idiom = new boolean[count];
        long[] categoriesOfPattern = new long[2 * count];
        for (int i = 0; i < count; i++) {
            prefix[i] = patternPrefix.get(i);
            idiom[i] = patternIdiom.get(i);
            categoriesOfPattern[2 * i] = patternCategories.get(i)[0];
            categoriesOfPattern[2 * i + 1] = patternCategories.get(i)[1];
        }
        return new Lexicon(version, List.copyOf(categoryIndex.keySet()), normaliser,
                List.copyOf(patternIndex.keySet()), prefix, categoriesOfPattern, idiom, suppresses, numbersFrom,
                selfMask, otherMask, objectMask, rules, modifiers);
    }

    private static JsonObject read(InputStream in) {
        if (in == null) {
            throw fail("no lexicon to read (the input stream is null)");
        }
        try (JsonReader reader = Json.createReader(in)) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw fail("the lexicon must be a JSON object, found " + describe(value));
            }
            return value.asJsonObject();
        } catch (JsonException e) {
            throw new LexiconException("the lexicon is not valid JSON: " + e.getMessage(), e);
        }
    }

    // ---- sections ----

    private static Map<String, String> slang(JsonObject normalisation) {
        Map<String, String> slang = new LinkedHashMap<>();
        JsonObject table = optionalObject(normalisation, "slang", "normalisation");
        for (String key : keys(table)) {
            String where = "slang entry '" + key + "'";
            if (!SLANG_KEY.matcher(key).matches()) {
                throw fail(where + " must be one lower-case word (letters, digits, apostrophe)");
            }
            String value = stringValue(table.get(key), where).strip();
            if (!WORDS.matcher(value).matches()) {
                throw fail(where + " must map to lower-case words separated by single spaces, found '" + value + "'");
            }
            slang.put(key, value);
        }
        return slang;
    }

    private static Map<Integer, String> emoji(JsonObject normalisation) {
        Map<Integer, String> emoji = new HashMap<>();
        JsonObject table = optionalObject(normalisation, "emoji", "normalisation");
        for (String key : keys(table)) {
            String where = "emoji entry '" + key + "'";
            String stripped = key.replace("\uFE0F", "");
            if (stripped.isEmpty() || stripped.codePointCount(0, stripped.length()) != 1) {
                throw fail(where + " must be a single emoji character");
            }
            String value = stringValue(table.get(key), where).strip();
            if (!WORDS.matcher(value).matches()) {
                throw fail(where + " must map to lower-case words separated by single spaces, found '" + value + "'");
            }
            if (emoji.put(stripped.codePointAt(0), value) != null) {
                throw fail(where + " is listed twice");
            }
        }
        return emoji;
    }

    private static Set<String> wordList(JsonObject parent, String key, String where) {
        Set<String> words = new LinkedHashSet<>();
        for (String word : stringList(parent, key, where)) {
            if (!SLANG_KEY.matcher(word).matches()) {
                throw fail(where + " '" + key + "' entry '" + word + "' must be one lower-case word");
            }
            words.add(word);
        }
        return words;
    }

    private List<Rule> rules(JsonObject root, Normaliser normaliser) {
        JsonArray array = requiredArray(root, "rules", "the lexicon");
        if (array.isEmpty()) {
            throw fail("the lexicon defines no rules");
        }
        List<Rule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            JsonObject rule = objectValue(array.get(i), "rule #" + (i + 1));
            String id = id(rule, "rule #" + (i + 1), ids);
            String where = "rule '" + id + "'";
            allowOnly(rule, where, "id", "level", "all", "any", "after", "window", "person", "subjectAt",
                    "acrossSentences");
            CrisisLevel level = level(requiredString(rule, "level", where), where);
            if (level == CrisisLevel.NONE) {
                throw fail(where + " has level NONE, so it could never be reported; remove it or choose CONCERN, IDEATION or IMMINENT");
            }
            if (!rule.containsKey("all") && !rule.containsKey("any")) {
                throw fail(where + " needs 'all' (categories that must all occur) or 'any' (at least one of them)");
            }
            for (String key : List.of("all", "any")) {
                if (rule.containsKey(key) && stringList(rule, key, where).isEmpty()) {
                    throw fail(where + " has an empty '" + key + "' list; remove it or name at least one category");
                }
            }
            int[] all = categories(stringList(rule, "all", where), where);
            int[] any = categories(stringList(rule, "any", where), where);
            int window = optionalInt(rule, "window", where, DEFAULT_RULE_WINDOW, 1, MAX_WINDOW);
            String person = optionalString(rule, "person", where);
            Rule.Person p = person == null ? Rule.Person.ANY : switch (person) {
                case "self" -> Rule.Person.SELF;
                case "other" -> Rule.Person.OTHER;
                case "any" -> Rule.Person.ANY;
                default -> throw fail(where + " has person '" + person + "'; expected 'self', 'other' or 'any'");
            };
            String subjectAt = optionalString(rule, "subjectAt", where);
            if (subjectAt != null && !subjectAt.equals("first") && !subjectAt.equals("last")) {
                throw fail(where + " has subjectAt '" + subjectAt + "'; expected 'first' or 'last'");
            }
            boolean across = optionalBoolean(rule, "acrossSentences", where);
            long[][] after = null;
            if (rule.containsKey("after")) {
                List<String> phrases = stringList(rule, "after", where);
                if (phrases.isEmpty()) {
                    throw fail(where + " has an empty 'after' list; remove it or name at least one phrase");
                }
                after = phraseKeys(normaliser, phrases, where + " 'after' phrase");
            }
            rules.add(new Rule(id, level, all, any, after, window, p, "first".equals(subjectAt), across));
        }
        return rules;
    }

    private List<ContextModifier> modifiers(JsonObject root, Set<String> ruleIds, Normaliser normaliser) {
        JsonArray array = root.containsKey("modifiers") ? requiredArray(root, "modifiers", "the lexicon") : JsonValue.EMPTY_JSON_ARRAY;
        List<ContextModifier> modifiers = new ArrayList<>();
        Set<String> ids = new HashSet<>(ruleIds);
        for (int i = 0; i < array.size(); i++) {
            JsonObject modifier = objectValue(array.get(i), "modifier #" + (i + 1));
            String id = id(modifier, "modifier #" + (i + 1), ids);
            String where = "modifier '" + id + "'";
            allowOnly(modifier, where, "id", "category", "words", "except", "until", "scope", "window", "cap", "lower",
                    "unless", "rules");
            if (modifier.containsKey("category") == modifier.containsKey("words")) {
                throw fail(where + " needs exactly one of 'category' (scanned for in every post) or 'words' (looked for"
                        + " only when one of its rules fires)");
            }
            int category = modifier.containsKey("category")
                    ? category(requiredString(modifier, "category", where), where) : -1;
            String scopeName = requiredString(modifier, "scope", where);
            ContextModifier.Scope scope;
            try {
                scope = ContextModifier.Scope.valueOf(scopeName.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw fail(where + " has scope '" + scopeName + "'; expected preceding, segment, clause, sentence, adjacent or text");
            }
            long[][] words = null;
            long[][] except = null;
            if (category >= 0 && modifier.containsKey("except")) {
                throw fail(where + " has 'except', which only a modifier with 'words' can use");
            }
            if (category < 0) {
                if (scope != ContextModifier.Scope.SENTENCE && scope != ContextModifier.Scope.SEGMENT) {
                    throw fail(where + " has 'words', which are looked for in a sentence or a segment; its scope is '"
                            + scopeName + "'");
                }
                List<String> phrases = stringList(modifier, "words", where);
                if (phrases.isEmpty()) {
                    throw fail(where + " has an empty 'words' list");
                }
                words = phraseKeys(normaliser, phrases, where + " word");
                except = phraseKeys(normaliser, stringList(modifier, "except", where), where + " exception");
            }
            if (modifier.containsKey("until") && scope != ContextModifier.Scope.CLAUSE) {
                throw fail(where + " has 'until', which ends a clause; its scope is '" + scopeName + "'");
            }
            long[][] until = phraseKeys(normaliser, stringList(modifier, "until", where), where + " 'until' phrase");
            int window = optionalInt(modifier, "window", where, DEFAULT_MODIFIER_WINDOW, 1, MAX_WINDOW);
            boolean hasCap = modifier.containsKey("cap");
            boolean hasLower = modifier.containsKey("lower");
            if (hasCap == hasLower) {
                throw fail(where + " needs exactly one of 'cap' (a level) or 'lower' (a number of steps)");
            }
            CrisisLevel cap = hasCap ? level(requiredString(modifier, "cap", where), where) : null;
            int lower = hasLower ? optionalInt(modifier, "lower", where, 0, 1, 3) : 0;
            long[] unless = new long[2];
            for (int c : categories(stringList(modifier, "unless", where), where)) {
                unless[c / Long.SIZE] |= 1L << c;
            }
            Set<String> rules = new LinkedHashSet<>(stringList(modifier, "rules", where));
            for (String rule : rules) {
                if (!ruleIds.contains(rule)) {
                    throw fail(where + " refers to unknown rule '" + rule + "'");
                }
            }
            modifiers.add(new ContextModifier(id, category, words, except, until, scope, window, cap, lower,
                    unless[0], unless[1], Set.copyOf(rules)));
        }
        return modifiers;
    }

    /** Each phrase as the keys of its normalised words, as the normaliser records them for a post. */
    private static long[][] phraseKeys(Normaliser normaliser, List<String> phrases, String where) {
        long[][] keys = new long[phrases.size()][];
        for (int i = 0; i < keys.length; i++) {
            String phrase = phrases.get(i);
            if (phrase.strip().endsWith("*")) {
                throw fail(where + " '" + phrase + "' ends in *; these are whole words");
            }
            keys[i] = java.util.Arrays.stream(normaliseTerm(normaliser, phrase, where + " '" + phrase + "'").split(" "))
                    .mapToLong(Words::fnv).toArray();
        }
        return keys;
    }

    // ---- values ----

    private static String normaliseTerm(Normaliser normaliser, String term, String where) {
        String raw = term.strip();
        if (raw.endsWith("*")) {
            raw = raw.substring(0, raw.length() - 1);
        }
        if (raw.isEmpty()) {
            throw fail(where + " is empty");
        }
        String pattern = normaliser.normalise(raw).toString();
        if (pattern.isEmpty() || !WORDS.matcher(pattern).matches()) {
            throw fail(where + " normalises to '" + pattern + "', which is not plain words (letters, digits, "
                    + "apostrophes, single spaces; no punctuation and no segment-break words such as 'but')");
        }
        return pattern;
    }

    private static String sameAfterNormalising(String term, String pattern) {
        return term.strip().equals(pattern) ? "" : " (it normalises to '" + pattern + "', like another entry)";
    }

    private static void addWords(Set<String> vocabulary, JsonValue value) {
        if (value instanceof JsonString text) {
            addWords(vocabulary, text.getString());
        }
    }

    private static void addWords(Set<String> vocabulary, String text) {
        for (String word : WORD_SPLIT.split(text.toLowerCase(Locale.ROOT))) {
            if (!word.isEmpty()) {
                vocabulary.add(word);
            }
        }
    }

    private static String id(JsonObject object, String where, Set<String> ids) {
        String id = requiredString(object, "id", where);
        if (!ID.matcher(id).matches()) {
            throw fail(where + " has id '" + id + "'; ids are lower-case words joined by '-' (like means-action-now)");
        }
        if (!ids.add(id)) {
            throw fail("the id '" + id + "' is used twice (rule and modifier ids must be unique)");
        }
        return id;
    }

    private static CrisisLevel level(String name, String where) {
        try {
            return CrisisLevel.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw fail(where + " has level '" + name + "'; expected one of NONE, CONCERN, IDEATION, IMMINENT");
        }
    }

    private int[] categories(List<String> names, String where) {
        int[] indices = new int[names.size()];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = category(names.get(i), where);
        }
        return indices;
    }

    private int category(String name, String where) {
        Integer index = categoryIndex.get(name);
        if (index == null) {
            throw fail(where + " refers to unknown category '" + name + "'");
        }
        return index;
    }

    private static void allowOnly(JsonObject object, String where, String... allowed) {
        Set<String> allowedKeys = Set.of(allowed);
        for (String key : object.keySet()) {
            if (!key.startsWith("_") && !allowedKeys.contains(key)) {
                throw fail(where + " has unknown key '" + key + "' (allowed: " + String.join(", ", allowed)
                        + "; keys starting with _ are comments)");
            }
        }
    }

    private static List<String> keys(JsonObject object) {
        return object.keySet().stream().filter(k -> !k.startsWith("_")).toList();
    }

    private static String requiredString(JsonObject object, String key, String where) {
        if (!object.containsKey(key)) {
            throw fail(where + " is missing '" + key + "'");
        }
        String value = stringValue(object.get(key), where + " '" + key + "'");
        if (value.isBlank()) {
            throw fail(where + " has an empty '" + key + "'");
        }
        return value;
    }

    private static String optionalString(JsonObject object, String key, String where) {
        return object.containsKey(key) ? requiredString(object, key, where) : null;
    }

    private static int optionalInt(JsonObject object, String key, String where, int fallback, int min, int max) {
        if (!object.containsKey(key)) {
            return fallback;
        }
        JsonValue value = object.get(key);
        if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
            throw fail(where + " '" + key + "' must be a whole number, found " + describe(value));
        }
        long n = number.longValue();
        if (n < min || n > max) {
            throw fail(where + " '" + key + "' must be between " + min + " and " + max + ", found " + n);
        }
        return (int) n;
    }

    private static boolean optionalBoolean(JsonObject object, String key, String where) {
        if (!object.containsKey(key)) {
            return false;
        }
        JsonValue value = object.get(key);
        if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
            throw fail(where + " '" + key + "' must be true or false, found " + describe(value));
        }
        return value == JsonValue.TRUE;
    }

    private static JsonObject requiredObject(JsonObject object, String key, String where) {
        if (!object.containsKey(key)) {
            throw fail(where + " is missing '" + key + "'");
        }
        return objectValue(object.get(key), where + " '" + key + "'");
    }

    private static JsonObject optionalObject(JsonObject object, String key, String where) {
        return object.containsKey(key) ? requiredObject(object, key, where) : JsonValue.EMPTY_JSON_OBJECT;
    }

    private static JsonArray requiredArray(JsonObject object, String key, String where) {
        if (!object.containsKey(key)) {
            throw fail(where + " is missing '" + key + "'");
        }
        JsonValue value = object.get(key);
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw fail(where + " '" + key + "' must be a list, found " + describe(value));
        }
        return value.asJsonArray();
    }

    private static List<String> stringList(JsonObject object, String key, String where) {
        if (!object.containsKey(key)) {
            return List.of();
        }
        JsonArray array = requiredArray(object, key, where);
        List<String> strings = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            strings.add(stringValue(array.get(i), where + " '" + key + "' entry #" + (i + 1)));
        }
        return strings;
    }

    private static JsonObject objectValue(JsonValue value, String where) {
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw fail(where + " must be an object, found " + describe(value));
        }
        return value.asJsonObject();
    }

    private static String stringValue(JsonValue value, String where) {
        if (!(value instanceof JsonString string)) {
            throw fail(where + " must be a string, found " + describe(value));
        }
        return string.getString();
    }

    private static String describe(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> "an object";
            case ARRAY -> "a list";
            case STRING -> "a string";
            case NUMBER -> "the number " + value;
            case TRUE, FALSE -> "the boolean " + value;
            case NULL -> "null";
        };
    }

    private static LexiconException fail(String message) {
        return new LexiconException(message);
    }
}
