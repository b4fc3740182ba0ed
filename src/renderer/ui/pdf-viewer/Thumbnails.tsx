import type { PDFDocumentProxy, RenderTask } from 'pdfjs-dist';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../app/I18nProvider';
import type { PageSize } from './PdfPageView';

const thumbnailWidth = 96;

/** A page in small, drawn only once it scrolls into the sidebar's view. */
function Thumbnail({
  pdf,
  pageNumber,
  size,
  current,
  onGo,
}: {
  pdf: PDFDocumentProxy;
  pageNumber: number;
  size: PageSize;
  current: boolean;
  onGo: (pageNumber: number) => void;
}) {
  const { t } = useI18n();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [visible, setVisible] = useState(false);

  useEffect(() => {
    const button = buttonRef.current;
    if (!button || visible) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) setVisible(true);
    });
    observer.observe(button);
    return () => observer.disconnect();
  }, [visible]);

  useEffect(() => {
    if (!visible) return;
    let cancelled = false;
    let task: RenderTask | null = null;
    void (async () => {
      const page = await pdf.getPage(pageNumber);
      const canvas = canvasRef.current;
      if (cancelled || !canvas) return;
      const viewport = page.getViewport({ scale: thumbnailWidth / page.getViewport({ scale: 1 }).width });
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      task = page.render({ canvas, viewport });
      await task.promise;
    })().catch(() => undefined);
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [pdf, pageNumber, visible]);

  return (
    <li>
      <button
        ref={buttonRef}
        type="button"
        className="pdf-thumbnail"
        aria-current={current ? 'page' : undefined}
        onClick={() => onGo(pageNumber)}
      >
        <canvas
          ref={canvasRef}
          className="pdf-thumbnail__canvas"
          style={{ width: thumbnailWidth, height: (thumbnailWidth * size.height) / size.width }}
          aria-hidden="true"
        />
        <span>{t('pdfViewer.pageLabel', { page: pageNumber })}</span>
      </button>
    </li>
  );
}

/** The sidebar of pages in small: a click (or Enter) goes to the page. */
export function Thumbnails({
  pdf,
  sizes,
  currentPage,
  onGo,
}: {
  pdf: PDFDocumentProxy;
  sizes: readonly PageSize[];
  currentPage: number;
  onGo: (pageNumber: number) => void;
}) {
  const { t } = useI18n();
  return (
    <nav className="pdf-viewer__thumbnails" aria-label={t('pdfViewer.thumbnails')}>
      <ol>
        {sizes.map((size, index) => (
          <Thumbnail
            key={index}
            pdf={pdf}
            pageNumber={index + 1}
            size={size}
            current={currentPage === index + 1}
            onGo={onGo}
          />
        ))}
      </ol>
    </nav>
  );
}
