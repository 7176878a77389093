package dev.dlfs.model.runner;

import dev.dlfs.model.DataConfig;
import dev.dlfs.model.NetworkConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The runners' few command-line options: {@code --name value} pairs, {@code --flag}s and one positional value. */
final class Arguments {
    private static final Set<String> FLAGS = Set.of("--quiet");

    private final Map<String, String> values = new HashMap<>();
    private final List<String> positional = new ArrayList<>();

    Arguments(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (FLAGS.contains(args[i])) {
                values.put(args[i], "true");
            } else if (args[i].startsWith("--")) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("option " + args[i] + " needs a value");
                }
                values.put(args[i], args[++i]);
            } else {
                positional.add(args[i]);
            }
        }
    }

    String positional() {
        if (positional.size() != 1) {
            throw new IllegalArgumentException("expected one configuration file, got " + positional);
        }
        return positional.getFirst();
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    boolean flag(String name) {
        return values.containsKey(name);
    }

    String value(String name) {
        return values.get(name);
    }

    int integer(String name) {
        return Integer.parseInt(values.get(name));
    }

    /** The configuration with its data read from {@code --data-dir}, if given. */
    NetworkConfig withDataDir(NetworkConfig config) {
        if (!has("--data-dir")) {
            return config;
        }
        DataConfig d = config.data();
        return config.withData(new DataConfig(d.source(), d.options().with("dir", value("--data-dir"))));
    }

    int integer(String name, int fallback) {
        return has(name) ? integer(name) : fallback;
    }
}
