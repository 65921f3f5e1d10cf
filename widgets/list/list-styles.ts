/** `<smith-list>`'s look: the scroll area, the stamped items (slotted), the pager. */
import { css } from 'lit'

export const listStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    min-height: 0;
    font-family: var(--smith-font, inherit);
  }
  .scroller {
    position: relative;
    overflow-y: auto;
    overscroll-behavior: contain;
  }
  [role='list'] {
    display: flex;
    flex-direction: column;
  }
  ::slotted([data-smith-item]) {
    box-sizing: border-box;
    overflow: hidden;
    border: 1px solid var(--smith-border, #e0dede);
    border-radius: var(--smith-radius, 0.375rem);
    background: var(--smith-surface, #fff);
    cursor: pointer;
  }
  ::slotted([data-smith-item][aria-current='true']) {
    border-color: var(--smith-primary, #553de9);
    box-shadow: inset 0 0 0 1px var(--smith-primary, #553de9);
  }
  ::slotted([data-smith-item]:focus-visible) {
    outline: 2px solid var(--smith-primary, #553de9);
    outline-offset: -2px;
  }
  .pager {
    display: flex;
    align-items: center;
    justify-content: flex-end;
    gap: 0.5rem;
    padding: 0.5rem 0;
  }
  .pager button {
    font: inherit;
    padding: 0.2rem 0.6rem;
    border: 1px solid var(--smith-border, #e0dede);
    border-radius: var(--smith-radius, 0.375rem);
    background: #fff;
    cursor: pointer;
  }
  .pager button:disabled {
    opacity: 0.5;
    cursor: default;
  }
  .empty {
    margin: 0;
    padding: 1rem;
    color: #555;
  }
`
