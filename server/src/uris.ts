// Maps document URIs to file-system paths and to the ids the engine knows files by.
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The file-system path of a file: URI, or undefined for any other scheme (untitled:, …). */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function pathToUri(path: string): string {
  return pathToFileURL(path).href;
}

/** Whether `path` is `folder` or lies inside it. */
export function isInside(folder: string, path: string): boolean {
  if (path === folder) return true;
  const prefix = folder.endsWith('/') || folder.endsWith('\\') ? folder : `${folder}/`;
  return path.startsWith(prefix) || path.startsWith(prefix.replace(/\/$/, '\\'));
}
