// "Cairn: Who Wrote This?": on an id or memory cell in the Variables view, or an id selected in
// the editor while debugging, asks the adapter which step wrote it (the cairnWhoWrote request)
// and offers to go there: the run moves back to that step.
import * as vscode from 'vscode';
import { DEBUG_TYPE } from './launchConfig';

interface VariableContext {
  variable?: { name?: string; evaluateName?: string; memoryReference?: string };
}

interface Answer {
  result: string;
  step?: number;
  operands: { name: string; value: string; target?: string }[];
}

/** What to ask about: the Variables view's item (its expression, else its cell), else the editor's selection. */
function targetOf(arg: unknown): string | undefined {
  const v = (arg as VariableContext | undefined)?.variable;
  if (v !== undefined) {
    // A cell of the Memory scope has no expression: ask about its address.
    if (v.evaluateName && !/^who wrote /.test(v.evaluateName)) return v.evaluateName;
    return v.memoryReference ?? v.name;
  }
  const editor = vscode.window.activeTextEditor;
  const text = editor?.document.getText(editor.selection).trim();
  return text || undefined;
}

function frameId(): number | undefined {
  const item = vscode.debug.activeStackItem;
  return item instanceof vscode.DebugStackFrame ? item.frameId : undefined;
}

export async function whoWrote(arg?: unknown): Promise<void> {
  const session = vscode.debug.activeDebugSession;
  if (session === undefined || session.type !== DEBUG_TYPE) {
    void vscode.window.showWarningMessage('Cairn: "who wrote this" needs a paused Cairn debug session.');
    return;
  }
  const target = targetOf(arg);
  if (target === undefined) {
    void vscode.window.showWarningMessage('Cairn: select an id in the editor, or use the menu on a variable or memory cell.');
    return;
  }
  let answer: Answer;
  try {
    answer = (await session.customRequest('cairnWhoWrote', { target, frameId: frameId() })) as Answer;
  } catch (e) {
    void vscode.window.showErrorMessage(`Cairn: ${(e as Error).message}`);
    return;
  }
  const detail = answer.operands.map((o) => `${o.name}: ${o.value}`).join('\n');
  const go = answer.step !== undefined ? `Go to step ${answer.step}` : undefined;
  const choice = await vscode.window.showInformationMessage(`${target}: ${answer.result}`, { modal: false, detail }, ...(go ? [go] : []));
  if (choice !== undefined && choice === go) {
    try {
      await session.customRequest('cairnWhoWrote', { target, frameId: frameId(), go: true });
    } catch (e) {
      void vscode.window.showErrorMessage(`Cairn: ${(e as Error).message}`);
    }
  }
}
