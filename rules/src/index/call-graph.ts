// The call graph of a project's functions, split into strongly connected components (mutually recursive
// functions) in the order summaries can be computed: every component after the components it calls.

/**
 * Tarjan's algorithm, iterative (call chains of real code are deep enough to overflow a recursive walk).
 * `callees(key)` lists the nodes `key` calls; nodes outside `keys` are ignored.
 */
export function componentsCalleesFirst(
  keys: readonly string[],
  callees: (key: string) => readonly (string | undefined)[],
): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  const known = new Set(keys);
  const edgesOf = (key: string): string[] => {
    const out: string[] = [];
    for (const callee of callees(key)) if (callee !== undefined && known.has(callee)) out.push(callee);
    return out;
  };
  for (const root of keys) {
    if (index.has(root)) continue;
    const frames: { key: string; edges: string[]; next: number }[] = [];
    const enter = (key: string): void => {
      index.set(key, counter);
      low.set(key, counter);
      counter++;
      stack.push(key);
      onStack.add(key);
      frames.push({ key, edges: edgesOf(key), next: 0 });
    };
    enter(root);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1]!;
      if (frame.next < frame.edges.length) {
        const callee = frame.edges[frame.next++]!;
        if (!index.has(callee)) enter(callee);
        else if (onStack.has(callee)) low.set(frame.key, Math.min(low.get(frame.key)!, index.get(callee)!));
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) low.set(parent.key, Math.min(low.get(parent.key)!, low.get(frame.key)!));
      if (low.get(frame.key) !== index.get(frame.key)) continue;
      const component: string[] = [];
      for (;;) {
        const member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
        if (member === frame.key) break;
      }
      components.push(component);
    }
  }
  return components;
}
