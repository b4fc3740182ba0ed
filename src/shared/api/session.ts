import { z } from 'zod';
import { call } from './define';
import { roleSchema } from '../domain/cases';

export const localeSchema = z.enum(['es', 'ca-valencia']);
export type Locale = z.infer<typeof localeSchema>;

export const userSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  roles: z.array(roleSchema),
  departmentId: z.string(),
  departmentName: z.string(),
  position: z.string(),
});
export type UserSummary = z.infer<typeof userSummarySchema>;

export const sessionInfoSchema = z.object({
  user: userSummarySchema,
  /** The desk's mode decides how people sign in: the embedded default offers demo users. */
  mode: z.enum(['embedded', 'server', 'training']),
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

const empty = z.object({}).strict();

export const sessionCalls = {
  /** Demo sign-in of the embedded default: the people of the demo city, by department. */
  'session.demoUsers': call(empty, z.array(userSummarySchema)),
  'session.signIn': call(z.object({ userId: z.string().min(1).max(64) }).strict(), sessionInfoSchema),
  'session.current': call(empty, sessionInfoSchema.nullable()),
  'session.signOut': call(empty, z.object({ ok: z.literal(true) })),
} as const;

export const sessionEvents = {} as const;
