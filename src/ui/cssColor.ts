/**
 * Canvas drawing and exported SVG need real colours, not `var(--x)`: this resolves a theme
 * variable against the element it is drawn for (so the current theme applies).
 */
export function resolveCssColor(color: string, el: Element = document.documentElement, fallback = '#888'): string {
  const m = /^var\((--[a-z-]+)\)$/.exec(color.trim());
  if (!m) return color;
  return (
    getComputedStyle(el)
      .getPropertyValue(m[1] as string)
      .trim() || fallback
  );
}
