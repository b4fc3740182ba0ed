export interface Command {
  /** Returns the process exit code; writes its own output. */
  run(argv: string[]): Promise<number>;
}

const commands = {
  serve: () => import('./commands/serve'),
  db: () => import('./commands/db'),
  demo: () => import('./commands/demo'),
  deadline: () => import('./commands/deadline'),
  deadlines: () => import('./commands/deadlines'),
  sign: () => import('./commands/sign'),
  verify: () => import('./commands/verify'),
  tokens: () => import('./commands/tokens'),
  book: () => import('./commands/book'),
  csv: () => import('./commands/csv'),
  notifications: () => import('./commands/notifications'),
  users: () => import('./commands/users'),
  export: () => import('./commands/export'),
  training: () => import('./commands/training'),
} satisfies Record<string, () => Promise<Command>>;

export const commandNames = Object.keys(commands);

export async function loadCommand(name: string): Promise<Command | null> {
  if (!Object.prototype.hasOwnProperty.call(commands, name)) return null;
  return commands[name as keyof typeof commands]();
}
