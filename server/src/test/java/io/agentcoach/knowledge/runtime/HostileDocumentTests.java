package io.agentcoach.knowledge.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

/**
 * Uploads built to exhaust the node: compression bombs inside a PDF, a gzip bomb sent as text, a
 * page tree far past the page limit. Each is refused or cut short with a bounded amount of memory,
 * and the extractor works normally afterwards.
 */
class HostileDocumentTests {

    static final long MAX_BYTES = 1L << 20;

    final DocumentText extractor = new DocumentText(MAX_BYTES, 200);

    /** A one-page PDF whose content stream is {@code unit} repeated {@code times}, Flate-compressed. */
    static byte[] pdfWithContent(byte[] unit, long times) throws Exception {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(compressed, new Deflater(Deflater.BEST_COMPRESSION), 1 << 16)) {
            byte[] block = unit.length >= (1 << 20) ? unit : repeatTo(unit, 1 << 20);
            long written = 0;
            long total = unit.length * times;
            deflate.write("BT /F1 12 Tf 72 700 Td\n".getBytes(StandardCharsets.US_ASCII));
            while (written < total) {
                int n = (int) Math.min(block.length, total - written);
                deflate.write(block, 0, n);
                written += n;
            }
            deflate.write("\nET\n".getBytes(StandardCharsets.US_ASCII));
        }
        return pdf(List.of(compressed.toByteArray()), 1);
    }

    private static byte[] repeatTo(byte[] unit, int size) {
        byte[] block = new byte[(size / unit.length) * unit.length];
        for (int i = 0; i < block.length; i += unit.length) {
            System.arraycopy(unit, 0, block, i, unit.length);
        }
        return block;
    }

    /** A PDF of {@code pages} pages sharing one Flate content stream, with a Helvetica font. */
    static byte[] pdf(List<byte[]> streams, int pages) {
        List<byte[]> objects = new ArrayList<>();
        StringBuilder kids = new StringBuilder();
        for (int i = 0; i < pages; i++) {
            kids.append(5 + i).append(" 0 R ");
        }
        objects.add(ascii("<< /Type /Catalog /Pages 2 0 R >>"));
        objects.add(ascii("<< /Type /Pages /Kids [" + kids + "] /Count " + pages + " >>"));
        objects.add(ascii("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"));
        byte[] stream = streams.get(0);
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.writeBytes(ascii("<< /Length " + stream.length + " /Filter /FlateDecode >>\nstream\n"));
        content.writeBytes(stream);
        content.writeBytes(ascii("\nendstream"));
        objects.add(content.toByteArray());
        for (int i = 0; i < pages; i++) {
            objects.add(ascii("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
                    + "/Resources << /Font << /F1 3 0 R >> >> >>"));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ascii("%PDF-1.7\n"));
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.size());
            out.writeBytes(ascii((i + 1) + " 0 obj\n"));
            out.writeBytes(objects.get(i));
            out.writeBytes(ascii("\nendobj\n"));
        }
        int xref = out.size();
        StringBuilder table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        offsets.forEach(o -> table.append(String.format("%010d 00000 n \n", o)));
        table.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        out.writeBytes(ascii(table.toString()));
        return out.toByteArray();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static long usedHeapAfterGc() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    @Test
    void aNormalPdfIsRead() throws Exception {
        String text = extractor.extract("application/pdf",
                pdfWithContent(ascii("(Agents call tools.) Tj\n"), 3));
        assertThat(text).contains("Agents call tools.");
    }

    @Test
    void aPdfWhoseContentStreamInflatesToAQuarterGigabyteIsCutShortWithBoundedMemory() throws Exception {
        byte[] bomb = pdfWithContent(ascii("(AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA) Tj\n"), 5_000_000L);
        assertThat(bomb.length).as("the bomb fits the upload limit").isLessThan((int) MAX_BYTES);
        long before = usedHeapAfterGc();

        Throwable thrown = catchThrowable(() -> extractor.extract("application/pdf", bomb));

        assertThat(thrown).isInstanceOf(ErrorResponseException.class);
        assertThat(((ErrorResponseException) thrown).getStatusCode().value()).isEqualTo(422);
        assertThat(((ErrorResponseException) thrown).getBody().getDetail()).contains("characters");
        assertThat(usedHeapAfterGc() - before).as("nothing of the bomb stays on the heap").isLessThan(64L << 20);
        assertThat(extractor.extract("text/plain", ascii("still working"))).isEqualTo("still working");
    }

    @Test
    void aPdfOfMillionsOfDrawingOperationsIsStoppedAtTheOperatorBound() throws Exception {
        byte[] bomb = pdfWithContent(ascii("q Q\n"), 8_000_000L);
        assertThat(bomb.length).isLessThan((int) MAX_BYTES);

        Throwable thrown = catchThrowable(() -> extractor.extract("application/pdf", bomb));

        assertThat(thrown).isInstanceOf(ErrorResponseException.class);
        assertThat(((ErrorResponseException) thrown).getBody().getDetail()).contains("drawing operations");
    }

    @Test
    void aPdfWithMorePagesThanAllowedIsRefusedBeforeReadingThem() throws Exception {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(compressed)) {
            deflate.write(ascii("BT /F1 12 Tf 72 700 Td (page) Tj ET"));
        }
        byte[] manyPages = pdf(List.of(compressed.toByteArray()), 5_000);

        Throwable thrown = catchThrowable(() -> extractor.extract("application/pdf", manyPages));

        assertThat(thrown).isInstanceOf(ErrorResponseException.class).hasMessageContaining("pages");
    }

    @Test
    void aGzipBombSentAsTextIsNeverInflated() throws Exception {
        ByteArrayOutputStream gzip = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gzip)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 512; i++) {
                out.write(zeros);
            }
        }
        byte[] bomb = gzip.toByteArray();
        assertThat(bomb.length).isLessThan((int) MAX_BYTES);

        Throwable thrown = catchThrowable(() -> extractor.extract("text/plain", bomb));

        assertThat(thrown).isInstanceOf(ErrorResponseException.class).hasMessageContaining("UTF-8");
    }

    @Test
    void garbageLabelledPdfIsA422() {
        Throwable thrown = catchThrowable(() -> extractor.extract("application/pdf", ascii("%PDF-1.7\nnot really")));
        assertThat(thrown).isInstanceOf(ErrorResponseException.class);
        assertThat(((ErrorResponseException) thrown).getStatusCode().value()).isEqualTo(422);
    }
}
