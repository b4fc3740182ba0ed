import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventBus } from '../../../src/main/events';
import { exportBookCsv } from '../../../src/main/office/book/export';
import { demoNif, demoStaff } from '../../../src/main/office/demo/city';
import { seedDemo } from '../../../src/main/office/demo/seed';
import {
  officeOnStore,
  type Office,
  type PreparedResolution,
  type SignerCheck,
} from '../../../src/main/office/index';
import { migrate } from '../../../src/main/office/store/migrate';
import { openStore, type Store, type StoreLocation } from '../../../src/main/office/store/open-store';
import { ApiError } from '../../../src/shared/api/errors';
import { maskNif } from '../../../src/shared/domain/nif-mask';
import { storeEngines } from '../../support/store-engines';
import { signersCa, type SignersCa } from '../../support/signatures/signers-ca';
import { calendar, Desk, sendDraft } from '../../unit/office/support';

/**
 * The office confirms a signature only when it verifies and its certificate is the signer's own
 * (their NIF), on PGlite and PostgreSQL: a refused one keeps nothing, gives its number back and
 * leaves the request pending; an accepted one records the signer as their certificate names them.
 */
const scratch = mkdtempSync(join(tmpdir(), 'despacho-who-signed-'));
const now = new Date('2026-06-15T08:00:00Z');
let ca: SignersCa;
beforeAll(() => {
  ca = signersCa();
});
afterAll(() => {
  ca.close();
  rmSync(scratch, { recursive: true, force: true });
});

const engines = storeEngines(scratch, 'who_signed');

/** A processor drafts the case's resolution and sends it to Urbanismo's head, to sign. */
const sendForTheHeadsSignature = (processor: Desk, caseId: string) =>
  sendDraft(processor, caseId, [{ signerId: 'urb-jefatura', action: 'sign' }], {
    mode: 'cascade',
    expiresOn: '2026-12-31',
  });

const codeOf = (error: unknown): string => {
  if (error instanceof ApiError) return error.code;
  throw error;
};

const userName = (id: string) => demoStaff().find((user) => user.id === id)!.name;

