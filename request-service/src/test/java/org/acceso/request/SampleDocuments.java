package org.acceso.request;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Documents made in the tests (a PDF with a text layer, a DOCX, an ODT) and the text read back from them. */
public final class SampleDocuments {

    private SampleDocuments() {
    }

    /** A PDF with a text layer: one page per element of {@code pages}, each line of it a line of text (Helvetica). */
    public static byte[] pdf(String author, List<String> pages) {
        try (PDDocument document = new PDDocument()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setAuthor(author);
            info.setTitle("Informe de " + author);
            for (String page : pages) {
                PDPage p = new PDPage(PDRectangle.A4);
                document.addPage(p);
                try (PDPageContentStream content = new PDPageContentStream(document, p)) {
                    content.beginText();
                    content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                    content.setLeading(16);
                    content.newLineAtOffset(60, 760);
                    for (String line : page.split("\n")) {
                        content.showText(line);
                        content.newLine();
                    }
                    content.endText();
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A DOCX with one paragraph per line of {@code text}, its core properties naming {@code author}. */
    public static byte[] docx(String author, String text) {
        try (XWPFDocument document = new XWPFDocument()) {
            document.getProperties().getCoreProperties().setCreator(author);
            for (String line : text.split("\n")) {
                XWPFParagraph paragraph = document.createParagraph();
                // split each line in two runs, as word processors do, so a datum may straddle runs
                int half = line.length() / 2;
                paragraph.createRun().setText(line.substring(0, half));
                paragraph.createRun().setText(line.substring(half));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A minimal OpenDocument text with one paragraph per line of {@code text}, its metadata naming {@code author}. */
    public static byte[] odt(String author, String text) {
        StringBuilder body = new StringBuilder();
        for (String line : text.split("\n")) {
            body.append("<text:p>").append(xml(line)).append("</text:p>");
        }
        String content = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content "
                + "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
                + "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">"
                + "<office:body><office:text>" + body + "</office:text></office:body></office:document-content>";
        String meta = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-meta "
                + "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
                + "xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\" office:version=\"1.2\">"
                + "<office:meta><meta:initial-creator>" + xml(author) + "</meta:initial-creator></office:meta></office:document-meta>";
        String manifest = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><manifest:manifest "
                + "xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">"
                + "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
                + "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
                + "<manifest:file-entry manifest:full-path=\"meta.xml\" manifest:media-type=\"text/xml\"/>"
                + "</manifest:manifest>";
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                byte[] mimetype = "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII);
                ZipEntry first = new ZipEntry("mimetype");
                first.setMethod(ZipEntry.STORED);
                first.setSize(mimetype.length);
                CRC32 crc = new CRC32();
                crc.update(mimetype);
                first.setCrc(crc.getValue());
                zip.putNextEntry(first);
                zip.write(mimetype);
                zip.closeEntry();
                for (String[] part : new String[][] {{"content.xml", content}, {"meta.xml", meta},
                        {"META-INF/manifest.xml", manifest}}) {
                    zip.putNextEntry(new ZipEntry(part[0]));
                    zip.write(part[1].getBytes(StandardCharsets.UTF_8));
                    zip.closeEntry();
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of a PDF, as PDFBox extracts it (every text layer, visible or not). */
    public static String pdfText(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Everything PDFBox can read of a PDF beyond its text: its document information and XMP metadata. */
    public static String pdfMetadata(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDDocumentInformation info = document.getDocumentInformation();
            StringBuilder out = new StringBuilder();
            info.getMetadataKeys().forEach(key -> out.append(key).append('=').append(info.getCustomMetadataValue(key)).append('\n'));
            if (document.getDocumentCatalog().getMetadata() != null) {
                out.append(new String(document.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8));
            }
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of a DOCX, as Apache POI extracts it. */
    public static String docxText(byte[] docx) {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx));
             XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
            return extractor.getText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
