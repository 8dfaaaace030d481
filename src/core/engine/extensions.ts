// The file extensions the engine analyses (no dependencies: safe to load anywhere).
export const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'] as const;

export function hasSourceExtension(file: string): boolean {
  const lower = file.toLowerCase();
  return SOURCE_EXTENSIONS.some((e) => lower.endsWith(e));
}
