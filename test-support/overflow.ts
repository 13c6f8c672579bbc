import type { Page } from 'playwright-core';

/** The widths every demo page and story must fit: the smallest phone, a common phone, a tablet, a laptop. */
export const OVERFLOW_WIDTHS = [320, 390, 768, 1280] as const;

/**
 * What sticks out sideways, as one line each (empty when nothing does): the page wider than the viewport, a widget's
 * host (any `smec-*` element, in shadow roots too) wider than its containing block, scrolling sideways or reaching past
 * the viewport's right edge, and an open dialog of a widget (the top layer, outside its host's box) doing the same.
 * Each line names the descendant that reaches furthest right, where it is not clipped, so that a failure says what to
 * fix. A string, not a function: tsx would add a helper to a function that the page does not have.
 */
export const OVERFLOW_SCRIPT = `(() => {
  const SLACK = 0.5;
  const viewport = document.documentElement.clientWidth;
  const visibleX = (style) => style.overflowX === 'visible';

  // Every element in the flattened tree with the right edge past which its ancestors clip it: an ancestor that does
  // not show its overflow clips its in-flow descendants, but an absolutely positioned one only when that ancestor is
  // positioned itself (its containing block) or sits inside one that clips.
  const entries = [];
  const walk = (element, clip, positionedClip) => {
    const style = getComputedStyle(element);
    const rect = element.getBoundingClientRect();
    const own = style.position === 'fixed' ? Infinity : style.position === 'absolute' ? positionedClip : clip;
    const inner = visibleX(style) || style.display === 'contents' ? own : Math.min(own, rect.right);
    entries.push({ element, rect, clip: own, contentClip: inner, style });
    const positionedInner = style.position === 'static' ? positionedClip : inner;
    const children = [...(element.shadowRoot ? element.shadowRoot.children : []), ...element.children];
    for (const child of children) {
      if (['STYLE', 'SCRIPT', 'TEMPLATE', 'LINK'].includes(child.tagName)) continue;
      if (child.tagName === 'DIALOG' && child.open) walk(child, Infinity, Infinity);
      else walk(child, inner, positionedInner);
    }
  };
  walk(document.documentElement, Infinity, Infinity);

  const describe = (element) => {
    let name = element.tagName.toLowerCase();
    if (element.id) name += '#' + element.id;
    const part = element.getAttribute('part');
    if (part) name += '[part="' + part + '"]';
    const classes = [...element.classList].filter((c) => c.length < 40).slice(0, 3);
    if (classes.length) name += '.' + classes.join('.');
    return name;
  };
  const host = (element) => {
    const root = element.getRootNode();
    return root instanceof ShadowRoot ? root.host : undefined;
  };
  /** The element and the widget it is in, e.g. 'span.sr-only in button[part="event"].event in smec-event-calendar'. */
  const where = (element) => {
    const chain = [describe(element)];
    const parent = element.parentElement;
    if (parent && parent.getAttribute('part') !== null) chain.push(describe(parent));
    const widget = host(element);
    if (widget) chain.push(describe(widget));
    return chain.join(' in ');
  };
  const within = (ancestor, element) => {
    for (let node = element; node; node = node.parentElement || host(node)) if (node === ancestor) return true;
    return false;
  };
  const REPLACED = ['INPUT', 'SELECT', 'TEXTAREA', 'IMG', 'svg', 'VIDEO', 'CANVAS', 'IFRAME'];
  /** How far right an element's own content reaches, unclipped: its text, or its box when it is a control or an image. */
  const contentRight = (entry) => {
    if (REPLACED.includes(entry.element.tagName)) return Math.min(entry.rect.right, entry.clip);
    let right = -Infinity;
    for (const node of entry.element.childNodes) {
      if (node.nodeType !== Node.TEXT_NODE || !node.textContent.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const box of range.getClientRects()) right = Math.max(right, box.right);
    }
    return Math.min(right, entry.contentClip);
  };
  /**
   * What in 'scope' reaches past 'limit': the outermost box that reaches furthest (unclipped), and the text, control or
   * image that reaches furthest, which is usually what pushes the box out (a long word, a wide select).
   */
  const culprit = (scope, limit) => {
    let box;
    let content;
    for (const entry of entries) {
      if (entry.element === scope || !within(scope, entry.element)) continue;
      if (entry.rect.width === 0 && entry.rect.height === 0) continue;
      const right = Math.min(entry.rect.right, entry.clip);
      if (right > limit + SLACK && (!box || right > box.right + SLACK)) box = { element: entry.element, right };
      const ink = contentRight(entry);
      if (ink > limit + SLACK && (!content || ink > content.right + SLACK)) content = { element: entry.element, right: ink };
    }
    if (!box) return 'no single descendant (margins or padding)';
    let text = where(box.element) + ' (right edge at ' + Math.round(box.right) + ' px)';
    if (content && content.element !== box.element) {
      text += ', its content reaching furthest: ' + where(content.element) + ' (to ' + Math.round(content.right) + ' px)';
    }
    return text;
  };

  const problems = [];
  const page = document.documentElement.scrollWidth;
  if (page > innerWidth) {
    problems.push('the page is ' + page + ' px wide in a ' + innerWidth + ' px viewport: ' + culprit(document.documentElement, viewport));
  }
  const containingWidth = (element) => {
    let parent = element.assignedSlot || element.parentElement || host(element);
    while (parent && getComputedStyle(parent).display === 'contents') parent = parent.assignedSlot || parent.parentElement || host(parent);
    if (!parent) return Infinity;
    const style = getComputedStyle(parent);
    if (style.display === 'inline' || parent.clientWidth === 0) return Infinity;
    return parent.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  };
  for (const { element, rect, style } of entries) {
    const widget = element.tagName.startsWith('SMEC-');
    const dialog = element.tagName === 'DIALOG' && element.open;
    if (!widget && !dialog) continue;
    if (style.display === 'none' || (rect.width === 0 && rect.height === 0)) continue;
    const name = dialog ? where(element) : describe(element);
    if (widget) {
      const available = containingWidth(element);
      if (rect.width > available + SLACK) {
        problems.push(name + ' is ' + Math.round(rect.width) + ' px wide in a ' + Math.round(available) + ' px containing block: ' + culprit(element, rect.left + available));
      }
    }
    if (element.scrollWidth > element.clientWidth + 1 && style.overflowX !== 'hidden' && style.overflowX !== 'clip') {
      problems.push(name + ' scrolls sideways (' + element.scrollWidth + ' px of content in ' + element.clientWidth + ' px): ' + culprit(element, rect.left + element.clientLeft + element.clientWidth));
    }
    if (rect.right > viewport + SLACK) {
      problems.push(name + ' reaches ' + Math.round(rect.right) + ' px, past the viewport (' + viewport + ' px): ' + culprit(element, viewport));
    }
  }
  return problems;
})()`;

/** Two frames: the layout after a resize, and the widgets' re-render it may set off (a container query, a listener). */
export async function nextFrames(page: Page): Promise<void> {
  await page.evaluate(
    'new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0))))',
  );
}

/** The overflows of the page as it is now ({@link OVERFLOW_SCRIPT}). */
export async function measureOverflow(page: Page): Promise<string[]> {
  return (await page.evaluate(OVERFLOW_SCRIPT)) as string[];
}

/**
 * The overflows at each of `widths` (the page resized, not reloaded), each line prefixed with its width; the viewport's
 * height stays as it was. The page is left at the last width.
 */
export async function overflowAtWidths(
  page: Page,
  widths: readonly number[] = OVERFLOW_WIDTHS,
  label = '',
): Promise<string[]> {
  const height = page.viewportSize()?.height ?? 720;
  const problems: string[] = [];
  for (const width of widths) {
    await page.setViewportSize({ width, height });
    await nextFrames(page);
    for (const problem of await measureOverflow(page)) problems.push(`${width} px${label}: ${problem}`);
  }
  return problems;
}
