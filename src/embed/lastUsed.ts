/**
 * The <ghatna-*> element the reader last pressed or typed in (or whose attribute the page last set),
 * shared by every element on the page: a change of a group's selection is announced by that element
 * alone, not once per widget in the group.
 */
let lastUsed: Element | undefined

export function markUsed(element: Element | null): void {
  if (element) lastUsed = element
}

export function wasLastUsed(element: Element | null): boolean {
  return !!element && element === lastUsed
}