describe.each(engines)('confirming who signed on %s', (_engine, newLocation) => {
  let store: Store;
  let office: Office;
  let location: StoreLocation;
  /** The office's check is the real one; which CA it trusts is what a test may change. */
  let trusted: SignersCa;
  const signerCheck: SignerCheck = { check: (pdf, field) => trusted.check.check(pdf, field) };

  beforeAll(async () => {
    location = await newLocation();
    store = await openStore(location);
    await migrate(store);
    await seedDemo(store, calendar(), { cases: 120, now, documents: false });
    trusted = ca;
    office = await officeOnStore(store, location, {
      mode: 'server',
      signIn: 'identityProvider',
      events: new EventBus(),
      calendar: calendar(),
      now: () => now,
      signerCheck,
    });
  });
  afterAll(() => office.close());

  const desk = (userId: string) => new Desk(office, userId).signInByIdentityProvider(userId);
  const actor = async (userId: string) => (await office.actors.resolve(userId))!;

  /** Urbanismo's first processor sends the next unsent case's resolution to urb-jefatura. */
  async function sendToTheHead(): Promise<string> {
    const target = await store.db
      .selectFrom('cases')
      .select('id')
      .where('department_id', '=', 'urbanismo')
      .where('state', 'in', ['in_progress', 'proposal'])
      .where('id', 'not in', store.db.selectFrom('signature_requests').select('case_id'))
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const processor = desk('urb-01');
    const request = await sendForTheHeadsSignature(processor, String(target.id));
    return request.id;
  }

  async function prepare(userId: string, requestId: string, at = office): Promise<PreparedResolution> {
    const [outcome] = await at.signing.prepare(await actor(userId), [requestId]);
    if (!outcome || 'error' in outcome) throw new Error(`prepare refused: ${JSON.stringify(outcome)}`);
    return outcome;
  }

  const stateOf = async (requestId: string) => {
    const [request, documents] = await Promise.all([
      store.db
        .selectFrom('signature_requests')
        .select(['state', 'document_id', 'book_number'])
        .where('id', '=', Number(requestId))
        .executeTakeFirstOrThrow(),
      store.db
        .selectFrom('documents')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    ]);
    return { ...request, documents: Number(documents.n) };
  };

  it("refuses another person's certificate, keeps nothing, and gives the number to the next confirmation", async () => {
    const requestId = await sendToTheHead();
    const before = await stateOf(requestId);
    const item = await prepare('urb-jefatura', requestId);
    const byTheCouncillor = await ca.signAs(item.pdf, item.fieldName, 'urb-concejalia');
    const byNobodyKnown = await ca.signAs(item.pdf, item.fieldName, {
      name: 'Otra Persona',
      nif: '00000023T',
    });
    for (const signed of [byTheCouncillor, byNobodyKnown])
      expect(
        codeOf(
          await office.signing
            .confirm(await actor('urb-jefatura'), item, signed)
            .catch((error: unknown) => error),
        ),
      ).toBe('signature_wrong_certificate');
    expect(await stateOf(requestId)).toEqual(before);
    expect(before).toMatchObject({ state: 'pending', document_id: null, book_number: null });

    const again = await prepare('urb-jefatura', requestId);
    expect(again.number).toBe(item.number);
    const confirmed = await office.signing.confirm(
      await actor('urb-jefatura'),
      again,
      await ca.signAs(again.pdf, again.fieldName, 'urb-jefatura'),
    );
    expect(confirmed.number).toBe(item.number);
    const entry = await store.db
      .selectFrom('resolution_numbers')
      .select([
        'signer_id',
        'signer_name',
        'signer_nif',
        'signer_certificate_issuer',
        'signer_certificate_serial',
        'signer_chain',
      ])
      .where('reserved_for', '=', `signature-request:${requestId}`)
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({
      signer_id: 'urb-jefatura',
      signer_name: userName('urb-jefatura'),
      signer_nif: demoNif('urb-jefatura'),
      signer_chain: 'trusted',
    });
    expect(entry.signer_certificate_issuer).toContain('Despacho Signers');
    expect(entry.signer_certificate_serial).toMatch(/^[0-9a-f]+$/);
  });

  it('accepts a substitute\'s own certificate "por sustitución", and records the substitute', async () => {
    await desk('urb-jefatura').call('substitutions.create', {
      substituteId: 'urb-concejalia',
      kind: 'substitution',
      startsOn: '2026-06-15',
      endsOn: '2026-06-15',
    });
    const requestId = await sendToTheHead();
    const item = await prepare('urb-concejalia', requestId);
    expect(item.onBehalfOf).toBe(userName('urb-jefatura'));
    const asTheAbsentHead = await ca.signAs(item.pdf, item.fieldName, 'urb-jefatura');
    expect(
      codeOf(
        await office.signing
          .confirm(await actor('urb-concejalia'), item, asTheAbsentHead)
          .catch((e: unknown) => e),
      ),
    ).toBe('signature_wrong_certificate');
    const again = await prepare('urb-concejalia', requestId);
    await office.signing.confirm(
      await actor('urb-concejalia'),
      again,
      await ca.signAs(again.pdf, again.fieldName, 'urb-concejalia'),
    );
    expect(await stateOf(requestId)).toMatchObject({ state: 'signed' });
    const entry = await store.db
      .selectFrom('resolution_numbers')
      .select(['signer_id', 'signer_name', 'signer_nif'])
      .where('reserved_for', '=', `signature-request:${requestId}`)
      .executeTakeFirstOrThrow();
    expect(entry).toEqual({
      signer_id: 'urb-concejalia',
      signer_name: userName('urb-concejalia'),
      signer_nif: demoNif('urb-concejalia'),
    });
  });

  it('refuses a damaged CMS and a certificate of no trusted CA', async () => {
    const requestId = await sendToTheHead();
    const before = await stateOf(requestId);
    const item = await prepare('urb-jefatura', requestId);
    const damaged = await ca.signAs(item.pdf, item.fieldName, 'urb-jefatura');
    // A byte inside the CMS's signature value (the end of the /Contents hex before its zero padding).
    const text = Buffer.from(damaged).toString('latin1');
    const contents = text.indexOf('/Contents <', item.pdf.byteLength) + '/Contents <'.length;
    const hexEnd = text.slice(contents).search(/0{64}/) + contents;
    damaged[hexEnd - 3] = damaged[hexEnd - 3] === 0x31 ? 0x32 : 0x31;
    const head = await actor('urb-jefatura');
    expect(codeOf(await office.signing.confirm(head, item, damaged).catch((error: unknown) => error))).toBe(
      'signature_not_verified',
    );

    const strangers = signersCa();
    trusted = strangers;
    try {
      const foreign = await prepare('urb-jefatura', requestId);
      const signed = await ca.signAs(foreign.pdf, foreign.fieldName, 'urb-jefatura');
      expect(codeOf(await office.signing.confirm(head, foreign, signed).catch((e: unknown) => e))).toBe(
        'signature_certificate_untrusted',
      );
    } finally {
      trusted = ca;
      strangers.close();
    }
    expect(await stateOf(requestId)).toEqual(before);
  });

  it('exports the stored signer: name and masked NIF, as the certificate said them', async () => {
    const { bytes } = await exportBookCsv(store.db, 2026, 'es');
    const lines = new TextDecoder().decode(bytes).split('\r\n');
    const jefatura = lines.filter((line) => line.includes(userName('urb-jefatura')));
    const substitute = lines.filter((line) => line.includes(userName('urb-concejalia')));
    expect(jefatura).toHaveLength(1);
    expect(substitute).toHaveLength(1);
    expect(jefatura[0]).toContain(maskNif(demoNif('urb-jefatura')));
    expect(substitute[0]).toContain(maskNif(demoNif('urb-concejalia')));
    expect(new TextDecoder().decode(bytes)).not.toContain(demoNif('urb-jefatura'));
  });
});

