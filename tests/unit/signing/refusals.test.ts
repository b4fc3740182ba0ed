import { readdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { signBatch } from '../../../src/main/desk/signing/batch';
import { SigningError } from '../../../src/main/desk/signing/errors';
import { checkPdfForSigning, maxPdfBytes } from '../../../src/main/desk/signing/preflight';
import { signPdf } from '../../../src/main/desk/signing/sign-pdf';
import { softwareSession } from './support/software-session';
import { createSigningWorld, type SigningWorld } from './support/world';

let world: SigningWorld;
beforeAll(async () => {
  world = await createSigningWorld();
});

describe('bad input is refused before the card is touched, and nothing is written', () => {
  it.each([
    ['broken xref', 'brokenXref', 'signing.input.damaged'],
    ['truncated', 'truncated', 'signing.input.truncated'],
    ['encrypted', 'encrypted', 'signing.input.encrypted'],
    ['corrupt', 'corrupt', 'signing.input.truncated'],
    ['certified (DocMDP P=1)', 'certified', 'signing.input.certified'],
  ] as const)('%s', async (_label, fixture, key) => {
    const out = world.outDir();
    let opened = 0;
    const outcome = await signBatch({
      files: [world.fixtures.classic, world.fixtures[fixture]],
      outDir: out,
      openSession: async () => {
        opened++;
        return world.session('rsa');
      },
    });
    expect(outcome.status).toBe('refused');
    expect(outcome.status === 'refused' && outcome.error.key).toBe(key);
    expect(opened).toBe(0);
    expect(readdirSync(out)).toEqual([]);
  });
});

describe('a huge file', () => {
  it('is refused by size before it is parsed', () => {
    const path = join(world.outDir(), 'huge.pdf');
    writeFileSync(path, '%PDF-1.7\n');
    truncateSync(path, maxPdfBytes + 1);
    const error = (() => {
      try {
        checkPdfForSigning(path);
      } catch (caught) {
        return caught;
      }
      return null;
    })();
    expect(error).toMatchObject({
      kind: 'input',
      key: 'signing.input.tooLarge',
      params: { file: 'huge.pdf', max: 2048 },
    });
  });
});

describe('the certificate is checked before signing', () => {
  it('refuses a certificate without nonRepudiation', async () => {
    const session = softwareSession(
      world.ca,
      world.ca.issue({ name: 'SIN NO REPUDIO', key: 'rsa-2048', keyUsage: 'digitalSignature' }),
    );
    const out = world.outDir();
    const outcome = await signBatch({
      files: [world.fixtures.classic],
      outDir: out,
      openSession: async () => session,
    });
    expect(outcome.status === 'refused' && outcome.error.key).toBe('signing.certificate.noNonRepudiation');
    expect(session.signCount()).toBe(0);
    expect(readdirSync(out)).toEqual([]);
  });

  it('refuses an expired certificate', async () => {
    const out = world.outDir();
    const session = world.session('rsa');
    const outcome = await signBatch({
      files: [world.fixtures.classic],
      outDir: out,
      openSession: async () => session,
      options: { now: () => new Date('2040-01-01T00:00:00Z') },
    });
    expect(outcome.status === 'refused' && outcome.error.key).toBe('signing.certificate.expired');
    expect(session.signCount()).toBe(0);
    expect(readdirSync(out)).toEqual([]);
  });
});

describe('a CMS that does not fit the placeholder', () => {
  it('fails loudly and leaves no file', async () => {
    const out = world.outDir();
    const error = await signPdf(checkPdfForSigning(world.fixtures.classic), world.session('rsa'), out, {
      contentsSize: 1024,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SigningError);
    expect((error as SigningError).key).toBe('signing.output.contentsTooSmall');
    expect(readdirSync(out)).toEqual([]);
  });
});

describe('the output folder', () => {
  it('never overwrites an existing file', async () => {
    const out = world.outDir();
    const first = await signBatch({
      files: [world.fixtures.classic],
      outDir: out,
      openSession: async () => world.session('rsa'),
    });
    expect(first.status).toBe('done');
    const second = await signBatch({
      files: [world.fixtures.classic],
      outDir: out,
      openSession: async () => world.session('rsa'),
    });
    expect(second.status === 'refused' && second.error.key).toBe('signing.input.outputExists');
  });
});
