// Where code is in the sources, in the front's shapes: the source files of the program and the
// place (file, line, columns) of a pc.
import { Program } from '../vm/program';
import { SourceMap } from './source-map';
import { Place, SourceFile } from './front';

export class Places {
  private readonly files: SourceFile[];

  constructor(
    readonly sourceMap: SourceMap,
    private readonly program: Program,
  ) {
    this.files = sourceMap.files.map((name, i) => ({ name, path: sourceMap.paths[i], library: sourceMap.isLibrary(i) }));
  }

  all(): SourceFile[] {
    return this.files;
  }

  /** A file of the program; a library file is looked for in the user's cairo-lang when first shown. */
  file(i: number): SourceFile {
    const f = this.files[i];
    if (f.path === undefined) f.path = this.sourceMap.locate(i);
    return f;
  }

  /** The place of a pc of the code: the statement it belongs to, when debug_info has one. */
  of(pc: number): Place | undefined {
    const loc = this.sourceMap.statement(pc);
    const at = this.sourceMap.lineOf(pc);
    if (loc === undefined || at === undefined) return undefined;
    return { file: this.file(at.file), line: loc.startLine, column: loc.startCol, endLine: loc.endLine, endColumn: loc.endCol };
  }

  /** The place of the `index`-th hint that runs at pc (its `%{ %}`), when debug_info has one. */
  hint(pc: number, index = 0): Place | undefined {
    const loc = this.sourceMap.hintLocation(pc, index);
    if (loc === undefined) return undefined;
    const file = this.sourceMap.fileForPath(loc.filename);
    if (file === undefined) return undefined;
    return { file: this.file(file), line: loc.startLine, column: loc.startCol, endLine: loc.endLine, endColumn: loc.endCol };
  }

  /** Text of a file not found on disk: embedded in debug_info, or a note on how to find it. */
  text(name: string): string {
    const embedded = this.program.debugInfo?.fileContents[name];
    return embedded ?? `// ${name} was not found.\n// Add the folder that holds it (for example a cairo-lang checkout) to "cairoPath" in the launch configuration,\n// or install cairo-lang where cairo-compile or python3 on PATH finds it.\n`;
  }
}
