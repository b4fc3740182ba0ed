import { TextLayer, type PDFDocumentProxy, type RenderTask } from 'pdfjs-dist';
import { useEffect, useRef, useState, type CSSProperties } from 'react';
import type { ItemPortion } from './find';
import { highlightSpans } from './highlight';

export interface PageSize {
  width: number;
  height: number;
}

/** 100 % shows a page at its printed size: PDF points are 1/72 in, CSS pixels 1/96 in. */
export const cssPixelsPerPoint = 96 / 72;

/**
 * One page drawn: the canvas at the screen's pixel density, and over it the text layer (so the
 * text can be selected and the search's matches marked). `data-page-rendered` says the canvas is
 * drawn, for the tests and the bench. A new zoom is a new view (the parent keys it by zoom).
 */
export function PdfPageView({
  pdf,
  pageNumber,
  zoom,
  size,
  portions,
  current,
  onSize,
  onDrawn,
}: {
  pdf: PDFDocumentProxy;
  pageNumber: number;
  zoom: number;
  size: PageSize;
  portions: readonly ItemPortion[];
  current: readonly ItemPortion[];
  onSize: (pageNumber: number, size: PageSize) => void;
  /** Told when the canvas is drawn, and again when this view of the page goes away. */
  onDrawn: (pageNumber: number, drawn: boolean) => void;
}) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const [drawn, setDrawn] = useState(false);
  const [text, setText] = useState<{ spans: HTMLElement[]; strings: string[] } | null>(null);

  useEffect(() => {
    let cancelled = false;
    let renderTask: RenderTask | null = null;
    let textLayer: TextLayer | null = null;
    void (async () => {
      const page = await pdf.getPage(pageNumber);
      if (cancelled) return;
      const natural = page.getViewport({ scale: cssPixelsPerPoint });
      onSize(pageNumber, { width: natural.width, height: natural.height });
      const viewport = page.getViewport({ scale: zoom * cssPixelsPerPoint });
      const canvas = canvasRef.current;
      const container = textRef.current;
      if (!canvas || !container) return;
      const density = window.devicePixelRatio || 1;
      canvas.width = Math.floor(viewport.width * density);
      canvas.height = Math.floor(viewport.height * density);
      renderTask = page.render({
        canvas,
        viewport,
        transform: density === 1 ? undefined : [density, 0, 0, density, 0, 0],
      });
      await renderTask.promise;
      if (cancelled) return;
      setDrawn(true);
      onDrawn(pageNumber, true);
      const textContent = await page.getTextContent();
      if (cancelled) return;
      container.replaceChildren();
      textLayer = new TextLayer({ textContentSource: textContent, container, viewport });
      await textLayer.render();
      if (cancelled) return;
      setText({ spans: textLayer.textDivs, strings: textLayer.textContentItemsStr });
    })().catch(() => {
      // A cancelled render (the page scrolled away, the zoom changed) is no failure; a page that
      // cannot be drawn stays blank and the others go on.
    });
    return () => {
      cancelled = true;
      renderTask?.cancel();
      textLayer?.cancel();
      onDrawn(pageNumber, false);
    };
  }, [pdf, pageNumber, zoom, onSize, onDrawn]);

  useEffect(() => {
    if (!text) return;
    const mark = highlightSpans(text.spans, text.strings, portions, current);
    mark?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [text, portions, current]);

  const style = {
    width: `${size.width * zoom}px`,
    height: `${size.height * zoom}px`,
    '--total-scale-factor': zoom * cssPixelsPerPoint,
    '--scale-round-x': '1px',
    '--scale-round-y': '1px',
  } as CSSProperties;
  return (
    <div className="pdf-page__drawing" style={style} data-page-rendered={drawn ? 'true' : undefined}>
      <canvas ref={canvasRef} className="pdf-page__canvas" aria-hidden="true" />
      <div ref={textRef} className="textLayer" />
    </div>
  );
}
