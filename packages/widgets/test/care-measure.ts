// What care mode promises, measured on a rendered widget: the sizes of its texts and targets, the contrast of its
// texts against what is really behind them, and that nothing sticks out of a narrow column. Each function returns
// the offenders as readable lines, so that a failing test says where.

type Rgba = [r: number, g: number, b: number, a: number];

/** The minimums of care mode (MIIT's 适老化 rules, WCAG 2.5.5 and 1.4.6). */
export const CARE = { minFontPx: 18, minTargetPx: 44, minContrast: 7 } as const;

const INTERACTIVE = 'button, a[href], input, select, textarea, summary, [role="button"]';

/** The shadow root of `host` and of every smec element rendered inside it, depth first. */
function shadowRoots(host: Element): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  const visit = (root: ShadowRoot) => {
    roots.push(root);
    for (const element of root.querySelectorAll('*')) if (element.shadowRoot) visit(element.shadowRoot);
  };
  if (host.shadowRoot) visit(host.shadowRoot);
  return roots;
}

function describe(element: Element): string {
  const part = element.getAttribute('part');
  const classes = element.getAttribute('class');
  return `<${element.localName}${part ? ` part="${part}"` : ''}${classes ? ` class="${classes}"` : ''}>`;
}

/** The element that contains `node` in the flattened tree: its slot when slotted, the host above a shadow root. */
function composedParent(node: Element): Element | null {
  if (node.assignedSlot) return node.assignedSlot;
  if (node.parentElement) return node.parentElement;
  const root = node.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/** Text that a sighted visitor can see: rendered, not clipped to the screen-reader-only pixel, not in an image. */
function visibleTexts(host: Element): { text: Text; element: Element }[] {
  const found: { text: Text; element: Element }[] = [];
  for (const root of shadowRoots(host)) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node as Text;
      const element = text.parentElement;
      if (!element || !text.data.trim()) continue;
      if (element.closest('style, script, template, title')) continue;
      if (!element.checkVisibility({ checkOpacity: true, visibilityProperty: true })) continue;
      const range = document.createRange();
      range.selectNodeContents(text);
      const rects = [...range.getClientRects()];
      if (!rects.some((rect) => rect.width > 1 && rect.height > 1)) continue;
      found.push({ text, element });
    }
  }
  return found;
}

/**
 * Texts smaller than 18 px. Text drawn inside an `svg[role=img]` (the scorecard's axis labels) is part of a picture
 * whose text alternative is shown beside it and whose numbers are in a table behind a button: it is measured by the
 * picture's caption, not here.
 */
export function smallTexts(host: Element): string[] {
  return visibleTexts(host)
    .filter(({ element }) => !element.closest('svg[role="img"]'))
    .filter(({ element }) => parseFloat(getComputedStyle(element).fontSize) < CARE.minFontPx)
    .map(({ text, element }) => `${describe(element)} "${text.data.trim()}" is ${getComputedStyle(element).fontSize}`);
}

function parseColor(value: string): Rgba {
  const numbers = /rgba?\(([^)]+)\)/
    .exec(value)?.[1]
    ?.split(/[\s,/]+/)
    .filter(Boolean)
    .map(Number);
  if (!numbers || numbers.length < 3) throw new Error(`a colour the test cannot read: ${value}`);
  const [r, g, b, a = 1] = numbers as [number, number, number, number?];
  return [r, g, b, a];
}

/** `top` painted over the opaque `bottom`. */
function over(top: Rgba, bottom: Rgba): Rgba {
  const a = top[3];
  return [top[0] * a + bottom[0] * (1 - a), top[1] * a + bottom[1] * (1 - a), top[2] * a + bottom[2] * (1 - a), 1];
}

/** The colour behind `element`: its own and its ancestors' backgrounds down to the first opaque one (else white). */
function backgroundOf(element: Element): Rgba {
  const layers: Rgba[] = [];
  for (let node: Element | null = element; node; node = composedParent(node)) {
    const colour = parseColor(getComputedStyle(node).backgroundColor);
    if (colour[3] > 0) layers.push(colour);
    if (colour[3] >= 1) break;
  }
  return layers.reduceRight<Rgba>((below, layer) => over(layer, below), [255, 255, 255, 1]);
}

/** How much the element and its ancestors let through (their `opacity`, multiplied). */
function opacityOf(element: Element): number {
  let opacity = 1;
  for (let node: Element | null = element; node; node = composedParent(node)) {
    opacity *= Number(getComputedStyle(node).opacity);
  }
  return opacity;
}

