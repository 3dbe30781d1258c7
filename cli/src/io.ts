// The process surface main uses (streams, environment, working folder), injectable so tests run main in-process.

export interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean | undefined;
}

export interface CliIo {
  stdout: OutputStream;
  stderr: OutputStream;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
}

export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
}
