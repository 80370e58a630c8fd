/**
 * Where focus goes back to when the derivation card closes: the control that opened it (the
 * scatter, which keeps its active point; a model name in the table; a bar chart). The card asks
 * for it when it opens; nothing here knows about the store.
 */
let opener: HTMLElement | undefined;

/** Remembers the element that had focus when the card opened (the page body does not count). */
export function rememberOpener(el: Element | null = document.activeElement): void {
  if (el instanceof HTMLElement && el !== document.body && !el.closest('.derivation')) opener = el;
}

/** Puts focus back where the card was opened from, if that element is still on the page. */
export function returnFocus(): void {
  const el = opener;
  opener = undefined;
  if (el?.isConnected) el.focus();
}
