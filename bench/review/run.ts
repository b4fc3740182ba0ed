import { viewerBench } from './viewer';

/** `npm run bench -- review`: the case page as a workbench (its PDF viewer). */
export async function main(): Promise<void> {
  await viewerBench();
}
