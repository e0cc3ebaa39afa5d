package io.agentcoach.knowledge.runtime;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.agentcoach.platform.Problems;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.ErrorResponseException;

/**
 * Turns an uploaded file into Markdown text for chunking: Markdown and plain text as they are
 * (valid UTF-8 only), HTML with its headings kept as Markdown headings, PDF page by page. Limits
 * keep a hostile file from taking the node down: size before parsing, pages, memory PDFBox may
 * use, and the length of the text extracted.
 */
final class DocumentText {

    /** The media types accepted, by the name stored with the document. */
    static final Map<String, String> SUPPORTED = Map.of(
            "text/markdown", "text/markdown", "text/x-markdown", "text/markdown",
            "text/plain", "text/plain", "text/html", "text/html", "application/pdf", "application/pdf");

    /** The most characters of text kept from one document. */
    static final int MAX_TEXT_CHARS = 2_000_000;

    private final long maxBytes;
    private final int maxPdfPages;

    DocumentText(long maxBytes, int maxPdfPages) {
        this.maxBytes = maxBytes;
        this.maxPdfPages = maxPdfPages;
    }

    /** The normalized media type of {@code contentType}, or a 415 problem. */
    static String mediaType(String contentType) {
        String type;
        try {
            MediaType parsed = MediaType.parseMediaType(contentType == null ? "" : contentType);
            type = (parsed.getType() + "/" + parsed.getSubtype()).toLowerCase(Locale.ROOT);
        } catch (RuntimeException e) {
            type = "";
        }
        String supported = SUPPORTED.get(type);
        if (supported == null) {
            throw Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported document type",
                    "Upload Markdown (text/markdown), plain text (text/plain), HTML (text/html) or PDF (application/pdf), not '"
                            + contentType + "'.");
        }
        return supported;
    }

    /** The document's text as Markdown, or a 4xx problem saying why it cannot be read. */
    String extract(String mediaType, byte[] content) {
        if (content.length == 0) {
            throw unreadable("The document is empty.");
        }
        if (content.length > maxBytes) {
            throw Problems.of(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Document too large",
                    "Documents may be at most " + maxBytes + " bytes; this one has " + content.length + ".",
                    Map.of("maxBytes", maxBytes));
        }
        String text = switch (mediaType) {
            case "application/pdf" -> pdf(content);
            case "text/html" -> html(utf8(content));
            default -> utf8(content);
        };
        if (text.isBlank()) {
            throw unreadable("The document contains no text.");
        }
        return text.length() > MAX_TEXT_CHARS ? text.substring(0, MAX_TEXT_CHARS) : text;
    }

    private static String utf8(byte[] content) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw unreadable("The document is not valid UTF-8 text.");
        }
    }

    private static String html(String html) {
        StringBuilder out = new StringBuilder();
        Element body = Jsoup.parse(html).body();
        body.select("script, style, noscript, template").remove();
        for (Element element : body.select("h1, h2, h3, h4, h5, h6, p, li, pre, blockquote, td, dt, dd")) {
            if (!element.is("h1, h2, h3, h4, h5, h6")
                    && element.select("p, li, pre, blockquote, td").stream().anyMatch(inner -> inner != element)) {
                continue; // a container; its inner blocks are visited themselves
            }
            String text = element.is("pre") ? element.wholeText().strip() : element.text().strip();
            if (text.isEmpty()) {
                continue;
            }
            if (element.is("h1, h2, h3, h4, h5, h6")) {
                out.append("#".repeat(element.tagName().charAt(1) - '0')).append(' ').append(text).append("\n\n");
            } else {
                out.append(text).append("\n\n");
            }
        }
        return out.isEmpty() ? body.text() : out.toString();
    }

    private String pdf(byte[] content) {
        // decoded streams are held in memory up to a bound, so a compression bomb fails instead of filling the heap
        long memory = Math.max(16L << 20, maxBytes * 8);
        try (PDDocument pdf = Loader.loadPDF(content, "", null, null, MemoryUsageSetting.setupMainMemoryOnly(memory).streamCache)) {
            if (pdf.isEncrypted()) {
                throw unreadable("Encrypted PDFs cannot be indexed.");
            }
            int pages = pdf.getNumberOfPages();
            if (pages > maxPdfPages) {
                throw unreadable("The PDF has " + pages + " pages; at most " + maxPdfPages + " are accepted.");
            }
            StringBuilder out = new StringBuilder();
            BoundedTextStripper stripper = new BoundedTextStripper(System.nanoTime() + PDF_TIME_LIMIT.toNanos());
            for (int page = 1; page <= pages && out.length() < MAX_TEXT_CHARS; page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                out.append(stripper.getText(pdf).strip()).append("\n\n");
            }
            return out.toString();
        } catch (BoundedTextStripper.LimitReached e) {
            throw unreadable("The PDF cannot be indexed: " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            if (e instanceof ErrorResponseException problem) {
                throw problem;
            }
            if (e.getCause() instanceof BoundedTextStripper.LimitReached limit) {
                throw unreadable("The PDF cannot be indexed: " + limit.getMessage());
            }
            throw unreadable("The PDF cannot be read.");
        }
    }

    /** The longest an upload's PDF text extraction may take. */
    static final java.time.Duration PDF_TIME_LIMIT = java.time.Duration.ofSeconds(20);
    /** More characters than any real page holds; PDFBox keeps a whole page's glyph positions in memory. */
    static final int MAX_PAGE_CHARS = 200_000;
    /** More drawing operators than any real document of the accepted size needs. */
    static final long MAX_OPERATORS = 5_000_000;

    /**
     * PDFBox's text stripper with bounds on what one document may cost: glyphs per page (PDFBox
     * holds every glyph's position of a page before writing it, so a small Flate-compressed content
     * stream that inflates to millions of glyphs would otherwise fill the heap), drawing operators
     * per document, and wall time.
     */
    private static final class BoundedTextStripper extends PDFTextStripper {

        /** Thrown from inside PDFBox's content stream engine when a bound is reached. */
        static final class LimitReached extends RuntimeException {
            LimitReached(String message) {
                super(message, null, false, false);
            }
        }

        private final long deadline;
        private long operators;
        private int pageChars;

        BoundedTextStripper(long deadline) {
            this.deadline = deadline;
        }

        @Override
        protected void startPage(PDPage page) throws IOException {
            pageChars = 0;
            super.startPage(page);
        }

        @Override
        protected void processTextPosition(TextPosition text) {
            if (++pageChars > MAX_PAGE_CHARS) {
                throw new LimitReached("a page holds more than " + MAX_PAGE_CHARS + " characters.");
            }
            super.processTextPosition(text);
        }

        @Override
        protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
            if (++operators > MAX_OPERATORS) {
                throw new LimitReached("it has more than " + MAX_OPERATORS + " drawing operations.");
            }
            if ((operators & 1023) == 0 && System.nanoTime() > deadline) {
                throw new LimitReached("reading its text took longer than " + PDF_TIME_LIMIT.toSeconds() + " s.");
            }
            super.processOperator(operator, operands);
        }
    }

    private static ErrorResponseException unreadable(String detail) {
        return Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "unprocessable", "Document cannot be indexed", detail);
    }
}
