/**
 * Declared public and private module prefixes (`--public`, `--private`, config keys
 * `public` and `private`), as SEMANTICS.md "Private and public" defines them.
 */
export interface PrivacyRules {
  private: readonly string[];
  public: readonly string[];
}

/** A name segment is private when it starts with `_` and is not a dunder (`_src`, `__x`; not `__version__`). */
export function isPrivateSegment(segment: string): boolean {
  if (!segment.startsWith('_')) return false;
  return !(segment.length > 4 && segment.startsWith('__') && segment.endsWith('__'));
}

/** Whether `dotted` equals `prefix` or lies below it (segment-wise: `a.bc` is not under `a.b`). */
export function isUnder(dotted: string, prefix: string): boolean {
  return dotted === prefix || dotted.startsWith(prefix + '.');
}

/** The longest declared prefix that `dotted` lies under, with its kind, or null. */
export function declaredPrefix(dotted: string, rules: PrivacyRules): { prefix: string; kind: 'public' | 'private' } | null {
  let best: { prefix: string; kind: 'public' | 'private' } | null = null;
  const consider = (prefix: string, kind: 'public' | 'private') => {
    if (isUnder(dotted, prefix) && (!best || prefix.length > best.prefix.length || (prefix.length === best.prefix.length && kind === 'public'))) best = { prefix, kind };
  };
  for (const p of rules.private) consider(p, 'private');
  for (const p of rules.public) consider(p, 'public');
  return best;
}

/**
 * Why the dotted module name is private, or null when it is public.
 *
 * The longest matching declared prefix decides the part it covers: a declared private
 * prefix makes everything under it private; a declared public prefix makes the part it
 * names public even under a private prefix or an underscore segment. Segments below
 * the decided part are then checked for underscores, so `_impl` under a declared public
 * `tf.keras` stays private. With no declared prefix, any private segment makes it private.
 */
export function privateReason(dotted: string, rules: PrivacyRules): string | null {
  const declared = declaredPrefix(dotted, rules);
  if (declared?.kind === 'private') return `declared private prefix ${declared.prefix}`;
  const segments = dotted.split('.');
  const from = declared ? declared.prefix.split('.').length : 0;
  for (let i = from; i < segments.length; i++) {
    if (isPrivateSegment(segments[i])) return `private segment '${segments[i]}' in ${segments.slice(0, i + 1).join('.')}`;
  }
  return null;
}

/**
 * Why `name` is not a public name of `module`, or null (issue 3, after PEP 8 "Public and
 * internal interfaces" and `from M import *`): a module's public names are its `__all__`
 * when that is a literal list or tuple (`all`), else the names without a leading underscore.
 * Dunders (`__version__`, `__all__` itself) are public either way, as SEMANTICS.md has them.
 */
export function privateNameReason(module: string, name: string, all: readonly string[] | null | undefined): string | null {
  if (all) return all.includes(name) || (name.startsWith('__') && !isPrivateSegment(name)) ? null : `name '${name}' is not in ${module}.__all__`;
  return isPrivateSegment(name) ? `private name '${name}' of ${module}` : null;
}

/** Both sets of declared prefixes at once (the longest prefix across both decides). */
export function mergeRules(a: PrivacyRules, b: PrivacyRules): PrivacyRules {
  return { private: [...a.private, ...b.private], public: [...a.public, ...b.public] };
}
