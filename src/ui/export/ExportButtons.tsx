import { useState, type RefObject } from 'react';
import { assumptionsLine, assumptionsSlug, fileSlug } from '../../domain/describe';
import { useAppStore } from '../../store/store';
import { licenceName } from '../licence';
import { buildExportSvg, copyPng, downloadBlob, svgToPng, type ExportDecoration } from './chartExport';

export interface ExportButtonsProps {
  /** the element that contains the chart's <svg> */
  chartRef: RefObject<HTMLElement | null>;
  title: string;
  legend: ExportDecoration['legend'];
  /** how many models the chart shows and why the others are not: "29 of 54 models shown; 24 have no MMLU score" */
  coverage?: string;
  /** extra caption lines: e.g. the capability fit's settings and its data's attribution */
  caption?: { settings?: string; attribution?: string };
}

/** Download PNG / SVG and copy-image buttons for one chart. */
export function ExportButtons({ chartRef, title, legend, coverage, caption }: ExportButtonsProps) {
  const assumptions = useAppStore((s) => s.assumptions);
  const dataset = useAppStore((s) => s.dataset);
  const [message, setMessage] = useState('');
  const build = () => {
    const svg = chartRef.current?.querySelector('svg.recharts-surface') ?? chartRef.current?.querySelector('svg');
    if (!svg) throw new Error('no chart to export');
    const attribution = dataset.attribution
      ? ` · includes ${dataset.attribution.name} (${licenceName(dataset.attribution.licence)})`
      : '';
    const marks = legend.some((l) => l.mark)
      ? ' Marks: solid = every figure disclosed by the lab, half = partly from estimates, hollow = from estimates or leaks.'
      : '';
    return buildExportSvg(svg as SVGSVGElement, {
      title,
      subtitle: `Assumptions: ${assumptionsLine(assumptions)}${caption?.settings ? ` | ${caption.settings}` : ''}`,
      source: `Source: Compute Ledger, ${dataset.name}: ${coverage ?? `${dataset.models.length} models`}${attribution}${caption?.attribution ? ` · ${caption.attribution}` : ''}.${marks}`,
      legend,
    });
  };
  const base = `compute-ledger-${fileSlug(title)}-${assumptionsSlug(assumptions)}`;
  const run = (f: () => Promise<void>) => {
    setMessage('');
    f().catch((e: unknown) => setMessage(`Export failed: ${(e as Error).message}`));
  };
  return (
    <div className="export-buttons">
      <button
        type="button"
        onClick={() =>
          run(async () => {
            const { svg, width, height } = build();
            downloadBlob(await svgToPng(svg, width, height, 2), `${base}.png`);
          })
        }
      >
        Download PNG
      </button>
      <button
        type="button"
        onClick={() =>
          run(async () => {
            const { svg } = build();
            downloadBlob(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }), `${base}.svg`);
          })
        }
      >
        Download SVG
      </button>
      <button
        type="button"
        onClick={() =>
          run(async () => {
            const { svg, width, height } = build();
            setMessage(await copyPng(await svgToPng(svg, width, height, 2)));
          })
        }
      >
        Copy image
      </button>
      <span role="status" className="muted">
        {message}
      </span>
    </div>
  );
}
