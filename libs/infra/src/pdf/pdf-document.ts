import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';

export interface PdfFonts {
  /** TrueType files covering Kazakh and Russian: pdfkit's built-in fonts have no Cyrillic. */
  regular: string;
  bold: string;
}

export type Pdf = PDFKit.PDFDocument;

const checked = new Set<string>();
const assertFont = (path: string, variable: string): void => {
  if (checked.has(path)) return;
  if (!existsSync(path)) throw new Error(`PDF font not found at ${path}: set ${variable} to a TrueType font with Cyrillic`);
  checked.add(path);
};

/**
 * Renders one A4 document into memory. `draw` lays out the content with the fonts
 * registered as `regular` and `bold`. Documents are small (a receipt, a statement of
 * at most a year), so buffering is fine.
 */
export async function renderPdf(fonts: PdfFonts, info: { title: string; subject: string }, draw: (doc: Pdf) => void): Promise<Buffer> {
  assertFont(fonts.regular, 'PDF_FONT_PATH');
  assertFont(fonts.bold, 'PDF_BOLD_FONT_PATH');
  const doc = new PDFDocument({
    size: 'A4',
    margin: 40,
    font: fonts.regular,
    info: { Title: info.title, Subject: info.subject, Creator: 'bank-flows', Producer: 'bank-flows' },
  });
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('regular');
  draw(doc);
  doc.end();
  return done;
}

/** Label/value pairs, one per line, labels in bold: the body of receipts and statement headers. */
export function fields(doc: Pdf, rows: ReadonlyArray<readonly [string, string]>, labelWidth = 170): void {
  const left = doc.page.margins.left;
  const valueWidth = doc.page.width - doc.page.margins.right - left - labelWidth;
  for (const [label, value] of rows) {
    const y = doc.y;
    doc
      .font('bold')
      .fontSize(9)
      .text(label, left, y, { width: labelWidth - 8 });
    const afterLabel = doc.y;
    doc
      .font('regular')
      .fontSize(9)
      .text(value, left + labelWidth, y, { width: valueWidth });
    doc.y = Math.max(afterLabel, doc.y) + 3;
  }
  doc.x = left;
}

export interface PdfColumn {
  header: string;
  width: number;
  align?: 'left' | 'right';
}

/** A simple table that repeats its header on each new page. Widths are in points. */
export function table(doc: Pdf, columns: ReadonlyArray<PdfColumn>, rows: ReadonlyArray<ReadonlyArray<string>>): void {
  const left = doc.page.margins.left;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const rowHeight = (cells: ReadonlyArray<string>, font: 'regular' | 'bold') =>
    Math.max(
      ...cells.map((c, i) =>
        doc
          .font(font)
          .fontSize(7)
          .heightOfString(c, { width: columns[i]!.width - 4 }),
      ),
    ) + 4;
  const drawRow = (cells: ReadonlyArray<string>, font: 'regular' | 'bold') => {
    const height = rowHeight(cells, font);
    if (doc.y + height > bottom()) {
      doc.addPage();
      if (font === 'regular')
        drawRow(
          columns.map((c) => c.header),
          'bold',
        );
    }
    const y = doc.y;
    let x = left;
    cells.forEach((cell, i) => {
      const column = columns[i]!;
      doc
        .font(font)
        .fontSize(7)
        .text(cell, x + 2, y + 2, { width: column.width - 4, align: column.align ?? 'left' });
      x += column.width;
    });
    doc
      .moveTo(left, y + height)
      .lineTo(x, y + height)
      .lineWidth(0.3)
      .stroke();
    doc.y = y + height;
  };
  drawRow(
    columns.map((c) => c.header),
    'bold',
  );
  rows.forEach((row) => drawRow(row, 'regular'));
  doc.x = left;
}
