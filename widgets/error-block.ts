/**
 * The error block's declarations, as plain CSS text: `.error` in the Lit widgets' shared
 * styles (widgets/smith-base-element.ts), and the same block in light DOM where a widget has
 * no shadow root (widgets/text.ts). Plain text rather than Lit's `css` so that the light
 * text widget, and an app holding only texts, ships without Lit.
 */
export const ERROR_BLOCK_DECLARATIONS =
  'margin:0;padding:0.5em 0.75em;border:1px solid #e5a1a1;border-left:4px solid #c62828;border-radius:4px;' +
  'background:#fdecea;color:#8e1c1c;font-size:0.875em;white-space:pre-wrap;overflow-wrap:anywhere'
