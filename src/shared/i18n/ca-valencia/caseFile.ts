import type { caseFile as es } from '../es/caseFile';

export const caseFile: Record<keyof typeof es, string> = {};
