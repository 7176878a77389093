package dev.dlfs.model;

import dev.dlfs.tensor.io.AtomicFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A training run's metrics as files, written atomically: CSV ({@code iteration,loss,train_accuracy,test_accuracy},
 * one row per iteration, accuracies on the rows where they were measured) or JSON.
 */
public final class Metrics {
    private Metrics() {
    }

    /** Writes {@code history} as CSV. */
    public static void writeCsv(History history, Path file) throws IOException {
        Map<Integer, Evaluation> at = new HashMap<>();
        history.evaluations().forEach(e -> at.put(e.iteration(), e));
        StringBuilder sb = new StringBuilder("iteration,loss,train_accuracy,test_accuracy\n");
        int rows = Math.max(history.iterations(), at.keySet().stream().mapToInt(i -> i + 1).max().orElse(0));
        for (int i = 0; i < rows; i++) {
            Evaluation e = at.get(i);
            sb.append(i).append(',').append(i < history.iterations() ? number(history.loss(i)) : "").append(',')
                    .append(e == null ? "" : number(e.trainAccuracy())).append(',')
                    .append(e == null ? "" : number(e.testAccuracy())).append('\n');
        }
        write(file, sb);
    }

    /** Writes a result (stop reason, time, losses, evaluations) as JSON. */
    public static void writeJson(TrainingResult result, Path file) throws IOException {
        History h = result.history();
        StringBuilder sb = new StringBuilder("{\n");
        sb.append("  \"iterations\": ").append(result.iterations()).append(",\n");
        sb.append("  \"stop\": \"").append(result.stop().name().toLowerCase(java.util.Locale.ROOT)).append("\",\n");
        sb.append("  \"elapsed_s\": ").append(number(result.elapsed().toNanos() / 1e9)).append(",\n");
        sb.append("  \"evaluations\": [");
        for (int i = 0; i < h.evaluations().size(); i++) {
            Evaluation e = h.evaluations().get(i);
            sb.append(i == 0 ? "\n" : ",\n").append("    {\"iteration\": ").append(e.iteration())
                    .append(", \"epoch\": ").append(e.epoch())
                    .append(", \"train_accuracy\": ").append(number(e.trainAccuracy()))
                    .append(", \"test_accuracy\": ").append(number(e.testAccuracy()))
                    .append(", \"loss\": ").append(number(e.loss())).append('}');
        }
        sb.append(h.evaluations().isEmpty() ? "],\n" : "\n  ],\n");
        sb.append("  \"loss\": [");
        for (int i = 0; i < h.iterations(); i++) {
            sb.append(i == 0 ? "" : ", ").append(number(h.loss(i)));
        }
        sb.append("]\n}\n");
        write(file, sb);
    }

    /** A listener that writes the result at the end of the run, as CSV or JSON by the file's extension. */
    public static TrainingListener listener(Path file) {
        boolean json = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json");
        return new TrainingListener() {
            @Override
            public void onFinish(TrainingResult result) {
                try {
                    if (json) {
                        writeJson(result, file);
                    } else {
                        writeCsv(result.history(), file);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("could not write metrics to " + file, e);
                }
            }
        };
    }

    /** Shortest round-trip text; NaN and infinities (not JSON numbers) as {@code null}. */
    private static String number(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "null";
    }

    private static void write(Path file, StringBuilder text) throws IOException {
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        AtomicFile.write(file, out -> out.write(bytes));
    }
}
