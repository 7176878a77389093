package dev.dlfs.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlfs.model.BookWeights;
import dev.dlfs.model.Network;
import dev.dlfs.model.NetworkConfig;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The probes of a hostile but realistic user, through the command line: every error names its file and cause in
 * one paragraph with the right label, command-line values are usage errors naming the option, oversize input is
 * refused at once, and a mistaken run leaves no folder behind.
 */
class ErrorMessagesTest {
    /** An MNIST-shaped network, so that predict takes a picture. */
    static final String DIGITS = """
            name: digits
            input: [784]
            layers:
              - {type: affine, units: 10}
            loss: softmax-with-loss
            optimizer: {type: sgd, lr: 0.1}
            training: {iterations: 1, batch-size: 10}
            data: {source: spirals, n: 10}
            """;

    @TempDir
    static Path dir;
    static Path config;
    static Path weights;

    @BeforeAll
    static void networkAndWeights() throws Exception {
        config = dir.resolve("digits.yaml");
        Files.writeString(config, DIGITS);
        weights = dir.resolve("digits-weights.npz");
        BookWeights.save(Network.of(NetworkConfig.parse(DIGITS, null)), weights);
    }

    private static Run failing(int exitCode, String... args) {
        Run r = Run.of(args);
        assertEquals(exitCode, r.exitCode(), r.toString());
        CommandLineTest.assertOneParagraph(r);
        assertFalse(r.err().contains("input/output error"), r.err());
        assertFalse(r.err().contains("bug in dlfs"), r.err());
        return r;
    }

    @Test
    void aFolderGivenAsTheConfigurationIsSaidToBeOne() {
        Run r = failing(1, "train", dir.toString());
        assertEquals("dlfs train: " + dir + ": is a folder, not a YAML configuration.", r.err().strip());
        r = failing(1, "summary", dir.toString()); // summary reads configurations and checkpoints
        assertEquals("dlfs summary: " + dir + ": is a folder, not an .npz archive.", r.err().strip());
    }

