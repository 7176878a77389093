package dev.dlfs.tensor.internal;

/**
 * The loops of {@code Im2col}: moves filter windows from images to the rows of the column matrix (im2col) or adds
 * them back (col2im), split over the images of the batch on the {@link WorkerPool}. Each image is one unit, so
 * col2im's sums over overlapping windows happen in the same order whatever the thread count.
 */
public final class WindowCopy implements WorkerPool.Job {
    /** Below this many moved values one thread does it all. */
    private static final long VALUES_PER_PART = 50_000;
    private static final ThreadLocal<WindowCopy> JOBS = ThreadLocal.withInitial(WindowCopy::new);

    private boolean forward;
    private float[] imgF;
    private float[] colF;
    private double[] imgD;
    private double[] colD;
    private int imgOff;
    private int colOff;
    // Sizes of the call: images (N, C, H, W), filter FH×FW, stride and padding.
    private int n;
    private int ch;
    private int h;
    private int w;
    private int fh;
    private int fw;
    private int stride;
    private int pad;
    private int parts;
    private boolean inUse;

    private WindowCopy() {
    }

    /** im2col ({@code forward}) or col2im (adding into img) on float32 arrays; shapes already checked. */
    public static void run(boolean forward, float[] img, int imgOff, float[] col, int colOff, int[] xs, int fh,
                           int fw, int stride, int pad, int threads) {
        WindowCopy job = acquire();
        job.imgF = img;
        job.colF = col;
        job.start(forward, imgOff, colOff, xs, fh, fw, stride, pad, threads);
    }

    /** im2col ({@code forward}) or col2im (adding into img) on float64 arrays; shapes already checked. */
    public static void run(boolean forward, double[] img, int imgOff, double[] col, int colOff, int[] xs, int fh,
                           int fw, int stride, int pad, int threads) {
        WindowCopy job = acquire();
        job.imgD = img;
        job.colD = col;
        job.start(forward, imgOff, colOff, xs, fh, fw, stride, pad, threads);
    }

    private static WindowCopy acquire() {
        WindowCopy job = JOBS.get();
        return job.inUse ? new WindowCopy() : job;
    }

    private void start(boolean forward, int imgOff, int colOff, int[] xs, int fh, int fw, int stride, int pad,
                       int threads) {
        inUse = true;
        try {
            this.forward = forward;
            this.imgOff = imgOff;
            this.colOff = colOff;
            this.n = xs[0];
            this.ch = xs[1];
            this.h = xs[2];
            this.w = xs[3];
            this.fh = fh;
            this.fw = fw;
            this.stride = stride;
            this.pad = pad;
            long values = (long) n * oh() * ow() * ch * fh * fw;
            parts = (int) Math.max(1, Math.min(Math.min(threads, n), values / VALUES_PER_PART));
            WorkerPool.shared().run(this, parts, threads);
        } finally {
            imgF = null;
            colF = null;
            imgD = null;
            colD = null;
            inUse = false;
        }
    }

    private int oh() {
        return (h + 2 * pad - fh) / stride + 1;
    }

    private int ow() {
        return (w + 2 * pad - fw) / stride + 1;
    }

    @Override
    public void runPart(int part) {
        int b0 = (int) ((long) n * part / parts);
        int b1 = (int) ((long) n * (part + 1) / parts);
        if (imgF != null) {
            copy(imgF, colF, b0, b1);
        } else {
            copy(imgD, colD, b0, b1);
        }
    }

    /**
     * One pass per (image, channel, filter row, filter column): for every window, the pixel under that filter
     * position. The inner loop runs along a row of windows, reading the image row in order (stride apart) and
     * writing one column of the matrix, so it is long and free of per-element branches.
     */
    private void copy(float[] img, float[] col, int b0, int b1) {
        int oh = oh();
        int ow = ow();
        int rowLen = ch * fh * fw;
        int s = stride;
        for (int b = b0; b < b1; b++) {
            for (int c = 0; c < ch; c++) {
                int plane = imgOff + (b * ch + c) * h * w;
                for (int ky = 0; ky < fh; ky++) {
                    for (int kx = 0; kx < fw; kx++) {
                        int column = colOff + (c * fh + ky) * fw + kx;
                        // Windows [ox0, ox1) have this filter column inside the image; the others read padding.
                        int ox0 = Math.max(0, ceilDiv(pad - kx, s));
                        int ox1 = Math.min(ow, ceilDiv(w + pad - kx, s));
                        for (int oy = 0; oy < oh; oy++) {
                            int y = oy * s - pad + ky;
                            if (y < 0 || y >= h) {
                                continue;
                            }
                            int src = plane + y * w + kx - pad;
                            int dst = column + (b * oh + oy) * ow * rowLen;
                            if (forward) {
                                for (int ox = ox0; ox < ox1; ox++) {
                                    col[dst + ox * rowLen] = img[src + ox * s];
                                }
                            } else {
                                for (int ox = ox0; ox < ox1; ox++) {
                                    img[src + ox * s] += col[dst + ox * rowLen];
                                }
                            }
                        }
                    }
                }
            }
        }
    }


    private void copy(double[] img, double[] col, int b0, int b1) {
        int oh = oh();
        int ow = ow();
        int rowLen = ch * fh * fw;
        int s = stride;
        for (int b = b0; b < b1; b++) {
            for (int c = 0; c < ch; c++) {
                int plane = imgOff + (b * ch + c) * h * w;
                for (int ky = 0; ky < fh; ky++) {
                    for (int kx = 0; kx < fw; kx++) {
                        int column = colOff + (c * fh + ky) * fw + kx;
                        // Windows [ox0, ox1) have this filter column inside the image; the others read padding.
                        int ox0 = Math.max(0, ceilDiv(pad - kx, s));
                        int ox1 = Math.min(ow, ceilDiv(w + pad - kx, s));
                        for (int oy = 0; oy < oh; oy++) {
                            int y = oy * s - pad + ky;
                            if (y < 0 || y >= h) {
                                continue;
                            }
                            int src = plane + y * w + kx - pad;
                            int dst = column + (b * oh + oy) * ow * rowLen;
                            if (forward) {
                                for (int ox = ox0; ox < ox1; ox++) {
                                    col[dst + ox * rowLen] = img[src + ox * s];
                                }
                            } else {
                                for (int ox = ox0; ox < ox1; ox++) {
                                    img[src + ox * s] += col[dst + ox * rowLen];
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private static int ceilDiv(int x, int y) {
        return -Math.floorDiv(-x, y);
    }
}
