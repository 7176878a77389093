package dev.dlfs.data;

import static dev.dlfs.data.MessageAssertions.assertMentions;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlfs.tensor.DType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {
    @TempDir
    Path dir;

    private Path csv(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void readsFeaturesAndLastColumnLabelsWithDetectedHeader() throws IOException {
        Path file = csv("points.csv", "x1, x2 ,label\n0.5,1.25,0\n-2,3e-1,2\n\n.5,+4,1\n");
        Dataset d = CsvReader.read(file, CsvFormat.DEFAULT, DType.FLOAT64);
        assertEquals("points.csv", d.name());
        assertArrayEquals(new int[] {3, 2}, d.x().shape());
        assertArrayEquals(new double[] {0.5, 1.25, -2, 0.3, 0.5, 4}, d.x().toDoubleArray());
        assertArrayEquals(new int[] {0, 2, 1}, Labels.of(d.t()));
        assertEquals(3, d.classes());
        assertEquals(DType.FLOAT64, d.x().dtype());
    }

    @Test
    void headerlessWithLabelFirstAndOtherDelimiter() throws IOException {
        Path file = csv("semi.csv", "1;0.25;0.75\n0;1;2\n");
        Dataset d = CsvReader.read(file, CsvFormat.DEFAULT.withDelimiter(';').withLabelColumn("0"), DType.FLOAT32);
        assertArrayEquals(new float[] {0.25f, 0.75f, 1, 2}, d.x().toFloatArray());
        assertArrayEquals(new int[] {1, 0}, Labels.of(d.t()));
        assertEquals(2, d.classes());
    }

    @Test
    void labelColumnByHeaderNameAndGivenClassCount() throws IOException {
        Path file = csv("named.csv", "\"a\",\"species\",\"b\"\n1,1,2\n3,0,4\n");
        Dataset d = CsvReader.read(file, CsvFormat.DEFAULT.withLabelColumn("species").withClasses(5), DType.FLOAT32);
        assertArrayEquals(new float[] {1, 2, 3, 4}, d.x().toFloatArray());
        assertArrayEquals(new int[] {1, 0}, Labels.of(d.t()));
        assertEquals(5, d.classes());
    }

    @Test
    void aValueTheTensorCannotHoldIsADataErrorWithItsPlace() throws IOException {
        MalformedDataException e = refused("1,0.5\n0,1e39\n", CsvFormat.DEFAULT.withLabelColumn("0"));
        assertTrue(e.getMessage().endsWith("line 2, column 2: 1e39 overflows float32 (largest 3.403e+38); rescale"
                + " the column or read it as dtype: float64"), e.getMessage());
        Path wide = csv("wide.csv", "1,1e39\n0,-2e300\n");
        assertArrayEquals(new double[] {1e39, -2e300}, CsvReader.read(wide, CsvFormat.DEFAULT.withLabelColumn("0"),
                DType.FLOAT64).x().toDoubleArray(), "float64 holds them");
        Path huge = csv("huge.csv", "1,1e309\n");
        MalformedDataException e64 = assertThrows(MalformedDataException.class,
                () -> CsvReader.read(huge, CsvFormat.DEFAULT.withLabelColumn("0"), DType.FLOAT64));
        assertTrue(e64.getMessage().endsWith("line 1, column 2: 1e309 overflows float64 (largest 1.798e+308);"
                + " rescale the column"), e64.getMessage());
    }

    private MalformedDataException refused(String text, CsvFormat format) throws IOException {
        Path file = csv("bad.csv", text);
        MalformedDataException e = assertThrows(MalformedDataException.class,
                () -> CsvReader.read(file, format, DType.FLOAT32));
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        return e;
    }

    @Test
    void nonNumericCellGivesLineAndColumn() throws IOException {
        assertMentions(refused("a,b,label\n1,2,0\n3,x4,1\n", CsvFormat.DEFAULT), "line 3, column 2", "'x4'");
        assertMentions(refused("1,2,0\n3,,1\n", CsvFormat.DEFAULT), "line 2, column 2", "empty cell");
        assertMentions(refused("1,NaN,0\n", CsvFormat.DEFAULT), "line 1, column 2", "'NaN'", "header");
        assertMentions(refused("1,2f,0\n", CsvFormat.DEFAULT.withHeader(CsvFormat.Header.ABSENT)), "'2f'");
    }

    @Test
    void raggedRowsAreRefused() throws IOException {
        assertMentions(refused("1,2,0\n3,1\n", CsvFormat.DEFAULT), "line 2 has 2 columns, expected 3");
    }

    @Test
    void labelsMustBeClassIndicesInRange() throws IOException {
        assertMentions(refused("1,2,0.5\n", CsvFormat.DEFAULT), "line 1, column 3", "label 0.5",
                "not a class index");
        assertMentions(refused("1,2,-1\n", CsvFormat.DEFAULT), "label -1.0", "not a class index");
        assertMentions(refused("1,2,0\n1,2,3\n", CsvFormat.DEFAULT.withClasses(3)), "line 2, column 3",
                "label 3 is out of range [0, 3)");
    }

    @Test
    void badLabelColumnsAndEmptyFilesAreRefused() throws IOException {
        assertMentions(refused("1,2\n", CsvFormat.DEFAULT.withLabelColumn("5")), "label column 5", "2 columns");
        assertMentions(refused("1,2\n", CsvFormat.DEFAULT.withLabelColumn("y")), "'y' is a name", "no header");
        assertMentions(refused("a,b\n1,2\n", CsvFormat.DEFAULT.withLabelColumn("y")), "no column named 'y'", "a, b");
        assertMentions(refused("a,b\n\n", CsvFormat.DEFAULT), "no data rows");
        assertMentions(refused("", CsvFormat.DEFAULT), "no data rows");
        assertMentions(refused("1\n2\n", CsvFormat.DEFAULT), "at least one feature");
    }
}