    @Test
    void aBinaryFileGivenAsYamlIsNotTextAtItsFirstBadByte() throws Exception {
        Path binary = dir.resolve("program.yaml");
        byte[] bytes = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, '\n', 'x', (byte) 0xC3, 0x28, 0, 0};
        Files.write(binary, bytes);
        Run r = failing(1, "train", binary.toString());
        assertEquals("dlfs train: " + binary + ":2:2: not UTF-8 text (byte 0xC3 at offset 12); a configuration is a"
                + " YAML text file.", r.err().strip());
    }

    @Test
    void aTenMegabyteScalarIsRefusedAtOnceNamingTheFileAndTheLimit() throws Exception {
        Path huge = dir.resolve("huge.yaml");
        Files.writeString(huge, "name: " + "x".repeat(10_000_000) + "\ninput: [2]\n");
        Run.of("summary", config.toString()); // the command line's own start-up is not what is measured
        long start = System.nanoTime();
        Run r = failing(1, "summary", huge.toString());
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals("dlfs summary: " + huge + ": the configuration is 10.0 MB; dlfs reads configurations of at most"
                + " 256 kB (they are a few kB).", r.err().strip());
        assertTrue(seconds < 0.5, "took " + seconds + " s");
    }

    @Test
    void aDamagedPictureIsNamedWithTheDecodersComplaint() throws Exception {
        BufferedImage digit = new BufferedImage(28, 28, BufferedImage.TYPE_INT_RGB);
        digit.setRGB(14, 14, 0xffffff);
        Path png = dir.resolve("digit.png");
        ImageIO.write(digit, "png", png.toFile());
        Run ok = Run.of("predict", config.toString(), "--weights", weights.toString(), png.toString());
        assertEquals(0, ok.exitCode(), ok.toString());

        byte[] bytes = Files.readAllBytes(png);
        Path headerOnly = dir.resolve("header-only.png");
        Files.write(headerOnly, Arrays.copyOf(bytes, 12));
        Run r = failing(1, "predict", config.toString(), "--weights", weights.toString(), headerOnly.toString());
        assertTrue(r.err().startsWith("dlfs predict: cannot read " + headerOnly + " as a PNG image: I/O error reading"
                + " PNG header (EOFException)."), r.err());
        assertTrue(r.err().contains("damaged or cut short"), r.err());

        Path cut = dir.resolve("cut.png");
        int pixels = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("IDAT") + 6;
        Files.write(cut, Arrays.copyOf(bytes, pixels)); // cut off two bytes into the pixel data
        r = failing(1, "predict", config.toString(), "--weights", weights.toString(), cut.toString());
        assertTrue(r.err().startsWith("dlfs predict: cannot read " + cut + " as a PNG image: Error reading PNG image"
                + " data ("), r.err());

        Path text = dir.resolve("notes.png");
        Files.writeString(text, "not a picture at all\n");
        r = failing(1, "predict", config.toString(), "--weights", weights.toString(), text.toString());
        assertTrue(r.err().startsWith("dlfs predict: cannot read " + text + " as an image: it is in none of the"
                + " formats Java reads."), r.err());

        r = failing(1, "predict", config.toString(), "--weights", weights.toString(), dir.toString());
        assertEquals("dlfs predict: " + dir + ": is a folder, not an image.", r.err().strip());
    }

    @Test
    void aPictureTooLargeToDecodeIsRefusedFromItsHeader() throws Exception {
        // A valid PNG header declaring 20000 x 20000 pixels, and nothing after it: only the header is read.
        byte[] png = Files.readAllBytes(pngOf(1, 1));
        java.nio.ByteBuffer.wrap(png, 16, 8).putInt(20_000).putInt(20_000);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(png, 12, 17);
        java.nio.ByteBuffer.wrap(png, 29, 4).putInt((int) crc.getValue());
        Path bomb = dir.resolve("bomb.png");
        Files.write(bomb, png);
        Run r = failing(1, "predict", config.toString(), "--weights", weights.toString(), bomb.toString());
        assertTrue(r.err().startsWith("dlfs predict: " + bomb + " is 20000 × 20000 pixels, more than the 50,000,000"
                + " a picture may have here."), r.err());
    }

    private static Path pngOf(int width, int height) throws Exception {
        Path f = Files.createTempFile(dir, "img", ".png");
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", f.toFile());
        return f;
    }

    @Test
    void weightsOfAnotherShapeAreMismatchedWeightsNotAnInputOutputError() throws Exception {
        Path other = dir.resolve("other.npz");
        BookWeights.save(Network.of(NetworkConfig.parse(DIGITS.replace("input: [784]", "input: [100]"), null)),
                other);
        Run r = failing(1, "eval", config.toString(), "--weights", other.toString());
        assertTrue(r.err().startsWith("dlfs eval: mismatched weights: " + other + " does not fit network 'digits':"
                + " array 'W1' has shape (100, 10), the network needs (784, 10)."), r.err());
        assertTrue(r.err().contains("Give the configuration the weights were trained with"), r.err());
    }

    @Test
    void bookWeightsGivenAsACheckpointGetACommandLineHintNotAJavaClass() {
        Run r = failing(1, "eval", weights.toString());
        assertEquals("dlfs eval: " + weights + " is not a checkpoint written by 'dlfs train': it holds no"
                + " configuration. For weights saved the book's way (W1, b1, …), give the network's configuration"
                + " with them: CONFIG.yaml --weights " + weights + ".", r.err().strip());
        assertFalse(r.err().contains("BookWeights"), r.err());
    }

    @Test
    void everyNumericOptionOutOfRangeIsAUsageErrorNamingIt() {
        String c = config.toString();
        String w = weights.toString();
        List<List<String>> cases = List.of(
                List.of("--threads", "0", "plugins"),
                List.of("plugins", "--threads", "-3"),
                List.of("train", c, "--epochs", "0"),
                List.of("train", c, "--iterations", "-1"),
                List.of("train", c, "--batch-size", "0"),
                List.of("eval", c, "--weights", w, "--repeat", "0"),
                List.of("gradcheck", c, "--samples", "0"),
                List.of("gradcheck", c, "--tolerance", "-1"),
                List.of("gradcheck", c, "--tolerance", "NaN"),
                List.of("predict", c, "--weights", w, "--index", "-1"));
        for (List<String> args : cases) {
            String option = args.stream().filter(a -> a.startsWith("--") && !a.equals("--weights")).findFirst()
                    .orElseThrow();
            Run r = failing(2, args.toArray(String[]::new));
            assertTrue(r.err().contains("Invalid value for option '" + option + "': must be "), r.err());
            assertTrue(r.err().contains("--help' for the usage"), r.err());
        }
        Run big = failing(2, "--threads", "99999999999", "plugins");
        assertTrue(big.err().contains("'--threads': '99999999999' is not a whole number that fits in 32 bits"),
                big.err());
        Run split = failing(2, "eval", c, "--weights", w, "--split", "validation");
        assertTrue(split.err().contains("--split must be 'test' or 'train', got 'validation'"), split.err());
    }

    @Test
    void aConfigurationWithoutTrainingReportsItsRealMistakeFirstAndLeavesNoFolder() throws Exception {
        Path noTraining = dir.resolve("no-training.yaml");
        Files.writeString(noTraining, DIGITS.replace("units: 10", "units: lots")
                .replace("training: {iterations: 1, batch-size: 10}\n", ""));
        Path out = dir.resolve("no-training-run");
        Run r = failing(1, "train", noTraining.toString(), "--out", out.toString());
        assertEquals("dlfs train: " + noTraining + ":4:27: layers[0].units: option 'units' must be a whole number,"
                + " found 'lots'.", r.err().strip());
        assertFalse(Files.exists(out), "an output folder was left behind");

        Files.writeString(noTraining, DIGITS.replace("training: {iterations: 1, batch-size: 10}\n", ""));
        r = failing(1, "train", noTraining.toString(), "--out", out.toString());
        assertTrue(r.err().contains("training needs a 'training' section"), r.err());
        assertFalse(Files.exists(out), "an output folder was left behind");
    }

    @Test
    void aMistakeFoundWhenTheNetworkIsBuiltLeavesNoFolder() throws Exception {
        Path bad = dir.resolve("bad-units.yaml");
        Files.writeString(bad, DIGITS.replace("units: 10", "units: 0"));
        Path out = dir.resolve("bad-units-run");
        Run r = failing(1, "train", bad.toString(), "--out", out.toString());
        assertTrue(r.err().contains(bad + ":4:"), r.err());
        assertFalse(Files.exists(out), "an output folder was left behind");
        Path badOptimizer = dir.resolve("bad-optimizer.yaml");
        Files.writeString(badOptimizer, DIGITS.replace("lr: 0.1", "lr: 0.1, momentm: 0.9"));
        r = failing(1, "train", badOptimizer.toString(), "--out", out.toString());
        assertTrue(r.err().contains("momentm"), r.err());
        assertFalse(Files.exists(out), "an output folder was left behind");
    }

    @Test
    void aWriteThatFailsNamesTheFileAndTheSystemsReason() throws Exception {
        // The disk is "full" for files above 8 kB: the checkpoint fits, the first plot does not. Java ignores
        // SIGXFSZ, so the write fails with EFBIG ("File too large") as it would with ENOSPC on a full disk.
        Path spirals = dir.resolve("spirals.yaml");
        Files.writeString(spirals, TrainEvalPredictTest.SPIRALS);
        Path out = dir.resolve("limited");
        ForkedDlfs.Result r = ForkedDlfs.run(dir, List.of("bash", "-c", "ulimit -f 8 && exec \"$@\"", "dlfs"),
                "train", spirals.toString(), "--epochs", "1", "--out", out.toString());
        assertEquals(1, r.exitCode(), r.toString());
        String last = r.err().strip().lines().reduce((a, b) -> b).orElse("");
        Path staged = out.toAbsolutePath().resolve(RunFolder.STAGING);
        assertEquals("dlfs train: " + staged.resolve("loss.png") + ": cannot write: File too large.", last,
                r.toString());
        assertFalse(r.err().contains("\tat "), r.err());
        // The outputs land as one set or not at all: the checkpoint written before the failure is not left alone.
        assertFalse(Files.exists(out), "the folder this run made holds nothing, so it is gone: " + r);
    }

    @Test
    void binaryNoiseWithoutLineBreaksIsPlacedOnLineOne() throws Exception {
        Path noise = dir.resolve("noise.yaml");
        Files.write(noise, "ab\u0000".getBytes(StandardCharsets.UTF_8));
        Files.write(noise, new byte[] {'a', 'b', (byte) 0x80}, java.nio.file.StandardOpenOption.APPEND);
        Run r = failing(1, "summary", noise.toString());
        assertTrue(r.err().startsWith("dlfs summary: " + noise + ":1:6: not UTF-8 text (byte 0x80 at offset 5)"),
                r.err());
    }
}
