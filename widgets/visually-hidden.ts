/** `.visually-hidden`: in the accessibility tree, not on screen (a group's legend without a visible label). */
import { css } from 'lit'

export const visuallyHiddenStyles = css`
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
`
