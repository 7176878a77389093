package dev.dlfs.examples.readme;

import dev.dlfs.model.NetworkConfig;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A YAML block of the README read with dlfs's own configuration reader. The text is preceded by as many empty lines
 * as precede the block in the README, so the reader's messages ({@code README.md:LINE:COLUMN: …}) point at the
 * README itself. A block marked {@code fragment} shows only some sections; the sections it lacks are taken from
 * {@link #MINIMAL_NETWORK}, after the block, so its own lines keep their numbers.
 */
final class YamlBlock {
    /** The smallest whole network, one top-level section a line. */
    static final String MINIMAL_NETWORK = """
            input: [4]
            layers: [{type: affine, units: 2}]
            loss: softmax-with-loss
            """;
    private static final Pattern TOP_KEY = Pattern.compile("(?m)^([\\w-]+)\\s*:");

    private YamlBlock() {
    }

    /** The network configuration {@code block} declares (completed if it is a fragment). */
    static NetworkConfig config(CodeBlock block) {
        String yaml = "\n".repeat(block.line()) + block.code();
        if (BlockMarker.of(block).fragment()) {
            Set<String> present = keys(block.code());
            yaml += MINIMAL_NETWORK.lines().filter(l -> !present.contains(keys(l).iterator().next()))
                    .collect(Collectors.joining("\n", "", "\n"));
        }
        return NetworkConfig.parse(yaml, block.file());
    }

    private static Set<String> keys(String yaml) {
        Matcher m = TOP_KEY.matcher(yaml);
        return m.results().map(r -> r.group(1)).collect(Collectors.toSet());
    }
}