describe('an office the composition gave no signature check', () => {
  it('confirms nothing: the number goes back and the request stays pending', async () => {
    const location: StoreLocation = { kind: 'pglite-memory' };
    const store = await openStore(location);
    await migrate(store);
    await seedDemo(store, calendar(), { cases: 20, now, documents: false });
    const office = await officeOnStore(store, location, {
      mode: 'server',
      signIn: 'identityProvider',
      events: new EventBus(),
      calendar: calendar(),
      now: () => now,
    });
    try {
      const target = await store.db
        .selectFrom('cases')
        .select('id')
        .where('department_id', '=', 'urbanismo')
        .where('state', 'in', ['in_progress', 'proposal'])
        .orderBy('id')
        .executeTakeFirstOrThrow();
      const processor = new Desk(office, 'urb-01').signInByIdentityProvider('urb-01');
      const request = await sendForTheHeadsSignature(processor, String(target.id));
      const head = (await office.actors.resolve('urb-jefatura'))!;
      const [item] = await office.signing.prepare(head, [request.id]);
      if (!item || 'error' in item) throw new Error('prepare refused');
      const signed = await ca.signAs(item.pdf, item.fieldName, 'urb-jefatura');
      expect(codeOf(await office.signing.confirm(head, item, signed).catch((e: unknown) => e))).toBe(
        'signature_not_verified',
      );
      const [again] = await office.signing.prepare(head, [request.id]);
      expect(again && 'number' in again ? again.number : null).toBe(item.number);
      const stored = await store.db
        .selectFrom('signature_requests')
        .select(['state', 'document_id'])
        .where('id', '=', Number(request.id))
        .executeTakeFirstOrThrow();
      expect(stored).toEqual({ state: 'pending', document_id: null });
    } finally {
      await office.close();
    }
  });
});
