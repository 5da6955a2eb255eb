/**
 * A map of at most `maxKeys` keys that forgets the least recently used first. A use moves its key to the new
 * end of a linked list instead of deleting and re-inserting it in the Map: V8 keeps a deleted slot in the
 * key's hash chain until the next rehash, so a hot key (the guard's daily total, touched on every send) made
 * each lookup slower as the Map filled, and finding the oldest key walked past every deleted slot.
 */
export function lruMap<V>(maxKeys: number) {
  interface Node {
    key: string;
    value: V;
    older?: Node | undefined;
    newer?: Node | undefined;
  }
  const nodes = new Map<string, Node>();
  let oldest: Node | undefined;
  let newest: Node | undefined;

  const unlink = (node: Node) => {
    if (node.older) node.older.newer = node.newer;
    else oldest = node.newer;
    if (node.newer) node.newer.older = node.older;
    else newest = node.older;
  };
  const append = (node: Node) => {
    node.older = newest;
    node.newer = undefined;
    if (newest) newest.newer = node;
    else oldest = node;
    newest = node;
  };
  const remove = (key: string) => {
    const node = nodes.get(key);
    if (!node) return;
    unlink(node);
    nodes.delete(key);
  };

  return {
    /** The value under `key`, which counts as a use. */
    get(key: string): V | undefined {
      const node = nodes.get(key);
      if (!node) return undefined;
      unlink(node);
      append(node);
      return node.value;
    },
    set(key: string, value: V): void {
      const node = nodes.get(key);
      if (node) {
        node.value = value;
        unlink(node);
        append(node);
        return;
      }
      const added: Node = { key, value };
      nodes.set(key, added);
      append(added);
      if (nodes.size > maxKeys) remove(oldest!.key);
    },
    delete: remove,
    get size() {
      return nodes.size;
    },
  };
}
