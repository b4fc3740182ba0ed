import type { signing as es } from '../es/signing';

export const signing: Record<keyof typeof es, string> = {};
