package dev.dlfs.examples.cli;

import dev.dlfs.model.Checkpoint;
import dev.dlfs.model.Network;
import dev.dlfs.model.NetworkConfig;
import dev.dlfs.tensor.Tensor;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * The network a {@code --resume} checkpoint holds, checked against the configuration it is to be trained under:
 * resuming another architecture would fail deep inside the first update, or worse, train the wrong network.
 */
final class ResumeCheck {
    private ResumeCheck() {
    }

    static Network network(Checkpoint checkpoint, NetworkConfig config, Path file) {
        Network saved = checkpoint.network();
        Network declared = Network.of(config);
        if (saved.dtype() != declared.dtype()) {
            throw mismatch(file, config, "its dtype is " + saved.dtype().label() + ", the configuration's "
                    + declared.dtype().label());
        }
        compare(saved.params(), declared.params(), "parameter", file, config);
        compare(saved.buffers(), declared.buffers(), "buffer", file, config);
        return saved;
    }

    private static void compare(Map<String, Tensor> saved, Map<String, Tensor> declared, String kind, Path file,
                                NetworkConfig config) {
        if (!saved.keySet().equals(declared.keySet())) {
            throw mismatch(file, config, "its " + kind + "s are " + saved.keySet() + ", the configuration's "
                    + declared.keySet());
        }
        for (Map.Entry<String, Tensor> e : declared.entrySet()) {
            int[] s = saved.get(e.getKey()).shape();
            if (!Arrays.equals(s, e.getValue().shape())) {
                throw mismatch(file, config, kind + " " + e.getKey() + " has shape " + Arrays.toString(s)
                        + ", the configuration declares " + Arrays.toString(e.getValue().shape()));
            }
        }
    }

    private static UserError mismatch(Path file, NetworkConfig config, String what) {
        return new UserError("--resume " + file + " holds another network than " + config.name() + " declares: "
                + what, "Resume with the configuration the checkpoint was trained from (its config.yaml).");
    }
}
