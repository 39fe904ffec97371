package com.aftercare.returns.logistics;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.Barcode128;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The return slip (返送票) a customer prints and puts in the parcel, so the warehouse knows whose
 * goods arrived: the RMA as a Code 128 barcode (what warehouse scanners read) and as a QR code
 * (what a phone reads), the address it goes to, the order and, unless the order went discreetly,
 * the items. A PDF drawn with OpenPDF in the bundled Noto Sans JP (a subset of the characters
 * Shift_JIS holds, with TrueType outlines, embedded and subset again per slip); every word comes from the caller's
 * {@code labels} (the messages files), so the slip is in the customer's language.
 */
public final class ReturnSlip {

    private static final String FONT = "/fonts/NotoSansJP-Regular-subset.ttf";
    private static final byte[] FONT_BYTES = fontBytes();

    private ReturnSlip() {}

    /**
     * What a slip shows.
     *
     * @param from the customer's name and address, as the order was shipped to them
     * @param items "name × quantity" lines; empty for a discreet order
     */
    public record Content(
            String rma,
            String orderNumber,
            String shopName,
            ReturnAddress to,
            List<String> from,
            ReturnMethod method,
            Carrier carrier,
            String pickup,
            List<String> items) {

        public Content {
            from = List.copyOf(from);
            items = List.copyOf(items);
        }
    }

    /** The slip as PDF bytes; {@code labels} gives the text of each {@code slip.*} message key. */
    public static byte[] render(Content slip, Function<String, String> labels) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 48, 48, 48, 48);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            document.addTitle(labels.apply("slip.title") + " " + slip.rma());
            document.open();
            BaseFont base = BaseFont.createFont(FONT, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, FONT_BYTES, null);
            Font title = new Font(base, 20);
            Font big = new Font(base, 14);
            Font body = new Font(base, 11);
            Font small = new Font(base, 9, Font.NORMAL, Color.DARK_GRAY);

            document.add(new Paragraph(labels.apply("slip.title") + "　" + slip.shopName(), title));
            document.add(new Paragraph(labels.apply("slip.instructions"), small));

            PdfPTable codes = new PdfPTable(new float[] {3, 1});
            codes.setWidthPercentage(100);
            codes.setSpacingBefore(12);
            PdfPCell rma = new PdfPCell();
            rma.setBorder(Rectangle.NO_BORDER);
            rma.addElement(new Paragraph(labels.apply("slip.rma"), small));
            rma.addElement(new Paragraph(slip.rma(), new Font(base, 22)));
            Barcode128 barcode = new Barcode128();
            barcode.setCode(slip.rma());
            barcode.setBarHeight(36);
            barcode.setX(1.2f);
            barcode.setFont(null); // the number is printed above in the Japanese font
            Image bars = barcode.createImageWithBarcode(writer.getDirectContent(), Color.BLACK, Color.BLACK);
            // as a chunk, so the cell keeps the barcode's own size instead of stretching it
            Paragraph barcodeLine = new Paragraph(new com.lowagie.text.Chunk(bars, 0, -4, true));
            barcodeLine.setSpacingBefore(8);
            rma.addElement(barcodeLine);
            codes.addCell(rma);
            PdfPCell qr = new PdfPCell(qrCode(writer.getDirectContent(), slip.rma(), 96), false);
            qr.setBorder(Rectangle.NO_BORDER);
            qr.setHorizontalAlignment(Element.ALIGN_RIGHT);
            codes.addCell(qr);
            document.add(codes);

            PdfPTable facts = new PdfPTable(new float[] {1, 3});
            facts.setWidthPercentage(100);
            facts.setSpacingBefore(16);
            row(
                    facts,
                    labels.apply("slip.to"),
                    String.join(
                            "\n",
                            List.of(
                                    slip.to().oneLine(),
                                    slip.to().recipient() + "　TEL " + slip.to().phone())),
                    small,
                    big);
            row(facts, labels.apply("slip.from"), String.join("\n", slip.from()), small, body);
            row(facts, labels.apply("slip.order"), slip.orderNumber(), small, body);
            row(
                    facts,
                    labels.apply("slip.method"),
                    labels.apply("slip.method." + slip.method().name()) + "（"
                            + labels.apply("slip.carrier." + slip.carrier().name()) + "）",
                    small,
                    body);
            if (slip.pickup() != null) {
                row(facts, labels.apply("slip.pickup"), slip.pickup(), small, body);
            }
            row(
                    facts,
                    labels.apply("slip.items"),
                    slip.items().isEmpty() ? labels.apply("slip.items.discreet") : String.join("\n", slip.items()),
                    small,
                    body);
            document.add(facts);
            document.close();
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("The return slip of " + slip.rma() + " could not be drawn", e);
        }
        return out.toByteArray();
    }

    private static void row(PdfPTable table, String label, String value, Font labelFont, Font valueFont) {
        PdfPCell name = new PdfPCell(new Phrase(label, labelFont));
        name.setPadding(6);
        name.setBackgroundColor(new Color(0xF0, 0xF0, 0xF0));
        table.addCell(name);
        PdfPCell text = new PdfPCell(new Phrase(value, valueFont));
        text.setPadding(6);
        table.addCell(text);
    }

    /** The RMA as a QR code drawn as vector squares (sharp at any print size), {@code size} points wide. */
    private static Image qrCode(PdfContentByte canvas, String text, float size) throws DocumentException {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter()
                    .encode(
                            text,
                            com.google.zxing.BarcodeFormat.QR_CODE,
                            0,
                            0,
                            Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
        } catch (WriterException e) {
            throw new IllegalArgumentException("No QR code for " + text, e);
        }
        float module = size / matrix.getWidth();
        PdfTemplate template = canvas.createTemplate(size, size);
        template.setColorFill(Color.BLACK);
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                if (matrix.get(x, y)) {
                    template.rectangle(x * module, size - (y + 1) * module, module, module);
                }
            }
        }
        template.fill();
        return Image.getInstance(template);
    }

    private static byte[] fontBytes() {
        try (InputStream in = ReturnSlip.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException("The slip's font " + FONT + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
