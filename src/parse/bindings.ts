/**
 * What the names of a module stand for, as far as its absolute imports tell:
 * `import typing as t` binds `t` to `typing`, `from importlib import
 * import_module as im` binds `im` to `importlib.import_module`. Used to
 * recognise `t.TYPE_CHECKING`, `im("x")` and configured import helpers however
 * they were imported.
 *
 * Bindings are recorded in source order over the whole file, ignoring scopes:
 * a name imported in one function is also known in another. Relative
 * from-imports bind nothing (their target is unknown before resolution).
 */
export class Bindings {
  private readonly names = new Map<string, string>();

  /** `onBind` hears each name as it is bound, with what it now stands for. */
  constructor(private readonly onBind?: (name: string, qualified: string) => void) {}

  /** `import a.b.c` binds `a`; `import a.b.c as d` binds `d` to `a.b.c`. */
  bindImport(module: string, alias: string | null): void {
    if (alias !== null) this.set(alias, module);
    else {
      const top = module.split('.')[0];
      this.set(top, top);
    }
  }

  /** `from m import n as a` binds `a` (or `n`) to `m.n`. */
  bindFrom(module: string, name: string, alias: string | null): void {
    if (name === '*') return;
    this.set(alias ?? name, `${module}.${name}`);
  }

  private set(name: string, qualified: string): void {
    this.names.set(name, qualified);
    this.onBind?.(name, qualified);
  }

  /**
   * The fully qualified name a dotted expression stands for: its first segment
   * replaced by what that name is bound to (`t.TYPE_CHECKING` -> `typing.TYPE_CHECKING`).
   * An unbound first segment is kept as written (`importlib.import_module` stays).
   */
  resolve(dotted: string): string {
    const dot = dotted.indexOf('.');
    const head = dot === -1 ? dotted : dotted.slice(0, dot);
    const bound = this.names.get(head);
    if (bound === undefined) return dotted;
    return dot === -1 ? bound : bound + dotted.slice(dot);
  }

  /** True when the bare name was bound by an import (`import_module` after `from importlib import import_module`). */
  isBound(name: string): boolean {
    return this.names.has(name);
  }
}
