import { useCallback, useEffect, useLayoutEffect, useReducer, useRef, useState } from 'react';
import type { StepView, TrainingProgress } from '../../../shared/api/training';
import { useI18n } from '../../app/I18nProvider';
import { routeHash } from '../../app/routes';
import { useErrorMessage } from '../../app/useErrorMessage';
import { clockText } from '../trainer/time-on-step';
import { findTarget, revealRow, tourSelector, waitFor } from './find-target';
import { initialWalkthrough, walkthrough } from './machine';
import { focusArea, placePopover, type Placement } from './placement';
import { ScenarioPicker } from './ScenarioPicker';
import { alreadyShows } from './reveal-route';
import { useTargetRect } from './useTargetRect';
import { useTrainingActions, useTrainingProgress } from './useTraining';
import './walkthrough.css';

const stepKey = (progress: TrainingProgress | null | undefined): string | null =>
  progress?.step ? `${progress.startedAt}#${progress.step.index}` : null;

const noHints: readonly string[] = [];

const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';

/** Goes to the step's screen, to its section and to its row; resolves once the target can be looked for. */
async function reveal(step: StepView, signal: AbortSignal): Promise<void> {
  if (!alreadyShows(window.location.hash, step.reveal.route))
    window.location.hash = routeHash(step.reveal.route);
  if (step.reveal.row !== null) await revealRow(step.reveal.row, signal);
  if (step.reveal.scrollTo !== null) {
    const section = await waitFor(() => document.querySelector(tourSelector(step.reveal.scrollTo!)), signal);
    section.scrollIntoView({ block: 'nearest' });
  }
}

/** Whether the step's hint is offered yet: after its delay, counted from the host's time on the step. */
function useHintReady(step: StepView | null, fetchedAt: number): boolean {
  const [readyFor, setReadyFor] = useState<string | null>(null);
  useEffect(() => {
    if (!step) return;
    const waitMs = step.hintAfterSeconds * 1000 - step.elapsedMs - (Date.now() - fetchedAt);
    const timer = window.setTimeout(() => setReadyFor(step.startedAt), Math.max(0, waitMs));
    return () => window.clearTimeout(timer);
  }, [step, fetchedAt]);
  return step !== null && readyFor === step.startedAt;
}

/**
 * The trainer's hints on the step that have not been announced yet, newest first: each is
 * announced once, when it comes (or when the step is first shown with it), never again.
 */
function useNewTrainerHints(key: string | null, hints: readonly string[]): readonly string[] {
  const heard = useRef<{ key: string | null; count: number }>({ key: null, count: 0 });
  const [news, setNews] = useState<{ key: string | null; hints: readonly string[] }>({
    key: null,
    hints: [],
  });
  useEffect(() => {
    const before = heard.current.key === key ? heard.current.count : 0;
    heard.current = { key, count: hints.length };
    if (hints.length > before) setNews({ key, hints: hints.slice(0, hints.length - before) });
  }, [key, hints]);
  return news.key === key ? news.hints : [];
}

/**
 * The training desk's walkthrough: for the trainee's current step, it shows the step's screen and
 * row, waits for the target to be there, lights it up and puts the instruction beside it, never
 * over it. Step changes are announced; everything is reachable by keyboard (Escape minimises).
 * The step moves on only when the host says the outcome is right, never on a click here.
 */
