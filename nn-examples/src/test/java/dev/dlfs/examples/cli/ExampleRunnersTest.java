package dev.dlfs.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlfs.tensor.Tensor;
import dev.dlfs.tensor.io.NpyArray;
import dev.dlfs.tensor.io.Npz;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code tensor} and {@code model} example runners as a user starts them ({@code dlfs example NAME}, in their own
 * JVM, where the kernels get compiled), checked against the book's numbers and facts of MNIST.
 */
class ExampleRunnersTest {
    /** The elements of the 2-D tensor printed right after {@code header}: the numbers up to its closing "]]". */
    static List<Double> numbersAfter(String out, String header) {
        int at = out.indexOf(header);
        assertTrue(at >= 0, "'" + header + "' missing from\n" + out);
        int end = out.indexOf("]]", at);
        assertTrue(end > at, "no 2-D tensor after '" + header + "' in\n" + out);
        List<Double> numbers = new ArrayList<>();
        Matcher m = Pattern.compile("-?\\d+(\\.\\d*)?").matcher(out.substring(at + header.length(), end));
        while (m.find()) {
            numbers.add(Double.parseDouble(m.group()));
        }
        return numbers;
    }

    @Test
    void theTensorExamplePrintsTheBooksBroadcastsAndProductsAndAGemmSpeed(@TempDir Path dir) throws Exception {
        ForkedDlfs.Result r = ForkedDlfs.run(dir, "--threads", "1", "example", "tensor");
        assertEquals(0, r.exitCode(), r.toString());
        // NumPy: np.array([[1, 2], [3, 4]]) * np.array([10, 20]) and the ch03 products.
        assertEquals(List.of(10.0, 40.0, 30.0, 80.0),
                numbersAfter(r.out(), "A * B  (B is stretched to every row) =\n"));
        assertEquals(List.of(22.0, 28.0, 49.0, 64.0), numbersAfter(r.out(), "A (2x3) . B (3x2) =\n"));
        assertEquals(List.of(5.0, 11.0, 17.0), numbersAfter(r.out(), "X (1x2) . W (2x3) = "));
        assertTrue(r.out().contains("1 threads (set with --threads)"), r.out());
        Matcher speed = Pattern.compile("(?m)^ +(\\d+) x (\\d+) +(\\d+\\.\\d) GFLOP/s$").matcher(r.out());
        List<String> sizes = new ArrayList<>();
        while (speed.find()) {
            sizes.add(speed.group(1));
            assertTrue(Double.parseDouble(speed.group(3)) > 0, speed.group());
        }
        assertEquals(List.of("256", "512", "1024"), sizes, r.out());
    }

    /**
     * With DLFS_BOOK_WEIGHTS naming a folder whose sample_weight.npz has the last bias of class 3 raised by 1000,
     * every test image is classified as a 3: the accuracy is the share of threes among MNIST's 10000 test images,
     * 1010 (a published count), which proves the runner read the folder the variable names.
     */
    @Test
    void theModelExampleReadsTheBooksWeightsFromDlfsBookWeightsAndTrainsTheTwoLayerNet(@TempDir Path dir)
            throws Exception {
        CheckpointDataTest.requireMnist();
        Path folder = Files.createDirectories(dir.resolve("weights"));
        Map<String, Tensor> arrays = new LinkedHashMap<>();
        Npz.readArrays(BookNetworksTest.SAMPLE_WEIGHT).forEach((k, v) -> arrays.put(k, v.toTensor()));
        Tensor b3 = arrays.get("b3");
        b3.setFlat(3, b3.getFlat(3) + 1000);
        Map<String, NpyArray> out = new LinkedHashMap<>();
        arrays.forEach((k, v) -> out.put(k, NpyArray.of(v)));
        Npz.writeArrays(folder.resolve("sample_weight.npz"), out, false);

        ForkedDlfs.Result r = ForkedDlfs.run(dir, Map.of("DLFS_BOOK_WEIGHTS", folder.toString()), List.of(),
                "example", "model", "--out", dir.resolve("figures").toString());
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("weights " + folder.resolve("sample_weight.npz")), r.out());
        assertTrue(r.out().contains("Accuracy: 0.1010 (1010 of 10000)"), r.out());
        // The ch05 gradient check: each parameter's mean difference is printed, all small.
        for (String p : List.of("affine1.W (W1)", "affine1.b (b1)", "affine2.W (W2)", "affine2.b (b2)")) {
            Matcher m = Pattern.compile(Pattern.quote(p) + " +(\\S+)").matcher(r.out());
            assertTrue(m.find(), p + " missing from\n" + r.out());
            assertTrue(Double.parseDouble(m.group(1)) < 1e-6, m.group());
        }
        Matcher done = Pattern.compile("final train accuracy (\\d\\.\\d+), test accuracy (\\d\\.\\d+)")
                .matcher(r.out());
        assertTrue(done.find(), r.out());
        assertTrue(Double.parseDouble(done.group(2)) > 0.95, "the book reaches about 0.97: " + done.group());
    }
}
