import { X509Certificate } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { resourcesDir } from '../../package-root';

export interface StoredCertificate {
  certificate: X509Certificate;
  source: string;
  label: string;
}

export interface TrustStore {
  anchors: StoredCertificate[];
  /**
   * CA certificates below the anchors (each trust folder's `intermediates/`): they complete the
   * chain a signature embeds and help build paths, but are never trusted by themselves.
   */
  intermediates: StoredCertificate[];
  /** Anchors whose signatures are practice ones: reported as training, never as valid. */
  training: StoredCertificate[];
}

export const defaultResourcesDir = resourcesDir;

function readPemCertificates(path: string): X509Certificate[] {
  const text = readFileSync(path, 'utf8');
  const blocks = text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  return blocks.map((block) => new X509Certificate(block));
}

/** The most specific name a root has: CN, else OU, else O (AC RAIZ FNMT-RCM has no CN). */
function anchorLabel(subject: string): string {
  for (const attribute of ['CN', 'OU', 'O']) {
    const match = new RegExp(`(?:^|\n)${attribute}=([^\n]+)`).exec(subject);
    if (match) return match[1]!;
  }
  return subject;
}

/** Every certificate in the PEM/CRT files of a directory (not recursive). */
function loadCertificatesFromDir(dir: string): StoredCertificate[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  return readdirSync(dir)
    .filter((file) => /\.(pem|crt)$/i.test(file))
    .sort()
    .flatMap((file) =>
      readPemCertificates(join(dir, file)).map((certificate) => ({
        certificate,
        source: join(dir, file),
        label: anchorLabel(certificate.subject),
      })),
    );
}

export interface TrustOptions {
  resourcesDir?: string;
  /** Extra anchor directories (tests, administrators); DESPACHO_TRUST_DIRS adds more. */
  extraDirs?: readonly string[];
  env?: NodeJS.ProcessEnv;
}

/** Where each trust folder keeps the CA certificates that are not anchors. */
const intermediatesFolder = 'intermediates';

/**
 * The anchors are plain files: resources/trust/ (shipped), DESPACHO_TRUST_DIRS (added by an
 * administrator or a test), and the training CA in resources/training/ca/ kept apart. Each
 * trust folder may hold an `intermediates/` folder of CA certificates that are not anchors.
 */
export function loadTrustStore(options: TrustOptions = {}): TrustStore {
  const resources = options.resourcesDir ?? defaultResourcesDir;
  const envDirs = (options.env ?? process.env).DESPACHO_TRUST_DIRS?.split(delimiter).filter(Boolean) ?? [];
  const dirs = [join(resources, 'trust'), ...envDirs, ...(options.extraDirs ?? [])];
  return {
    anchors: dirs.flatMap(loadCertificatesFromDir),
    intermediates: dirs.flatMap((dir) => loadCertificatesFromDir(join(dir, intermediatesFolder))),
    training: loadCertificatesFromDir(join(resources, 'training', 'ca')),
  };
}
