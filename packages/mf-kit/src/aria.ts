/**
 * Keeps `aria-activedescendant` of `el` pointing at an element that exists. element-plus's
 * autocomplete sets it to "<list id>-item--1" while nothing is highlighted, an id no element has
 * (axe: aria-valid-attr-value, on every page with the header's search box); a screen reader then
 * announces nothing or the wrong thing. The attribute is removed whenever its target is missing,
 * and left alone once a suggestion really is highlighted. Returns a function that stops watching.
 */
export function dropDanglingActiveDescendant(el: Element): () => void {
  const check = () => {
    const id = el.getAttribute('aria-activedescendant')
    if (id !== null && (!id || !el.ownerDocument.getElementById(id))) el.removeAttribute('aria-activedescendant')
  }
  check()
  const observer = new MutationObserver(check)
  observer.observe(el, { attributes: true, attributeFilter: ['aria-activedescendant'] })
  return () => observer.disconnect()
}
