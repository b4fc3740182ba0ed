import { describe, expect, it } from 'vitest';
import { forwardEvents } from '../../../src/main/app/event-forwarding';
import { EventBus } from '../../../src/main/events';
import { FakeContents } from './fakes';

const change = { caseIds: ['c-1'], departmentId: 'd-urb', kind: 'claimed' as const };

describe('event forwarding', () => {
  it('sends each contract event to every live window on its event channel', () => {
    const events = new EventBus();
    const windows = [new FakeContents(), new FakeContents()];
    forwardEvents(events, () => windows);
    events.emit('cases.changed', change);
    for (const contents of windows)
      expect(contents.sent).toEqual([{ channel: 'despacho:event:cases.changed', payload: change }]);
  });

  it('skips destroyed windows and stops after unsubscribing', () => {
    const events = new EventBus();
    const [live, gone] = [new FakeContents(), new FakeContents()];
    gone.destroyed = true;
    const stop = forwardEvents(events, () => [live, gone]);
    events.emit('cases.changed', change);
    expect(gone.sent).toEqual([]);
    stop();
    events.emit('cases.changed', change);
    expect(live.sent).toHaveLength(1);
  });
});