export function Walkthrough() {
  const { t, locale } = useI18n();
  const errorMessage = useErrorMessage();
  const progress = useTrainingProgress();
  const actions = useTrainingActions();
  const [state, dispatch] = useReducer(walkthrough, initialWalkthrough);
  const [target, setTarget] = useState<HTMLElement | null>(null);
  const [pickerOpen, setPickerOpen] = useState(false);
  const [missingFor, setMissingFor] = useState<string | null>(null);
  const revealed = useRef(new Set<string>());
  const headingRef = useRef<HTMLHeadingElement>(null);
  const popoverRef = useRef<HTMLElement>(null);
  const restoreRef = useRef<HTMLButtonElement>(null);
  const moveFocus = useRef(false);

  const data = progress.data;
  const step = data?.step ?? null;
  const key = stepKey(data);

  useEffect(() => {
    if (!progress.isSuccess) return;
    dispatch({ type: 'progress', step: key, none: data === null });
  }, [progress.isSuccess, data, key]);

  // What the live region says: the trainer's hints as they come, else the step to do now, or the
  // result; it changes, and is read, with the step.
  const trainerHints = step?.trainerHints ?? noHints;
  const newHints = useNewTrainerHints(key, trainerHints);
  const announcement =
    newHints.length > 0
      ? newHints.map((text) => t('trainer.announceHint', { text })).join(' ')
      : step
        ? t('walkthrough.announce.step', {
            current: step.index + 1,
            total: data?.totalSteps ?? 0,
            instruction: step.instruction[locale],
          })
        : data?.score
          ? t('walkthrough.announce.finished', { right: data.score.right, of: data.score.of })
          : '';

  // Opening the app leaves the focus where it is; a step the trainee has just finished brings it here.
  const seenStep = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    if (!progress.isSuccess) return;
    const now = key ?? (data?.finishedAt ? `${data.startedAt}#end` : null);
    if (seenStep.current !== undefined && now !== null && now !== seenStep.current) moveFocus.current = true;
    seenStep.current = now;
  }, [progress.isSuccess, key, data]);

  const lose = useCallback(() => {
    setTarget(null);
    dispatch({ type: 'targetLost' });
  }, []);

  // Seek the target: reveal it the first time the step is sought, then wait for it to be there.
  useEffect(() => {
    if (state.phase !== 'seeking' || !step || state.step !== key) return;
    const controller = new AbortController();
    const { signal } = controller;
    const seek = async () => {
      if (!revealed.current.has(state.step)) {
        revealed.current.add(state.step);
        await reveal(step, signal);
      }
      const found = await waitFor(() => findTarget(step.target, step.reveal.row), signal);
      found.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      setTarget(found);
      dispatch({ type: 'targetFound' });
    };
    seek().catch((error: unknown) => {
      if (!isAbort(error)) setMissingFor(state.step);
    });
    // A target that does not come while the trainee is elsewhere: say so, and offer to show where.
    const onRoute = () =>
      setMissingFor(findTarget(step.target, step.reveal.row) === null ? state.step : null);
    window.addEventListener('hashchange', onRoute);
    return () => {
      controller.abort();
      window.removeEventListener('hashchange', onRoute);
    };
  }, [state, step, key]);

  const rect = useTargetRect(state.phase === 'showing' ? target : null, lose);

  // A popover that grows after it was placed (its hint offered after the delay, a trainer's hint
  // arriving) is placed again, or it would grow over its target.
  const [popoverHeight, setPopoverHeight] = useState(0);
  const showing = state.phase === 'showing';
  useEffect(() => {
    const popover = popoverRef.current;
    if (!popover) return;
    const observer = new ResizeObserver(() => setPopoverHeight(popover.offsetHeight));
    observer.observe(popover);
    return () => observer.disconnect();
  }, [showing, key]);

  // Place the popover beside the target, measured as it renders.
  const [placement, setPlacement] = useState<Placement | null>(null);
  useLayoutEffect(() => {
    const popover = popoverRef.current;
    if (!rect || !popover) return setPlacement(null);
    const size = popover.getBoundingClientRect();
    const next = placePopover(rect, size, { width: window.innerWidth, height: window.innerHeight });
    setPlacement((previous) =>
      previous && previous.top === next.top && previous.left === next.left && previous.side === next.side
        ? previous
        : next,
    );
  }, [rect, announcement, data, popoverHeight]);

  // The focus goes to the heading once it shows the new step beside its target (the step's screen has
  // settled, and took the focus it wanted first), or the result; never to the step before.
  useEffect(() => {
    if (!moveFocus.current) return;
    const shown = state.phase === 'finished' ? key === null : state.phase === 'showing' && state.step === key;
    if (!shown) return;
    moveFocus.current = false;
    headingRef.current?.focus();
  }, [state, key]);

  // The search for the target goes on meanwhile: it finds the target once the reveal shows it.
  const showWhere = () => {
    if (!step || state.phase !== 'seeking') return;
    const seeking = state.step;
    setMissingFor(null);
    reveal(step, new AbortController().signal).catch(() => setMissingFor(seeking));
  };

  // A target inside a grid is reached the grid's way: its row made the active one, the grid focused
  // (the grid's own keys then act on it, as `aria-keyshortcuts` tells); anything else takes the focus.
  const goToTarget = () => {
    if (!target) return;
    const row = target.closest<HTMLElement>('[role="grid"] [role="row"]');
    if (row && target.tabIndex < 0) return row.click();
    if (target.tabIndex < 0 && !target.matches('a[href],button,input,select,textarea,[tabindex]'))
      target.setAttribute('tabindex', '-1');
    target.focus();
  };
  const shortcut = target?.getAttribute('aria-keyshortcuts') ?? null;

  const minimise = () => {
    dispatch({ type: 'minimise' });
    window.requestAnimationFrame(() => restoreRef.current?.focus());
  };

  const fetchedAt = progress.dataUpdatedAt;
  const hintReady = useHintReady(data?.mode === 'guided' ? step : null, fetchedAt);
  const failure = actions.start.error ?? actions.hint.error ?? actions.leave.error;

  const live = (
    <div className="visually-hidden" role="status" aria-live="polite">
      {announcement}
    </div>
  );

  if (state.phase === 'idle' || !data)
    return (
      <>
        {live}
        {pickerOpen ? (
          <ScenarioPicker
            onClose={() => setPickerOpen(false)}
            onStart={(scenarioId, mode) =>
              actions.start.mutate(
                { scenarioId, mode },
                {
                  onSuccess: () => {
                    moveFocus.current = true;
                    setPickerOpen(false);
                  },
                },
              )
            }
            busy={actions.start.isPending}
            error={actions.start.error ? errorMessage(actions.start.error) : null}
          />
        ) : (
          <aside className="walkthrough-launcher" aria-label={t('walkthrough.region')}>
            <button type="button" className="button" onClick={() => setPickerOpen(true)}>
              {t('walkthrough.open')}
            </button>
          </aside>
        )}
      </>
    );

  if (state.phase === 'finished')
    return (
      <>
        {live}
        <aside className="walkthrough-panel walkthrough-panel--docked" aria-labelledby="walkthrough-title">
          <h2 id="walkthrough-title" ref={headingRef} tabIndex={-1}>
            {t('walkthrough.finished.title')}
          </h2>
          <p>{data.title[locale]}</p>
          {data.score && (
            <>
              <p>
                {t('walkthrough.finished.score', {
                  right: data.score.right,
                  of: data.score.of,
                  passMark: data.score.passMark,
                })}
              </p>
              {data.mode === 'assessment' && (
                <p className="walkthrough-verdict">
                  {t(data.score.passed ? 'walkthrough.finished.passed' : 'walkthrough.finished.failed')}
                </p>
              )}
            </>
          )}
          <p>
            {t('walkthrough.finished.summary', { hints: data.hintsUsed, mistakes: data.mistakes.length })}{' '}
            {t('training.time', { time: clockText(data.presentMs) })}
          </p>
          <div className="walkthrough-actions">
            <button type="button" className="button" onClick={() => dispatch({ type: 'close' })}>
              {t('walkthrough.close')}
            </button>
          </div>
        </aside>
      </>
    );

  if (state.phase === 'minimised' || !step)
    return (
      <>
        {live}
        <aside className="walkthrough-launcher" aria-label={t('walkthrough.region')}>
          <button
            type="button"
            className="button"
            ref={restoreRef}
            onClick={() => {
              moveFocus.current = true;
              dispatch({ type: 'restore' });
            }}
          >
            {t('walkthrough.restore')} ·{' '}
            {t('walkthrough.stepOf', { current: (step?.index ?? 0) + 1, total: data.totalSteps })}
          </button>
        </aside>
      </>
    );

  const mistake =
    data.mode === 'guided' ? data.mistakes.filter((made) => made.step === step.index).at(-1) : undefined;
  const area = rect ? focusArea(rect, { width: window.innerWidth, height: window.innerHeight }) : null;
  const docked = !rect || !placement;
  return (
    <>
      {live}
      {area && (
        <div
          className="walkthrough-focus"
          aria-hidden="true"
          style={{ top: area.top, left: area.left, width: area.width, height: area.height }}
        />
      )}
      <aside
        ref={popoverRef}
        className={`walkthrough-panel${docked ? ' walkthrough-panel--docked' : ''}`}
        style={docked ? undefined : { top: placement.top, left: placement.left }}
        data-side={docked ? undefined : placement.side}
        aria-labelledby="walkthrough-title"
        onKeyDown={(event) => {
          if (event.key !== 'Escape') return;
          event.stopPropagation();
          minimise();
        }}
      >
        <p className="walkthrough-meta">
          {data.title[locale]} ·{' '}
          {t(data.mode === 'guided' ? 'walkthrough.mode.guided' : 'walkthrough.mode.assessment')}
        </p>
        <h2 id="walkthrough-title" ref={headingRef} tabIndex={-1}>
          {t('walkthrough.stepOf', { current: step.index + 1, total: data.totalSteps })}
        </h2>
        <p className="walkthrough-instruction">{step.instruction[locale]}</p>
        {shortcut && state.phase === 'showing' && (
          <p className="walkthrough-meta">{t('walkthrough.shortcut', { keys: shortcut })}</p>
        )}
        {mistake && (
          <p className="walkthrough-mistake" role="alert">
            <strong>{t('walkthrough.mistake')}</strong> {mistake.feedback[locale]}
          </p>
        )}
        {step.hint && (
          <p className="walkthrough-hint">
            <strong>{t('walkthrough.hintLabel')}</strong> {step.hint[locale]}
          </p>
        )}
        {trainerHints.length === 1 && (
          <p className="walkthrough-hint walkthrough-hint--trainer">
            <strong>{t('trainer.fromTrainer')}</strong> {trainerHints[0]}
          </p>
        )}
        {trainerHints.length > 1 && (
          <div className="walkthrough-hint walkthrough-hint--trainer">
            <p id="walkthrough-trainer-hints">
              <strong>{t('trainer.fromTrainerList')}</strong>
            </p>
            <ul aria-labelledby="walkthrough-trainer-hints">
              {trainerHints.map((text, index) => (
                <li key={trainerHints.length - index}>{text}</li>
              ))}
            </ul>
          </div>
        )}
        {state.phase === 'seeking' && (
          <p className="walkthrough-seeking">
            {t(missingFor === state.step ? 'walkthrough.notFound' : 'walkthrough.seeking')}
          </p>
        )}
        {failure && (
          <p className="walkthrough-mistake" role="alert">
            {errorMessage(failure)}
          </p>
        )}
        <div className="walkthrough-actions">
          {state.phase === 'showing' ? (
            <button type="button" className="button button--primary" onClick={goToTarget}>
              {t('walkthrough.goToTarget')}
            </button>
          ) : (
            <button type="button" className="button" onClick={showWhere}>
              {t('walkthrough.showWhere')}
            </button>
          )}
          {hintReady && !step.hint && (
            <button
              type="button"
              className="button"
              disabled={actions.hint.isPending}
              onClick={() => actions.hint.mutate()}
            >
              {t('walkthrough.hint')}
            </button>
          )}
          <button type="button" className="button" onClick={minimise}>
            {t('walkthrough.minimise')}
          </button>
          <button type="button" className="button" onClick={() => actions.leave.mutate()}>
            {t('walkthrough.leave')}
          </button>
        </div>
      </aside>
    </>
  );
}
