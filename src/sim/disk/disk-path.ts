/**
 * The components of a POSIX-style path, relative to the root (every process
 * of the sim runs in `/`): empty and `.` components vanish, `..` goes up
 * (never above the root).
 */
export function pathComponents(path: string): string[] {
  const components: string[] = [];
  for (const component of path.split('/')) {
    if (component === '' || component === '.') continue;
    if (component === '..') components.pop();
    else components.push(component);
  }
  return components;
}

export function joinComponents(components: readonly string[]): string {
  return components.join('/');
}