function luminance([r, g, b]: Rgba): number {
  const channel = (value: number) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** WCAG's contrast ratio of two opaque colours. */
export function contrast(a: Rgba, b: Rgba): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** The contrast of an element's text colour (its opacity counted) against the background behind it. */
export function textContrast(element: Element): number {
  const background = backgroundOf(element);
  const colour = parseColor(getComputedStyle(element).color);
  const seen = over([colour[0], colour[1], colour[2], colour[3] * opacityOf(element)], background);
  return contrast(seen, background);
}

/** How many texts and targets the other functions look at: a test of a widget that shows nothing proves nothing. */
export function measuredCounts(host: Element): { texts: number; targets: number } {
  return {
    texts: visibleTexts(host).length,
    targets: shadowRoots(host).reduce((sum, root) => sum + root.querySelectorAll(INTERACTIVE).length, 0),
  };
}

/** Texts whose contrast with what is behind them is under 7:1. */
export function faintTexts(host: Element): string[] {
  return visibleTexts(host)
    .filter(({ element }) => !element.closest('svg[role="img"]'))
    .map(({ text, element }) => ({ text, element, ratio: textContrast(element) }))
    .filter(({ ratio }) => ratio < CARE.minContrast)
    .map(({ text, element, ratio }) => `${describe(element)} "${text.data.trim()}" has ${ratio.toFixed(2)}:1`);
}

/** A link inside a sentence: inline, with other text beside it in its block (WCAG 2.5.5's inline exception). */
function isInlineInText(element: Element): boolean {
  if (element.localName !== 'a' || getComputedStyle(element).display !== 'inline') return false;
  const block = element.parentElement;
  return Boolean(block && block.textContent!.trim() !== element.textContent!.trim());
}

function isHiddenVisually(rect: DOMRect): boolean {
  return rect.width <= 1 || rect.height <= 1;
}

/**
 * Targets smaller than 44 × 44 px. A checkbox or radio button is measured with its label, which a click on selects
 * it too; a control hidden visually (a star's radio under its glyph is not: it covers the star) is measured by its
 * label. Links inside running text are exempt.
 */
export function smallTargets(host: Element): string[] {
  const offenders: string[] = [];
  for (const root of shadowRoots(host)) {
    for (const element of root.querySelectorAll<HTMLElement>(INTERACTIVE)) {
      if (!element.checkVisibility({ visibilityProperty: true }) || isInlineInText(element)) continue;
      let rect = element.getBoundingClientRect();
      const labelled =
        element instanceof HTMLInputElement && (['checkbox', 'radio'].includes(element.type) || isHiddenVisually(rect));
      if (labelled) {
        const label = (element as HTMLInputElement).labels?.[0];
        if (label) rect = union(rect, label.getBoundingClientRect());
      }
      if (isHiddenVisually(rect)) continue;
      if (rect.width < CARE.minTargetPx - 0.5 || rect.height < CARE.minTargetPx - 0.5) {
        offenders.push(`${describe(element)} is ${rect.width.toFixed(1)} × ${rect.height.toFixed(1)}`);
      }
    }
  }
  return offenders;
}

function union(a: DOMRect, b: DOMRect): DOMRect {
  if (isHiddenVisually(a)) return b;
  const left = Math.min(a.left, b.left);
  const top = Math.min(a.top, b.top);
  return new DOMRect(left, top, Math.max(a.right, b.right) - left, Math.max(a.bottom, b.bottom) - top);
}

/** Elements that stick out of the host's box sideways, except inside a box that scrolls or clips them. */
export function overflowing(host: Element): string[] {
  const { left, right } = host.getBoundingClientRect();
  const offenders: string[] = [];
  for (const root of shadowRoots(host)) {
    for (const element of root.querySelectorAll('*')) {
      if (!element.checkVisibility() || insideClippingBox(element, host)) continue;
      const rect = element.getBoundingClientRect();
      if (isHiddenVisually(rect)) continue;
      if (rect.left < left - 0.5 || rect.right > right + 0.5) {
        offenders.push(
          `${describe(element)} spans ${rect.left.toFixed(0)}–${rect.right.toFixed(0)} of ${left}–${right}`,
        );
      }
    }
  }
  return offenders;
}

function insideClippingBox(element: Element, host: Element): boolean {
  for (let node: Element | null = element; node && node !== host; node = composedParent(node)) {
    const style = getComputedStyle(node);
    if (style.overflowX !== 'visible' || style.clipPath !== 'none') return true;
  }
  return false;
}
