/**
 * A `SourceTree` held in memory, for tests: `memoryTree({'a/b.py': 'import x'})`.
 * Parent directories are implied by the paths. Special entries:
 * - `{ dir: true }`: an (empty) directory; `{ dir: true, unreadable: true }` cannot be listed (EACCES);
 * - `{ unreadable: true }`: a file that cannot be read (EACCES), as after `chmod 000` for a non-root user;
 * - `{ symlink: 'target' }`: a symbolic link; the target is relative to the link's directory,
 *   or to the tree's top when it starts with `/`. Broken links give ENOENT, cycles of links ELOOP
 *   (after 40 hops, like Linux).
 */
import { type DirEntry, type SourceTree, fsError } from './source-tree.js';

export type MemoryEntry =
  | string
  | Uint8Array
  | { symlink: string }
  | { unreadable: true; content?: string }
  | { dir: true; unreadable?: boolean };

type Node =
  | { kind: 'file'; bytes: Buffer; unreadable: boolean }
  | { kind: 'dir'; children: Set<string>; unreadable: boolean }
  | { kind: 'link'; target: string };

const MAX_LINK_HOPS = 40;

/** Build an in-memory tree from relative paths (`/` separators) to entries. */
export function memoryTree(entries: Record<string, MemoryEntry>, name = 'memory'): SourceTree {
  const nodes = new Map<string, Node>([['', { kind: 'dir', children: new Set(), unreadable: false }]]);
  const ensureDir = (path: string): void => {
    const parts = path.split('/').filter(Boolean);
    for (let i = 0; i < parts.length; i++) {
      const parent = parts.slice(0, i).join('/');
      const here = parts.slice(0, i + 1).join('/');
      (nodes.get(parent) as Extract<Node, { kind: 'dir' }>).children.add(parts[i]);
      if (!nodes.has(here)) nodes.set(here, { kind: 'dir', children: new Set(), unreadable: false });
    }
  };
  for (const [rawPath, entry] of Object.entries(entries)) {
    const path = rawPath.split('/').filter(Boolean).join('/');
    const slash = path.lastIndexOf('/');
    ensureDir(slash < 0 ? '' : path.slice(0, slash));
    (nodes.get(slash < 0 ? '' : path.slice(0, slash)) as Extract<Node, { kind: 'dir' }>).children.add(path.slice(slash + 1));
    if (typeof entry === 'string' || entry instanceof Uint8Array) {
      nodes.set(path, { kind: 'file', bytes: Buffer.from(entry), unreadable: false });
    } else if ('symlink' in entry) {
      nodes.set(path, { kind: 'link', target: entry.symlink });
    } else if ('dir' in entry) {
      ensureDir(path);
      (nodes.get(path) as Extract<Node, { kind: 'dir' }>).unreadable = entry.unreadable ?? false;
    } else {
      nodes.set(path, { kind: 'file', bytes: Buffer.from(entry.content ?? ''), unreadable: true });
    }
  }

  /** The real path (no symlinks) of `path`, resolved from the real directory `from`. */
  const resolve = (path: string, from: string, followLast: boolean, hops: { n: number }): string => {
    let cur = path.startsWith('/') ? '' : from;
    const parts = path.split('/').filter((p) => p !== '' && p !== '.');
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i];
      const last = i === parts.length - 1;
      if (nodes.get(cur)?.kind !== 'dir') throw fsError('ENOTDIR', path);
      if (part === '..') {
        cur = cur.includes('/') ? cur.slice(0, cur.lastIndexOf('/')) : '';
        continue;
      }
      const next = cur === '' ? part : `${cur}/${part}`;
      const node = nodes.get(next);
      if (!node) throw fsError('ENOENT', path);
      if (node.kind === 'link' && (!last || followLast)) {
        if (++hops.n > MAX_LINK_HOPS) throw fsError('ELOOP', path);
        cur = resolve(node.target, cur, true, hops);
      } else {
        cur = next;
      }
    }
    return cur;
  };
  const real = (path: string): string => resolve(path, '', true, { n: 0 });

  return {
    name,
    list(dir): DirEntry[] {
      const at = real(dir);
      const node = nodes.get(at)!;
      if (node.kind !== 'dir') throw fsError('ENOTDIR', dir);
      if (node.unreadable) throw fsError('EACCES', dir);
      return [...node.children].map((child) => {
        const kind = nodes.get(at === '' ? child : `${at}/${child}`)!.kind;
        return { name: child, type: kind === 'link' ? 'symlink' : kind === 'dir' ? 'directory' : 'file' };
      });
    },
    stat(path) {
      return nodes.get(real(path))!.kind === 'dir' ? 'directory' : 'file';
    },
    realpath(path) {
      return `/${real(path)}`;
    },
    read(path) {
      const node = nodes.get(real(path))!;
      if (node.kind === 'dir') throw fsError('EISDIR', path);
      if (node.kind !== 'file') throw fsError('EINVAL', path);
      if (node.unreadable) throw fsError('EACCES', path);
      return node.bytes;
    },
    checkReadable(path) {
      this.read(path);
    },
  };
}
