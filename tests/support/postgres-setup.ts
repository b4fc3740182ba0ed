import type { TestProject } from 'vitest/node';
import { startThrowawayPostgres } from './postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser connection string of the throwaway PostgreSQL 15 server of this test run. */
    postgresUrl: string;
  }
}

/** vitest globalSetup: one throwaway PostgreSQL server for the integration tests, removed afterwards. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startThrowawayPostgres();
  project.provide('postgresUrl', server.url);
  return () => server.stop();
}
