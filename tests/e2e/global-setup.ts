import type { TestProject } from 'vitest/node';
import { copyDatabase, startServer } from '../support/server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The server's private copy of the database, for tests that seed accounts. */
    dbPath: string;
  }
}

export default async function setup(project: TestProject) {
  const db = await copyDatabase();
  const server = await startServer({ REPERES_DB: db.path });
  project.provide('baseUrl', server.url);
  project.provide('dbPath', db.path);
  return async () => {
    await server.stop();
    db.remove();
  };
}
