package dev.dlfs.model.internal;

import com.google.common.collect.ImmutableMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document as a tree that remembers where every key and value starts, so that configuration errors can
 * point at a line and column (Jackson's {@code JsonNode} forgets locations).
 */
public sealed interface YamlNode {
    /** Where this node's value starts in the source. */
    Mark mark();

    /** A 1-based line and column. */
    record Mark(int line, int column) {
        @Override
        public String toString() {
            return line + ":" + column;
        }
    }

    /**
     * A plain value: {@code String}, {@code Integer}, {@code Long}, {@code Double}, {@code Boolean} or null.
     *
     * @param text the scalar as written, for messages
     */
    record Scalar(Object value, String text, Mark mark) implements YamlNode {
    }

    /** A key of a mapping with the position of the key itself. */
    record Entry(String key, Mark keyMark, YamlNode value) {
    }

    /** A mapping in source order (keys and entries are never null: the reader makes every key a string). */
    record Mapping(Map<String, Entry> entries, Mark mark) implements YamlNode {
        public Mapping {
            entries = ImmutableMap.copyOf(entries);
        }
    }

    /** A sequence. */
    record Sequence(List<YamlNode> items, Mark mark) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }
    }

    /** What kind of value this is, for "expected a map, found a list" messages. */
    default String kind() {
        return switch (this) {
            case Mapping m -> "a map";
            case Sequence s -> "a list";
            case Scalar s when s.value() == null -> "nothing";
            case Scalar s when s.value() instanceof String -> "'" + s.text() + "'";
            case Scalar s -> s.text();
        };
    }

    /** The plain Java value: maps, lists and scalars, as options providers read them. */
    default Object toPlain() {
        return switch (this) {
            case Scalar s -> s.value();
            case Sequence s -> s.items().stream().map(YamlNode::toPlain).toList();
            case Mapping m -> {
                Map<String, Object> out = new LinkedHashMap<>();
                m.entries().forEach((k, e) -> out.put(k, e.value().toPlain()));
                yield Collections.unmodifiableMap(out);
            }
        };
    }
}
