// vm_load_program, as the bootloaders use it: a hint loads a task program (given in the program
// input) into a new segment and the Cairo code calls its main. The task's own hints then run at
// pcs of that segment: its library hint (alloc) in TypeScript, its custom hint in Python.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { compileCairo } from '../support/reference';
import { expectSameRun } from './support';

const TASK = `
from starkware.cairo.common.alloc import alloc

func main() {
    alloc_locals;
    let (p: felt*) = alloc();
    assert p[0] = 5;
    %{ print('task sees', memory[ids.p], 'at pc', pc) %}
    return ();
}
`;

const LOADER = `
func main() {
    alloc_locals;
    local entry: felt*;
    %{
        from starkware.cairo.lang.compiler.program import Program
        task_program = Program.load(data=program_input['task'])
        task_base = segments.add()
        segments.write_arg(task_base, task_program.data)
        vm_load_program(task_program, task_base)
        ids.entry = task_base + task_program.get_label('main')
    %}
    call abs entry;
    %{ print('back in the loader') %}
    return ();
}
`;

test('a task program loaded by vm_load_program runs its own hints in its segment, as in cairo-run', () => {
  const task = JSON.parse(readFileSync(compileCairo(TASK, { name: 'task.cairo' }), 'utf8'));
  const b = expectSameRun({ source: LOADER, name: 'loader.cairo', layout: 'plain', input: { task } });
  assert.match(b.cairn.stdout, /^task sees 5 at pc \d+:\d+\nback in the loader\n/);
});
