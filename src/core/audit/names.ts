// Names of the workspace files (no dependencies: safe to load on the extension host at activation).
export const CONFIG_DIR = '.production-audit';
export const CONFIG_FILE = 'config.yaml';
export const AUDIT_FILE = 'audit.yaml';
export const FINDINGS_FILE = 'findings.json';
