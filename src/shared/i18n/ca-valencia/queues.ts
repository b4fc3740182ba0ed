import type { queues as es } from '../es/queues';

export const queues: Record<keyof typeof es, string> = {};
