package org.acceso.request.service;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * PDFs for publication, with Apache PDFBox: the text of each page (with the place of each character), a redacted copy,
 * and a PDF made from plain text.
 * <p>
 * A redacted copy is a new document: a page without anything to remove is imported as it is (its text and vector
 * drawing kept, its annotations dropped); a page with something to remove is rendered to an image at
 * {@link #DPI} dpi, black boxes are painted over each removed datum, and the page is replaced by that image plus an
 * invisible text layer holding the page's redacted text (each removed datum reads {@code [dato personal]}), so the
 * page stays searchable and readable by screen readers while nothing of the removed text is left in it. Nothing of
 * the source document beyond its pages (metadata, outline, attachments, forms, scripts) is carried over.
 */
final class PdfPages {

    /** Resolution of rasterised (redacted) pages: legible print, modest size. */
    static final int DPI = 150;
    private static final float JPEG_QUALITY = 0.85f;
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private PdfPages() {
    }

    /** One page's text as extracted, and for each of its characters the glyph it came from (null for separators). */
    record PageText(String text, List<TextPosition> positions, List<Integer> lineStarts) {
    }

    /** The text of every page of {@code pdf}. */
    static List<PageText> text(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return text(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<PageText> text(PDDocument document) throws IOException {
        Stripper stripper = new Stripper();
        stripper.writeText(document, new StringWriter());
        return stripper.pages;
    }

    /**
     * A new PDF with, on each page, the spans {@code remove.apply(page)} names blacked out and replaced by
     * {@code [dato personal]} in its text; {@code redacted.apply(page)} gives the page's redacted text.
     */
    static byte[] redact(byte[] pdf, Function<PageText, List<int[]>> remove,
                         Function<PageText, String> redacted) {
        try (PDDocument source = Loader.loadPDF(pdf); PDDocument copy = new PDDocument()) {
            List<PageText> pages = text(source);
            PDFRenderer renderer = new PDFRenderer(source);
            PDFont font = font(copy);
            for (int i = 0; i < source.getNumberOfPages(); i++) {
                PageText page = i < pages.size() ? pages.get(i) : new PageText("", List.of(), List.of());
                List<int[]> spans = remove.apply(page);
                if (spans.isEmpty()) {
                    PDPage kept = copy.importPage(source.getPage(i));
                    kept.setAnnotations(List.of());
                    continue;
                }
                rasterise(copy, renderer, i, page, spans, redacted.apply(page), font);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            copy.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void rasterise(PDDocument copy, PDFRenderer renderer, int index, PageText page, List<int[]> spans,
                                  String redactedText, PDFont font) throws IOException {
        BufferedImage image = renderer.renderImageWithDPI(index, DPI, ImageType.RGB);
        float scale = DPI / 72f;
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.BLACK);
            for (int[] span : spans) {
                for (Rectangle2D box : boxes(page, span[0], span[1])) {
                    g.fill(new Rectangle2D.Double(box.getX() * scale - 2, box.getY() * scale - 2,
                            box.getWidth() * scale + 4, box.getHeight() * scale + 4));
                }
            }
        } finally {
            g.dispose();
        }
        float width = image.getWidth() / scale;
        float height = image.getHeight() / scale;
        PDPage raster = new PDPage(new PDRectangle(width, height));
        copy.addPage(raster);
        PDImageXObject picture = JPEGFactory.createFromImage(copy, image, JPEG_QUALITY);
        try (PDPageContentStream content = new PDPageContentStream(copy, raster)) {
            content.drawImage(picture, 0, 0, width, height);
            invisibleText(content, font, page, redactedText, height);
        }
    }

    /** The boxes (in points, top-left origin) covering characters [start, end) of a page, one per line. */
    static List<Rectangle2D> boxes(PageText page, int start, int end) {
        List<Rectangle2D> boxes = new ArrayList<>();
        Rectangle2D line = null;
        float lineY = Float.NaN;
        for (int k = start; k < end && k < page.positions().size(); k++) {
            TextPosition p = page.positions().get(k);
            if (p == null) {
                continue;
            }
            // the whole line height of the font (ascenders, accents, descenders), not the glyph's own height
            float size = Math.max(p.getHeight(), p.getFontSizeInPt());
            Rectangle2D glyph = new Rectangle2D.Float(p.getX(), p.getY() - size * 0.95f, p.getWidth(), size * 1.25f);
            if (line != null && Math.abs(p.getY() - lineY) < p.getHeight() / 2) {
                line.add(glyph);
            } else {
                if (line != null) {
                    boxes.add(line);
                }
                line = glyph;
                lineY = p.getY();
            }
        }
        if (line != null) {
            boxes.add(line);
        }
        return boxes;
    }

    /** The page's redacted text, line by line where the lines were, drawn invisibly (searchable, not seen). */
    private static void invisibleText(PDPageContentStream content, PDFont font, PageText page, String text, float height)
            throws IOException {
        String[] lines = text.split("\n", -1);
        float fontSize = 10;
        float y = 36;
        content.setRenderingMode(RenderingMode.NEITHER);
        for (int i = 0; i < lines.length; i++) {
            float x = 36;
            if (i < page.lineStarts().size()) {
                TextPosition first = firstGlyph(page, page.lineStarts().get(i));
                if (first != null) {
                    x = first.getX();
                    y = first.getY();
                    fontSize = Math.max(4, Math.min(40, first.getFontSizeInPt()));
                }
            } else {
                y += fontSize * 1.2f;
            }
            String line = printable(font, lines[i]);
            if (line.isBlank()) {
                continue;
            }
            content.beginText();
            content.setFont(font, fontSize);
            content.newLineAtOffset(x, Math.max(0, height - y));
            content.showText(line);
            content.endText();
        }
    }

    private static TextPosition firstGlyph(PageText page, int from) {
        for (int k = from; k < page.positions().size(); k++) {
            if (page.positions().get(k) != null) {
                return page.positions().get(k);
            }
            if (page.text().charAt(k) == '\n') {
                return null;
            }
        }
        return null;
    }

    /**
     * A PDF of {@code text} (paragraphs separated by line breaks) on A4 pages: how a redacted DOCX or ODT is
     * published. Only the text travels: nothing else of the source file.
     */
    static byte[] fromText(String title, String text) {
        try (PDDocument document = new PDDocument()) {
            PDFont font = font(document);
            float fontSize = 11;
            float leading = 15;
            float margin = 56;
            PDRectangle a4 = PDRectangle.A4;
            float width = a4.getWidth() - 2 * margin;
            List<String> lines = new ArrayList<>();
            for (String paragraph : text.split("\n", -1)) {
                lines.addAll(wrap(font, fontSize, printable(font, paragraph), width));
            }
            int perPage = (int) ((a4.getHeight() - 2 * margin) / leading);
            for (int from = 0; from < Math.max(1, lines.size()); from += perPage) {
                PDPage page = new PDPage(a4);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(font, fontSize);
                    content.setLeading(leading);
                    content.newLineAtOffset(margin, a4.getHeight() - margin);
                    for (String line : lines.subList(from, Math.min(lines.size(), from + perPage))) {
                        content.showText(line);
                        content.newLine();
                    }
                    content.endText();
                }
            }
            document.getDocumentInformation().setTitle(title);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> wrap(PDFont font, float fontSize, String paragraph, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : paragraph.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && font.getStringWidth(candidate) / 1000 * fontSize > width) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    /** The font of made text: Liberation Sans (shipped inside PDFBox, Unicode), Helvetica if it is missing. */
    private static PDFont font(PDDocument document) throws IOException {
        try (InputStream in = PdfPages.class.getResourceAsStream(FONT)) {
            if (in != null) {
                return PDType0Font.load(document, in);
            }
        }
        return new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    }

    /** {@code text} with tabs and control characters as spaces and characters the font cannot show as '?'. */
    private static String printable(PDFont font, String text) {
        Map<Integer, Boolean> shown = new HashMap<>();
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || Character.isWhitespace(cp)) {
                out.append(' ');
            } else if (shown.computeIfAbsent(cp, c -> encodes(font, c))) {
                out.appendCodePoint(cp);
            } else {
                out.append('?');
            }
        });
        return out.toString();
    }

    private static boolean encodes(PDFont font, int codePoint) {
        try {
            font.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Collects each page's text with the glyph of each character. */
    private static final class Stripper extends PDFTextStripper {

        final List<PageText> pages = new ArrayList<>();
        private StringBuilder text;
        private List<TextPosition> positions;
        private List<Integer> lineStarts;

        Stripper() {
            setSortByPosition(true);
            setLineSeparator("\n");
            setWordSeparator(" ");
        }

        @Override
        protected void startPage(PDPage page) {
            text = new StringBuilder();
            positions = new ArrayList<>();
            lineStarts = new ArrayList<>(List.of(0));
        }

        @Override
        protected void endPage(PDPage page) {
            pages.add(new PageText(text.toString(), Collections.unmodifiableList(positions), List.copyOf(lineStarts)));
        }

        @Override
        protected void writeString(String string, List<TextPosition> glyphs) {
            for (int i = 0; i < string.length(); i++) {
                text.append(string.charAt(i));
                positions.add(glyphs.isEmpty() ? null
                        : glyphs.get(Math.min(glyphs.size() - 1, i * glyphs.size() / string.length())));
            }
        }

        @Override
        protected void writeWordSeparator() {
            text.append(' ');
            positions.add(null);
        }

        @Override
        protected void writeLineSeparator() {
            text.append('\n');
            positions.add(null);
            lineStarts.add(text.length());
        }
    }
}
