package se.susam.inloggning.bankidlogin;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/** Reads the QR code of our SVG as a phone camera would: rasterised, then decoded by ZXing. */
final class QrScanner {

    private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");
    /** A run of dark modules: from (x, y), w modules to the right, one down. */
    private static final Pattern RUN = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-\\3z");
    private static final int SCALE = 4;

    private QrScanner() {
    }

    static String scan(String svg) {
        Matcher box = VIEW_BOX.matcher(svg);
        if (!box.find()) {
            throw new AssertionError("not a QR SVG");
        }
        int modules = Integer.parseInt(box.group(1));
        int size = modules * SCALE;
        int[] pixels = new int[size * size];
        java.util.Arrays.fill(pixels, 0xFFFFFFFF);
        Matcher m = RUN.matcher(svg);
        while (m.find()) {
            int x = Integer.parseInt(m.group(1));
            int y = Integer.parseInt(m.group(2));
            int width = Integer.parseInt(m.group(3));
            for (int dy = 0; dy < SCALE; dy++) {
                for (int dx = 0; dx < width * SCALE; dx++) {
                    pixels[(y * SCALE + dy) * size + x * SCALE + dx] = 0xFF000000;
                }
            }
        }
        try {
            return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new RGBLuminanceSource(size, size, pixels))),
                    java.util.Map.of(com.google.zxing.DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
        } catch (Exception e) {
            throw new AssertionError("QR code could not be read", e);
        }
    }
}
