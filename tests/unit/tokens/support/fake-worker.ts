import type { RequestEnvelope } from '../../../../src/main/desk/tokens/protocol';
import type { TokenWorkerProcess } from '../../../../src/main/desk/tokens/worker-process';

/** What a scripted fake does with one request; it may answer, fail, exit or stay silent. */
export type Script = (envelope: RequestEnvelope, worker: FakeWorker) => void;

/** A token worker that lives in the test: it records what the desk sends and lets the test answer. */
export class FakeWorker implements TokenWorkerProcess {
  readonly sent: RequestEnvelope[] = [];
  kills = 0;
  exited = false;
  private readonly messageListeners: ((message: unknown) => void)[] = [];
  private readonly exitListeners: ((reason: string) => void)[] = [];

  constructor(
    private readonly script: Script = () => undefined,
    /** A real worker says "ready" once it has started; this one as soon as the desk listens. */
    private readonly startsReady = true,
  ) {}

  send(envelope: RequestEnvelope): void {
    this.sent.push(envelope);
    this.script(envelope, this);
  }

  onMessage(listener: (message: unknown) => void): void {
    this.messageListeners.push(listener);
    if (this.startsReady && this.messageListeners.length === 1) listener({ type: 'ready' });
  }

  onExit(listener: (reason: string) => void): void {
    this.exitListeners.push(listener);
  }

  kill(): void {
    this.kills++;
  }

  emit(message: unknown): void {
    for (const listener of this.messageListeners) listener(message);
  }

  result(id: number, result: unknown): void {
    this.emit({ type: 'result', id, result });
  }

  exit(reason = 'signal SIGSEGV'): void {
    if (this.exited) return;
    this.exited = true;
    for (const listener of this.exitListeners) listener(reason);
  }

  lastSent(): RequestEnvelope {
    const last = this.sent.at(-1);
    if (!last) throw new Error('nothing was sent to the fake worker');
    return last;
  }
}

/** A launcher that hands out fresh fakes (all following `script`) and keeps them for the test. */
export function fakeLauncher(script?: Script, options: { startsReady?: boolean } = {}) {
  const launched: FakeWorker[] = [];
  const launch = (): FakeWorker => {
    const worker = new FakeWorker(script, options.startsReady ?? true);
    launched.push(worker);
    return worker;
  };
  return { launch, launched };
}
