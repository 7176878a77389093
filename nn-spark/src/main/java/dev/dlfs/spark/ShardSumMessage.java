package dev.dlfs.spark;

import dev.dlfs.tensor.DType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The gradient sums a barrier task sends to the others at each step, as the text {@code allGather} carries: the
 * values as raw little-endian floats (float32 networks) or doubles, Base64-encoded. Java serialisation of the same
 * sums took most of a step's time (encoding and decoding some 2 ms of a 3.5 ms step in {@code local[2]}).
 * Float values are sent as floats only because they are floats: a float32 network's gradient sums widened to double;
 * a value that is not is refused, so the exchange never rounds.
 */
final class ShardSumMessage {
    private ShardSumMessage() {
    }

    static String encode(List<ShardBlock.ShardSum> sums, DType dtype) {
        boolean floats = dtype == DType.FLOAT32;
        int bytes = Integer.BYTES * 2;
        for (ShardBlock.ShardSum s : sums) {
            bytes += Integer.BYTES * 3 + Double.BYTES;
            TensorValues v = s.sums();
            for (int i = 0; i < v.names().size(); i++) {
                bytes += Integer.BYTES * (2 + v.shapes().get(i).length) + utf8(v.names().get(i)).length
                        + v.values().get(i).length * (floats ? Float.BYTES : Double.BYTES);
            }
        }
        ByteBuffer out = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(floats ? 4 : 8).putInt(sums.size());
        for (ShardBlock.ShardSum s : sums) {
            TensorValues v = s.sums();
            out.putInt(s.shard()).putInt(s.count()).putDouble(s.lossSum()).putInt(v.names().size());
            for (int i = 0; i < v.names().size(); i++) {
                byte[] name = utf8(v.names().get(i));
                out.putInt(name.length).put(name);
                int[] shape = v.shapes().get(i);
                out.putInt(shape.length);
                for (int d : shape) {
                    out.putInt(d);
                }
                double[] values = v.values().get(i);
                if (floats) {
                    putFloats(out, values, v.names().get(i));
                } else {
                    out.asDoubleBuffer().put(values);
                    out.position(out.position() + values.length * Double.BYTES);
                }
            }
        }
        return Base64.getEncoder().encodeToString(out.array());
    }

    static List<ShardBlock.ShardSum> decode(String message) {
        ByteBuffer in = ByteBuffer.wrap(Base64.getDecoder().decode(message)).order(ByteOrder.LITTLE_ENDIAN);
        boolean floats = in.getInt() == 4;
        List<ShardBlock.ShardSum> sums = new ArrayList<>();
        for (int n = in.getInt(); n > 0; n--) {
            int shard = in.getInt();
            int count = in.getInt();
            double lossSum = in.getDouble();
            List<String> names = new ArrayList<>();
            List<int[]> shapes = new ArrayList<>();
            List<double[]> values = new ArrayList<>();
            for (int t = in.getInt(); t > 0; t--) {
                byte[] name = new byte[in.getInt()];
                in.get(name);
                names.add(new String(name, StandardCharsets.UTF_8));
                int[] shape = new int[in.getInt()];
                int size = 1;
                for (int d = 0; d < shape.length; d++) {
                    shape[d] = in.getInt();
                    size *= shape[d];
                }
                shapes.add(shape);
                double[] v = new double[size];
                if (floats) {
                    float[] f = new float[size];
                    in.asFloatBuffer().get(f);
                    in.position(in.position() + size * Float.BYTES);
                    for (int j = 0; j < size; j++) {
                        v[j] = f[j];
                    }
                } else {
                    in.asDoubleBuffer().get(v);
                    in.position(in.position() + size * Double.BYTES);
                }
                values.add(v);
            }
            sums.add(new ShardBlock.ShardSum(shard, count, lossSum, new TensorValues(names, shapes, values)));
        }
        return sums;
    }

    private static void putFloats(ByteBuffer out, double[] values, String name) {
        float[] f = new float[values.length];
        for (int j = 0; j < values.length; j++) {
            f[j] = (float) values[j];
            if (f[j] != values[j] && !Double.isNaN(values[j])) {
                throw new IllegalStateException("gradient sum of " + name + " holds " + values[j]
                        + ", not a float32 value, in a float32 network");
            }
        }
        out.asFloatBuffer().put(f);
        out.position(out.position() + f.length * Float.BYTES);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
