package dev.kademlia.dump;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Objects;

/**
 * Writes dumps as JSON and reads them back, with Jackson. The output is indented, fields come in the order
 * the records declare them, ids and distances are 64 hex digits and times are milliseconds, so the same
 * state always gives the same text. The shape is documented in {@code docs/dumps.md}.
 *
 * <p>Reading checks the {@code "format"} field first and refuses versions this library does not know;
 * fields it does not know are ignored, so a newer writer that only adds fields stays readable.
 */
public final class JsonDumps {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private JsonDumps() {
    }

    /**
     * The JSON text of a dump, ending with a newline.
     *
     * @param dump a node, lookup or network dump
     * @return indented JSON
     */
    public static String write(Dump dump) {
        Objects.requireNonNull(dump, "dump");
        try {
            return MAPPER.writeValueAsString(dump) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + dump.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /**
     * Reads a dump written by {@link #write(Dump)}.
     *
     * @param json the JSON text
     * @param type {@code NodeDump.class}, {@code LookupDump.class} or {@code NetworkDump.class}
     * @param <T>  the dump type
     * @return the dump
     * @throws IllegalArgumentException if the text is not JSON, has no {@code "format"} field or a format
     *                                  other than {@link Dump#FORMAT}, or does not have the type's shape
     */
    public static <T extends Dump> T read(String json, Class<T> type) {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(type, "type");
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
        JsonNode format = tree == null ? null : tree.get("format");
        if (format == null || !format.isInt()) {
            throw new IllegalArgumentException("not a Kademlia dump: no integer \"format\" field at the top level");
        }
        if (format.intValue() != Dump.FORMAT) {
            throw new IllegalArgumentException("dump format " + format.intValue()
                    + " is not supported; this library reads format " + Dump.FORMAT);
        }
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }
}
