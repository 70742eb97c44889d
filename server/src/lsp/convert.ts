// Engine results → LSP types.
import { DiagnosticSeverity, SymbolKind, type Diagnostic, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver/node';
import type { Finding, Fold, OutlineNode, Severity } from '../engine';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(f: Finding): Diagnostic {
  const d: Diagnostic = { range: f.range, severity: SEVERITY[f.severity], code: f.rule, source: 'gongwen', message: f.message };
  if (f.fix) d.data = { fix: f.fix };
  return d;
}

function symbolKind(n: OutlineNode): SymbolKind {
  switch (n.kind) {
    case 'group': return SymbolKind.Namespace;
    case 'attachment': return SymbolKind.Module;
    case 'heading': return SymbolKind.String;
    case 'title': return SymbolKind.Class;
    case 'body': return SymbolKind.Struct;
    case 'date': return SymbolKind.Event;
    case 'doc-number': return SymbolKind.Key;
    case 'addressee':
    case 'issuer-signature':
    case 'issuer-mark':
    case 'copy-to':
      return SymbolKind.Object;
    default: return SymbolKind.Field;
  }
}

export function toSymbol(n: OutlineNode): DocumentSymbol {
  const s: DocumentSymbol = { name: n.name, kind: symbolKind(n), range: n.range, selectionRange: n.selectionRange, children: n.children.map(toSymbol) };
  if (n.detail) s.detail = n.detail;
  return s;
}

export function toFolding(f: Fold): FoldingRange {
  return { startLine: f.startLine, endLine: f.endLine };
}
