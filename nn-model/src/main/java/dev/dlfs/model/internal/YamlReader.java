package dev.dlfs.model.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/** Reads one YAML document into a {@link YamlNode} tree with the position of every key and value. */
public final class YamlReader {
    private static final YAMLFactory FACTORY = new YAMLFactory();

    private YamlReader() {
    }

    /** A syntax error at a position, before any meaning is given to the document. */
    public static final class SyntaxException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient YamlNode.Mark mark;

        SyntaxException(YamlNode.Mark mark, String message) {
            super(message);
            this.mark = mark;
        }

        public YamlNode.Mark mark() {
            return mark;
        }
    }

    /** The document's root node; an empty document gives a null scalar at 1:1. */
    public static YamlNode read(String text) {
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return new YamlNode.Scalar(null, "", new YamlNode.Mark(1, 1));
            }
            YamlNode root = node(p);
            if (p.nextToken() != null) {
                throw new SyntaxException(mark(p.currentTokenLocation()), "more than one YAML document");
            }
            return root;
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof MarkedYAMLException m && m.getProblemMark() != null) {
                String context = m.getContext() == null || m.getContextMark() == null ? ""
                        : " (" + m.getContext() + " at " + (m.getContextMark().getLine() + 1) + ":"
                        + (m.getContextMark().getColumn() + 1) + ")";
                throw new SyntaxException(new YamlNode.Mark(m.getProblemMark().getLine() + 1,
                        m.getProblemMark().getColumn() + 1), "invalid YAML: " + m.getProblem() + context);
            }
            JsonLocation loc = e.getLocation();
            String msg = e.getOriginalMessage().lines().findFirst().orElse("invalid YAML").trim();
            throw new SyntaxException(loc == null ? new YamlNode.Mark(1, 1) : mark(loc), "invalid YAML: " + msg);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static YamlNode node(JsonParser p) throws IOException {
        YamlNode.Mark at = mark(p.currentTokenLocation());
        JsonToken t = p.currentToken();
        if (p instanceof YAMLParser y && y.isCurrentAlias()) {
            throw new SyntaxException(at, "YAML aliases (*" + p.getText() + ") are not supported in configurations;"
                    + " write the value out");
        }
        switch (t) {
            case START_OBJECT -> {
                Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    YamlNode.Mark keyMark = mark(p.currentTokenLocation());
                    if (entries.containsKey(key)) {
                        throw new SyntaxException(keyMark, "duplicate key '" + key + "' (first at "
                                + entries.get(key).keyMark() + ")");
                    }
                    p.nextToken();
                    entries.put(key, new YamlNode.Entry(key, keyMark, node(p)));
                }
                return new YamlNode.Mapping(entries, at);
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(node(p));
                }
                return new YamlNode.Sequence(items, at);
            }
            case VALUE_NUMBER_INT -> {
                Number n = p.getNumberValue();
                Object v = n instanceof Integer || n instanceof Long ? n : n.doubleValue();
                return new YamlNode.Scalar(v, p.getText(), at);
            }
            case VALUE_NUMBER_FLOAT -> {
                return new YamlNode.Scalar(p.getDoubleValue(), p.getText(), at);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new YamlNode.Scalar(t == JsonToken.VALUE_TRUE, p.getText(), at);
            }
            case VALUE_NULL -> {
                return new YamlNode.Scalar(null, "null", at);
            }
            case VALUE_STRING -> {
                return new YamlNode.Scalar(p.getText(), p.getText(), at);
            }
            default -> throw new SyntaxException(at, "unsupported YAML element " + t);
        }
    }

    private static YamlNode.Mark mark(JsonLocation loc) {
        return new YamlNode.Mark(Math.max(1, loc.getLineNr()), Math.max(1, loc.getColumnNr()));
    }
}
