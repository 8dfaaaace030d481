// Every command id in one place.
export const Commands = {
  scanWorkspace: 'productionAudit.scanWorkspace',
  showRuleDocs: 'productionAudit.showRuleDocs',
  suppressFinding: 'productionAudit.suppressFinding',
  showFindings: 'productionAudit.showFindings',
  openConfig: 'productionAudit.openConfig',
  clearDiagnostics: 'productionAudit.clearDiagnostics',
} as const;
