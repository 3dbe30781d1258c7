// Finds the fixture files and groups them into projects: a folder named `project-*` or `demo` is analysed as
// one project, every other file on its own.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
export const FIXTURES_DIR = path.join(REPO_ROOT, 'fixtures');

const SOURCE = /\.(c|cc|cpp|cxx|h|hh|hpp|hxx|inl|ipp|ts|tsx|mts|cts|js|jsx|mjs|cjs)$/i;

export interface FixtureProject {
  /** Relative to fixtures/, for test names. */
  name: string;
  files: string[];
}

function isProjectFolder(dir: string): boolean {
  const base = path.basename(dir);
  return base === 'demo' || base.startsWith('project-');
}

function listSources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listSources(full));
    else if (SOURCE.test(entry.name)) out.push(full);
  }
  return out;
}

export function fixtureProjects(root = FIXTURES_DIR): FixtureProject[] {
  const projects: FixtureProject[] = [];
  const visit = (dir: string): void => {
    if (isProjectFolder(dir)) {
      projects.push({ name: path.relative(root, dir), files: listSources(dir) });
      return;
    }
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (SOURCE.test(entry.name)) projects.push({ name: path.relative(root, full), files: [full] });
    }
  };
  if (fs.existsSync(root)) visit(root);
  return projects;
}
