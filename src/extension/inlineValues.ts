// While stopped: the current function's variables next to their lines (inline values), and the
// expression under the mouse for hover evaluation. Both ask the adapter by name, so they show
// exactly what the Variables view would.
import * as vscode from 'vscode';
import { enclosingFunction, scanSymbols } from '../server/scanner';
import { expressionAt, inlineIdentifiers } from './expressions';

export class CairnInlineValues implements vscode.InlineValuesProvider {
  provideInlineValues(document: vscode.TextDocument, viewPort: vscode.Range, context: vscode.InlineValueContext)
    : vscode.InlineValue[] {
    const text = document.getText();
    const stopLine = context.stoppedLocation.end.line;
    // From the function's first line to where execution stopped: later lines have not run yet.
    const fn = enclosingFunction(scanSymbols(text), stopLine);
    const from = Math.max(fn ? fn.range.start.line : stopLine, viewPort.start.line);
    const to = Math.min(stopLine, viewPort.end.line);
    if (from > to) return [];
    return inlineIdentifiers(text, from, to).map((r) =>
      new vscode.InlineValueVariableLookup(new vscode.Range(r.line, r.start, r.line, r.end), r.name, true));
  }
}

export class CairnEvaluatableExpressions implements vscode.EvaluatableExpressionProvider {
  provideEvaluatableExpression(document: vscode.TextDocument, position: vscode.Position)
    : vscode.EvaluatableExpression | undefined {
    const e = expressionAt(document.getText(), position.line, position.character);
    return e && new vscode.EvaluatableExpression(new vscode.Range(e.line, e.start, e.line, e.end), e.expression);
  }
}
