/** File metadata readRepo needs (a subset of `fs.Stats`). */
export interface RepoStats {
  isFile(): boolean;
  isDirectory(): boolean;
  isSymbolicLink(): boolean;
  size: number;
}

/** The file-system capability readRepo uses; `node:fs/promises` satisfies it, tests may pass another. */
export interface RepoFs {
  readdir(path: string): Promise<string[]>;
  lstat(path: string): Promise<RepoStats>;
  stat(path: string): Promise<RepoStats>;
  realpath(path: string): Promise<string>;
  readFile(path: string): Promise<Uint8Array>;
}
