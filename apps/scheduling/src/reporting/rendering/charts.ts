import type * as Vega from 'vega';
// Vega-Lite's entry named by its file: its `exports` are beyond moduleResolution "node".
import type * as VegaLite from 'vega-lite/build/index';
import type { ActivityReport } from '@pressconf/contracts';
import { PDF_FONT } from '@pressconf/pdf';

/** A Vega-Lite specification (the library's own types come with its ES module, which is loaded when drawing). */
export type ChartSpec = Record<string, unknown>;

const WIDTH = 420;
const CONFIG = {
  // The PDF's own face: pdfmake draws the SVG's text with the fonts it knows, and Tinos has the diacritics.
  font: PDF_FONT,
  axis: { labelFontSize: 11, titleFontSize: 11, labelLimit: 230 },
  legend: { labelFontSize: 11, titleFontSize: 11, orient: 'bottom' },
  view: { stroke: null },
};
const KIND_COLORS = { domain: ['Định kỳ', 'Đột xuất'], range: ['#1f4e79', '#c0504d'] };

/** "2027-03" → "T3/2027". */
const monthLabel = (month: string) => `T${Number(month.slice(5))}/${month.slice(0, 4)}`;

/** Conferences held per month, by kind, stacked. */
export function conferencesPerMonthChart(report: ActivityReport): ChartSpec {
  const values = report.conferences.byMonth.flatMap((m) => [
    { month: monthLabel(m.month), order: m.month, kind: 'Định kỳ', count: m.periodic },
    { month: monthLabel(m.month), order: m.month, kind: 'Đột xuất', count: m.extraordinary },
  ]);
  return {
    width: WIDTH,
    height: 150,
    config: CONFIG,
    data: { values },
    mark: { type: 'bar' },
    encoding: {
      x: { field: 'month', type: 'ordinal', sort: { field: 'order' }, title: 'Tháng', axis: { labelAngle: 0 } },
      y: { field: 'count', type: 'quantitative', title: 'Số hội nghị', axis: { tickMinStep: 1, format: 'd' } },
      color: { field: 'kind', type: 'nominal', title: 'Loại hội nghị', scale: KIND_COLORS },
    },
  };
}

/** Hours from detection to the call of each incident, against the 24-hour line. */
export function conveneTimeChart(report: ActivityReport): ChartSpec {
  const values = report.incidents.items
    .filter((i) => i.hoursToCall !== null)
    .map((i, n) => ({
      incident: `${n + 1}. ${i.title.length > 40 ? `${i.title.slice(0, 39)}…` : i.title}`,
      hours: i.hoursToCall,
      outcome: i.outcome === 'KEPT' ? 'Đúng hạn' : 'Quá hạn',
    }));
  return {
    width: WIDTH - 180,
    height: Math.max(40, values.length * 24),
    config: CONFIG,
    layer: [
      {
        data: { values },
        mark: { type: 'bar' },
        encoding: {
          y: { field: 'incident', type: 'nominal', title: null, sort: null },
          x: { field: 'hours', type: 'quantitative', title: 'Giờ từ khi phát hiện đến khi triệu tập' },
          color: {
            field: 'outcome',
            type: 'nominal',
            title: 'Thời hạn 24 giờ',
            scale: { domain: ['Đúng hạn', 'Quá hạn'], range: ['#2e7d32', '#c62828'] },
          },
        },
      },
      {
        data: { values: [{ limit: 24 }] },
        mark: { type: 'rule', color: '#c62828', strokeDash: [4, 3], strokeWidth: 1.5 },
        encoding: { x: { field: 'limit', type: 'quantitative' } },
      },
    ],
  };
}

/** Each agency's brief requests: on time, late, missing. */
export function briefsPerAgencyChart(report: ActivityReport): ChartSpec {
  const states = [
    ['Đúng hạn', 'onTime'],
    ['Muộn', 'late'],
    ['Không nộp', 'missing'],
  ] as const;
  const agencies = report.agencies.filter((a) => a.briefs.requested > 0);
  const values = agencies.flatMap((a) =>
    states.map(([state, key]) => ({ agency: a.agencyName, state, count: a.briefs[key] })),
  );
  return {
    width: WIDTH - 230,
    height: Math.max(40, agencies.length * 22),
    config: CONFIG,
    data: { values },
    mark: { type: 'bar' },
    encoding: {
      y: { field: 'agency', type: 'nominal', title: null, sort: null },
      x: { field: 'count', type: 'quantitative', title: 'Số văn bản', axis: { tickMinStep: 1, format: 'd' } },
      color: {
        field: 'state',
        type: 'nominal',
        title: 'Văn bản',
        scale: { domain: states.map(([state]) => state), range: ['#2e7d32', '#f9a825', '#c62828'] },
      },
    },
  };
}

/**
 * The modules as loaded. Their imports above are types only, erased from the bundle; they also tell Nx that the
 * service needs both packages, so the manifest generated for its image lists them.
 */
interface VegaModules {
  vega: typeof Vega;
  vegaLite: typeof VegaLite;
}

/**
 * A real `import()`: Vega ships ES modules with top-level await, which `require` cannot load, and both TypeScript
 * (module: commonjs) and webpack would turn a written `import()` into one. Node resolves it from this bundle's
 * place, i.e. the workspace's (or the image's) node_modules.
 */
// eslint-disable-next-line @typescript-eslint/no-implied-eval -- a fixed text, the only way to keep a real import()
const importModule = new Function('specifier', 'return import(specifier)') as <T>(specifier: string) => Promise<T>;

let modules: Promise<VegaModules> | undefined;

function loadVega(): Promise<VegaModules> {
  modules ??= Promise.all([
    importModule<VegaModules['vega']>('vega'),
    importModule<VegaModules['vegaLite']>('vega-lite'),
  ])
    .then(([vega, vegaLite]) => ({ vega, vegaLite }))
    .catch((error: unknown) => {
      modules = undefined;
      throw error;
    });
  return modules;
}

/** Draws a Vega-Lite chart as SVG, headless: no browser, no canvas (text is measured by Vega's estimate). */
export async function chartSvg(spec: ChartSpec): Promise<string> {
  const { vega, vegaLite } = await loadVega();
  const compiled = vegaLite.compile(spec as never).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
