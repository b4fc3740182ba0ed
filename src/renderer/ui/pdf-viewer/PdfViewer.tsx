import type { PDFDocumentProxy } from 'pdfjs-dist';
import {
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import { useI18n } from '../../app/I18nProvider';
import { clampZoom, pageAt, pagesToDrawNow, pageTops, zoomedIn, zoomedOut } from './layout';
import { loadPdf, problemOf, type ViewerProblem } from './load-pdf';
import { cssPixelsPerPoint, PdfPageView, type PageSize } from './PdfPageView';
import type { RangeReader } from './range-source';
import { Thumbnails } from './Thumbnails';
import { useSearch } from './useSearch';
import './pdf-viewer.css';

type Loading =
  | { state: 'loading' }
  | { state: 'ready'; pdf: PDFDocumentProxy; firstPage: PageSize }
  | { state: 'failed'; problem: ViewerProblem };

/** Fit to width (the default) or a fixed zoom, 1 being the printed size. */
type ZoomMode = { kind: 'fit' } | { kind: 'fixed'; zoom: number };

const pageGap = 16;
/** Pages drawn beyond those in view, on each side. */
const drawMargin = 2;
const fitPadding = 2 * pageGap;

function useLoadedPdf(read: RangeReader, maxCallLength: number, attempt: number): Loading {
  const [result, setResult] = useState<{ read: RangeReader; attempt: number; loading: Loading } | null>(null);
  useEffect(() => {
    let cancelled = false;
    let close: (() => Promise<void>) | null = null;
    const settle = (loading: Loading) => {
      if (!cancelled) setResult({ read, attempt, loading });
    };
    loadPdf(read, maxCallLength)
      .then(async (loaded) => {
        close = loaded.close;
        const page = await loaded.document.getPage(1);
        const viewport = page.getViewport({ scale: cssPixelsPerPoint });
        settle({
          state: 'ready',
          pdf: loaded.document,
          firstPage: { width: viewport.width, height: viewport.height },
        });
      })
      .catch((error: unknown) => settle({ state: 'failed', problem: problemOf(error) }));
    return () => {
      cancelled = true;
      void close?.();
    };
  }, [read, maxCallLength, attempt]);
  // What was loaded for another document, or another attempt, is not this one's.
  return result?.read === read && result.attempt === attempt ? result.loading : { state: 'loading' };
}

const isTyping = (target: EventTarget) =>
  target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement;

/**
 * The document viewer: pages drawn as they come into view (a 300-page document draws only the
 * few on screen), a page field with previous and next, zoom, text search with its matches marked,
 * thumbnails, and the keyboard (Page Up/Down, Home/End, + and −, Ctrl+F). `read` lends the
 * document's bytes by range; it must keep its identity while the document is the same.
 */
export function PdfViewer({
  read,
  maxCallLength,
  title,
  autoFocus = false,
}: {
  read: RangeReader;
  maxCallLength: number;
  title: string;
  autoFocus?: boolean;
}) {
  const { t } = useI18n();
  const [attempt, setAttempt] = useState(0);
  const loading = useLoadedPdf(read, maxCallLength, attempt);
  if (loading.state === 'loading')
    return (
      <div className="pdf-viewer pdf-viewer--message" role="status">
        {t('pdfViewer.loading')}
      </div>
    );
  if (loading.state === 'failed')
    return (
      <div className="pdf-viewer pdf-viewer--message">
        <p role="alert">{t(`pdfViewer.problem.${loading.problem}`)}</p>
        {(loading.problem === 'connection' || loading.problem === 'changed') && (
          <button type="button" className="button" onClick={() => setAttempt((count) => count + 1)}>
            {t('pdfViewer.retry')}
          </button>
        )}
      </div>
    );
  return <LoadedViewer pdf={loading.pdf} firstPage={loading.firstPage} title={title} autoFocus={autoFocus} />;
}

function LoadedViewer({
  pdf,
  firstPage,
  title,
  autoFocus,
}: {
  pdf: PDFDocumentProxy;
  firstPage: PageSize;
  title: string;
  autoFocus: boolean;
}) {
  const { t } = useI18n();
  const count = pdf.numPages;
  const scrollRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const ids = { page: useId(), search: useId(), keys: useId() };
  const [sizes, setSizes] = useState<readonly PageSize[]>(() => Array(count).fill(firstPage));
  const [zoomMode, setZoomMode] = useState<ZoomMode>({ kind: 'fit' });
  const [width, setWidth] = useState(0);
  const [view, setView] = useState({ top: 0, bottom: 1, page: 1 });
  const [pageField, setPageField] = useState('1');
  const [showThumbnails, setShowThumbnails] = useState(false);
  const [queryField, setQueryField] = useState('');
  const search = useSearch(pdf);
  /** The page to keep in view when the layout changes (zoom, a page's real size). */
  const anchor = useRef(1);

  const zoom =
    zoomMode.kind === 'fixed'
      ? zoomMode.zoom
      : width > 0
        ? clampZoom((width - fitPadding) / firstPage.width)
        : 1;
  const tops = useMemo(
    () =>
      pageTops(
        sizes.map((size) => size.height * zoom),
        pageGap,
      ),
    [sizes, zoom],
  );
  const [drawnPages, setDrawnPages] = useState<ReadonlySet<number>>(() => new Set());
  const drawn = pagesToDrawNow(
    tops,
    { top: view.top, bottom: view.bottom, current: view.page - 1 },
    drawMargin,
    (index) => drawnPages.has(index + 1),
  );
  const onDrawn = useCallback((pageNumber: number, isDrawn: boolean) => {
    setDrawnPages((current) => {
      if (current.has(pageNumber) === isDrawn) return current;
      const next = new Set(current);
      if (isDrawn) next.add(pageNumber);
      else next.delete(pageNumber);
      return next;
    });
  }, []);

  const measure = useCallback(() => {
    const scroller = scrollRef.current;
    if (!scroller) return;
    const top = scroller.scrollTop;
    const bottom = top + scroller.clientHeight;
    const atEnd = top + scroller.clientHeight >= scroller.scrollHeight - 2 && top > 0;
    const page = atEnd ? count : pageAt(tops, top + pageGap) + 1;
    anchor.current = page;
    setView((previous) =>
      previous.top === top && previous.bottom === bottom && previous.page === page
        ? previous
        : { top, bottom, page },
    );
    setPageField(String(page));
  }, [tops, count]);

  useLayoutEffect(() => {
    const scroller = scrollRef.current;
    if (!scroller) return;
    const observer = new ResizeObserver(() => setWidth(scroller.clientWidth));
    observer.observe(scroller);
    setWidth(scroller.clientWidth);
    if (autoFocus) scroller.focus();
    return () => observer.disconnect();
  }, [autoFocus]);

  const goTo = useCallback(
    (page: number) => {
      const scroller = scrollRef.current;
      const target = Math.min(count, Math.max(1, Math.round(page)));
      anchor.current = target;
      if (scroller) scroller.scrollTop = (tops[target - 1] ?? 0) - pageGap / 2;
      setPageField(String(target));
      setView((previous) => ({ ...previous, page: target }));
    },
    [tops, count],
  );

  // A new layout keeps the anchored page where it was.
  useLayoutEffect(() => {
    const scroller = scrollRef.current;
    if (!scroller) return;
    scroller.scrollTop = (tops[anchor.current - 1] ?? 0) - pageGap / 2;
    measure();
    // Only the layout moves the anchor back into view; scrolling moves the anchor instead.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tops]);

  const onSize = useCallback((pageNumber: number, size: PageSize) => {
    setSizes((current) => {
      const known = current[pageNumber - 1];
      if (known && Math.abs(known.width - size.width) < 0.5 && Math.abs(known.height - size.height) < 0.5)
        return current;
      const next = [...current];
      next[pageNumber - 1] = size;
      return next;
    });
  }, []);

  const setZoom = (next: number) => setZoomMode({ kind: 'fixed', zoom: next });
  const runSearch = async (direction: 1 | -1) => {
    const match = await search.find(queryField, direction, view.page);
    if (match) goTo(match.page + 1);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const typing = isTyping(event.target);
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f') {
      event.preventDefault();
      searchRef.current?.focus();
      searchRef.current?.select();
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const actions: Record<string, () => void> = {
      PageDown: () => goTo(view.page + 1),
      PageUp: () => goTo(view.page - 1),
      ...(typing
        ? {}
        : {
            Home: () => goTo(1),
            End: () => goTo(count),
            '+': () => setZoom(zoomedIn(zoom)),
            '=': () => setZoom(zoomedIn(zoom)),
            '-': () => setZoom(zoomedOut(zoom)),
          }),
    };
    const action = actions[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };

  const matchStatus = search.searching
    ? t('pdfViewer.searching')
    : search.query === ''
      ? ''
      : search.matches.length === 0
        ? t('pdfViewer.noMatches')
        : t('pdfViewer.matches', { current: search.current + 1, count: search.matches.length });

  return (
    <div className="pdf-viewer" onKeyDown={onKeyDown} data-page-count={count}>
      <div className="pdf-viewer__toolbar" role="toolbar" aria-label={t('pdfViewer.toolbar')}>
        <button
          type="button"
          className="button button--quiet"
          aria-pressed={showThumbnails}
          onClick={() => setShowThumbnails((shown) => !shown)}
        >
          {t(showThumbnails ? 'pdfViewer.hideThumbnails' : 'pdfViewer.showThumbnails')}
        </button>
        <span className="pdf-viewer__group">
          <button
            type="button"
            className="button button--quiet"
            onClick={() => goTo(view.page - 1)}
            disabled={view.page <= 1}
          >
            {t('pdfViewer.previous')}
          </button>
          <label htmlFor={ids.page}>{t('pdfViewer.page')}</label>
          <input
            id={ids.page}
            className="pdf-viewer__page-field"
            inputMode="numeric"
            value={pageField}
            onChange={(event) => setPageField(event.target.value)}
            onKeyDown={(event) => {
              if (event.key !== 'Enter') return;
              const wanted = Number.parseInt(pageField, 10);
              if (Number.isFinite(wanted)) goTo(wanted);
              else setPageField(String(view.page));
            }}
            onBlur={() => setPageField(String(view.page))}
            aria-describedby={ids.keys}
          />
          <span>{t('pdfViewer.ofPages', { count })}</span>
          <button
            type="button"
            className="button button--quiet"
            onClick={() => goTo(view.page + 1)}
            disabled={view.page >= count}
          >
            {t('pdfViewer.next')}
          </button>
        </span>
        <span className="pdf-viewer__group">
          <button type="button" className="button button--quiet" onClick={() => setZoom(zoomedOut(zoom))}>
            {t('pdfViewer.zoomOut')}
          </button>
          <output className="pdf-viewer__zoom">
            {t('pdfViewer.zoom', { percent: Math.round(zoom * 100) })}
          </output>
          <button type="button" className="button button--quiet" onClick={() => setZoom(zoomedIn(zoom))}>
            {t('pdfViewer.zoomIn')}
          </button>
          <button
            type="button"
            className="button button--quiet"
            aria-pressed={zoomMode.kind === 'fit'}
            onClick={() => setZoomMode({ kind: 'fit' })}
          >
            {t('pdfViewer.fitWidth')}
          </button>
        </span>
        <form
          className="pdf-viewer__group pdf-viewer__search"
          role="search"
          onSubmit={(event) => {
            event.preventDefault();
            void runSearch(1);
          }}
        >
          <label htmlFor={ids.search} className="visually-hidden">
            {t('pdfViewer.search')}
          </label>
          <input
            id={ids.search}
            ref={searchRef}
            type="search"
            placeholder={t('pdfViewer.search')}
            value={queryField}
            onChange={(event) => setQueryField(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && event.shiftKey) {
                event.preventDefault();
                void runSearch(-1);
              }
            }}
          />
          <button type="button" className="button button--quiet" onClick={() => void runSearch(-1)}>
            {t('pdfViewer.findPrevious')}
          </button>
          <button type="submit" className="button button--quiet">
            {t('pdfViewer.findNext')}
          </button>
          <span className="pdf-viewer__matches" data-testid="pdf-matches">
            {matchStatus}
          </span>
        </form>
      </div>
      <p id={ids.keys} className="visually-hidden">
        {t('pdfViewer.keys')}
      </p>
      <p className="visually-hidden" role="status" aria-live="polite">
        {t('pdfViewer.pageStatus', { page: view.page, count })}
        {matchStatus && `. ${matchStatus}`}
      </p>
      <div className="pdf-viewer__body">
        {showThumbnails && <Thumbnails pdf={pdf} sizes={sizes} currentPage={view.page} onGo={goTo} />}
        <div
          ref={scrollRef}
          className="pdf-viewer__pages"
          tabIndex={0}
          role="region"
          aria-label={t('pdfViewer.document', { title })}
          aria-describedby={ids.keys}
          onScroll={measure}
          data-current-page={view.page}
          data-zoom={zoom}
        >
          {sizes.map((size, index) => {
            const pageNumber = index + 1;
            const inView = width > 0 && index >= drawn.first && index <= drawn.last;
            const portions = search.portionsOnPage(index);
            return (
              <div
                key={pageNumber}
                className="pdf-page"
                role="group"
                aria-label={t('pdfViewer.pageLabel', { page: pageNumber })}
                data-page-number={pageNumber}
                style={{ width: size.width * zoom, height: size.height * zoom, marginTop: pageGap }}
              >
                {inView && (
                  <PdfPageView
                    key={zoom}
                    pdf={pdf}
                    pageNumber={pageNumber}
                    zoom={zoom}
                    size={size}
                    portions={portions.all}
                    current={portions.current}
                    onSize={onSize}
                    onDrawn={onDrawn}
                  />
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
