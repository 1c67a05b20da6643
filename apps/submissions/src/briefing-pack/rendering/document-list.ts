import type { Content, TableCell } from 'pdfmake/interfaces';
import type { PackDocument, Placement } from '../domain/pack-documents';
import { formatSize, mediaLabel } from './vietnamese';

/** The files of the pack and where each one is: what the table of contents and each file's line say. */
export interface DocumentPages {
  documents: PackDocument[];
  /** One per document, in the same order. */
  placements: Placement[];
}

const SKIPPED: Record<Extract<Placement, { skipped: string }>['skipped'], string> = {
  NOT_CONVERTED: 'Tệp Word không được chuyển sang PDF nên không ghép vào tập tài liệu; đề nghị xem tệp gốc.',
  ENCRYPTED: 'Tệp PDF được mã hóa (có mật khẩu) nên không ghép được vào tập tài liệu; đề nghị xem tệp gốc.',
  UNREADABLE: 'Tệp bị lỗi, không đọc được nên không ghép được vào tập tài liệu; đề nghị xem tệp gốc.',
};

/** "7", "7–8" */
function pageRange(placement: { first: number; last: number }): string {
  return placement.first === placement.last ? String(placement.first) : `${placement.first}–${placement.last}`;
}

/** "Ghép vào tập tài liệu: trang 7–8.", or why the file is not in it. */
export function placementNote(placement: Placement): string {
  return 'skipped' in placement ? SKIPPED[placement.skipped] : `Ghép vào tập tài liệu: trang ${pageRange(placement)}.`;
}

/** The placement of one file of the pack, looked up by where it comes from and its id. */
export function placementOf(pages: DocumentPages, source: PackDocument['source'], id: string): Placement | undefined {
  const index = pages.documents.findIndex((d) => d.source === source && d.id === id);
  return index < 0 ? undefined : pages.placements[index];
}

/** The list under the table of contents: every file of the pack, whose it is, and the pages that hold it. */
export function documentList(pages: DocumentPages): Content[] {
  if (pages.documents.length === 0) return [];
  const header: TableCell[] = ['TT', 'Tệp tài liệu', 'Trang'].map((text) => ({ text, bold: true }));
  const rows = pages.documents.map((document, i): TableCell[] => {
    const placement = pages.placements[i] as Placement | undefined;
    return [
      { text: String(i + 1), alignment: 'center' },
      {
        stack: [
          { text: document.fileName },
          {
            text: `${document.owner} — ${mediaLabel(document.mediaType)}, ${formatSize(document.size)}`,
            style: 'small',
          },
          ...(placement && 'skipped' in placement ? [{ text: SKIPPED[placement.skipped], style: 'note' }] : []),
        ],
      },
      { text: placement && 'first' in placement ? pageRange(placement) : '—', alignment: 'center' },
    ];
  });
  return [
    { text: 'TỆP TÀI LIỆU KÈM THEO', style: 'heading', alignment: 'center', margin: [0, 16, 0, 2] },
    {
      text: 'Các tệp PDF và ảnh được ghép vào cuối tập tài liệu, theo thứ tự dưới đây.',
      style: 'note',
      alignment: 'center',
      margin: [0, 0, 0, 6],
    },
    {
      table: { headerRows: 1, widths: [24, '*', 60], body: [header, ...rows] },
      layout: { hLineWidth: () => 0.5, vLineWidth: () => 0, hLineColor: () => '#bbbbbb' },
      fontSize: 11,
    },
  ];
}
