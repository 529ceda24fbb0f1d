/**
 * Keeps `aria-activedescendant` of `el` pointing at an element that exists. element-plus's
 * autocomplete sets it to "<list id>-item--1" while nothing is highlighted, an id no element has
 * (axe: aria-valid-attr-value, on every page with the header's search box); a screen reader then
 * announces nothing or the wrong thing. The attribute is removed whenever its target is missing,
 * and left alone once a suggestion really is highlighted. Returns a function that stops watching.
 */
export function dropDanglingActiveDescendant(root: Element): () => void {
  // The whole subtree is watched: element-plus may render the input anew (a language switch, a
  // re-layout), and a watch on the first input alone would miss the new one.
  const check = () => {
    const doc = root.ownerDocument
    const all = [root, ...root.querySelectorAll('[aria-activedescendant]')]
    for (const el of all) {
      const id = el.getAttribute('aria-activedescendant')
      if (id !== null && (!id || !doc.getElementById(id))) el.removeAttribute('aria-activedescendant')
    }
  }
  check()
  const observer = new MutationObserver(check)
  observer.observe(root, { attributes: true, subtree: true, childList: true, attributeFilter: ['aria-activedescendant'] })
  return () => observer.disconnect()
}
