package dev.dlfs.data.internal;

import dev.dlfs.data.DataSplit;
import dev.dlfs.data.Dataset;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Splits one data set into train and test when a source has no separate test file: a seeded random
 * {@code fraction} of the samples becomes the test set; both parts keep the original sample order.
 */
public final class HoldOut {
    private HoldOut() {
    }

    public static DataSplit split(Dataset all, String name, double fraction, long seed) {
        int n = all.size();
        int testSize = (int) Math.round(n * fraction);
        if (!(fraction > 0 && fraction < 1) || testSize < 1 || testSize >= n) {
            throw new IllegalArgumentException(name + ": test-fraction " + fraction + " of " + n
                    + " samples leaves an empty train or test set; give a fraction in (0, 1) or a test file");
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        int[] test = Arrays.copyOfRange(order, 0, testSize);
        int[] train = Arrays.copyOfRange(order, testSize, n);
        Arrays.sort(test);
        Arrays.sort(train);
        return new DataSplit(rows(all, name + "/train", train), rows(all, name + "/test", test));
    }

    private static Dataset rows(Dataset all, String name, int[] idx) {
        return new Dataset(name, all.x().gatherRows(idx), all.t().gatherRows(idx), all.classes(), all.classNames());
    }
}
