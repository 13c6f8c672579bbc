// What the stories' play functions do as a visitor would, inside a widget's shadow root.

/** Waits for the shadow root of the canvas's `tag` element to show `selector`, and returns it. */
export async function find<T extends HTMLElement = HTMLElement>(
  canvasElement: HTMLElement,
  tag: string,
  selector: string,
): Promise<T> {
  const element = canvasElement.querySelector(tag);
  for (let tries = 0; tries < 100; tries++) {
    const found = element?.shadowRoot?.querySelector<T>(selector);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${selector} never appeared in ${tag}`);
}

/** Types into a field as a visitor would (one input event). */
export function typeInto(field: HTMLInputElement | HTMLTextAreaElement, text: string): void {
  field.value = text;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

/** Types `text` into the search field `selector` and presses Enter (its form is submitted). */
export async function search(canvasElement: HTMLElement, tag: string, selector: string, text: string): Promise<void> {
  const field = await find<HTMLInputElement>(canvasElement, tag, selector);
  typeInto(field, text);
  field.form?.requestSubmit();
}
