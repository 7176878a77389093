/**
 * Networks, their YAML configuration and builder, training, and checkpoints: the book's system assembled.
 *
 * <pre>{@code
 * NetworkConfig config = NetworkConfig.load(Path.of("examples/two-layer-net.yaml")); // strict, located errors
 * Network net = Network.of(config);                    // or Network.builder().input(784).affine(50)…build()
 * TrainingResult result = Trainer.of(net)              // the config's optimizer and training run
 *         .listener(TrainingListener.progress())       // progress bar, or plain lines when not a terminal
 *         .listener(Metrics.listener(Path.of("metrics.csv")))
 *         .run(config.loadData());                     // the config's data source
 * Checkpoint.save(Path.of("net.npz"), net);            // config + parameters + buffers, NumPy .npz
 * Network again = Checkpoint.load(Path.of("net.npz")).network();
 * BookWeights.load(net, Path.of("sample_weight.npz")); // the book's W1, b1, … arrays
 * }</pre>
 *
 * <ul>
 *   <li>{@link dev.dlfs.model.NetworkConfig} and its parts ({@link dev.dlfs.model.TrainingConfig},
 *       {@link dev.dlfs.model.DataConfig}, …) are immutable records; {@link dev.dlfs.model.ConfigException} names
 *       the file, line, column and path of a problem.</li>
 *   <li>{@link dev.dlfs.model.Network}: {@code predict}, {@code loss}, {@code accuracy}, {@code gradient},
 *       {@code numericalGradient}, named parameters ({@code affine1.W}) and the book's names ({@code W1}).</li>
 *   <li>{@link dev.dlfs.model.Trainer}: iteration or epoch runs, the book's evaluation schedule, listeners, early
 *       stop, divergence detection ({@link dev.dlfs.model.DivergenceException}); deterministic for any thread
 *       count.</li>
 *   <li>{@link dev.dlfs.model.Checkpoint} and {@link dev.dlfs.model.BookWeights}: NumPy {@code .npz} files.</li>
 * </ul>
 */
package dev.dlfs.model;
