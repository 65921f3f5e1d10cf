/** Styles of `<smith-devtools>`: static, so the panel works under `style-src 'self'`. */
import { css } from 'lit'

export const devtoolsStyles = css`
  :host {
    position: fixed;
    left: 0;
    right: 0;
    bottom: 0;
    z-index: 2147483000;
    font: 12px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    color: #1d1d24;
  }
  :host([hidden]) {
    display: none;
  }
  .launcher {
    position: fixed;
    right: 12px;
    bottom: 12px;
    border: 1px solid #8b7df0;
    border-radius: 16px;
    background: #fff;
    color: #3d2fb3;
    padding: 4px 10px;
    font: inherit;
    cursor: pointer;
  }
  .panel {
    display: flex;
    flex-direction: column;
    height: 320px;
    min-height: 120px;
    max-height: 90vh;
    background: #fbfbfd;
    border-top: 1px solid #c9c6dc;
    box-shadow: 0 -4px 16px rgb(0 0 0 / 12%);
  }
  .resize {
    height: 6px;
    cursor: ns-resize;
    background: #e9e7f5;
    border: 0;
    padding: 0;
    flex: none;
  }
  .resize:focus-visible,
  button:focus-visible,
  input:focus-visible,
  [tabindex]:focus-visible {
    outline: 2px solid #553de9;
    outline-offset: -2px;
  }
  header {
    display: flex;
    gap: 4px;
    align-items: center;
    padding: 2px 6px;
    border-bottom: 1px solid #e0deea;
    flex: none;
  }
  [role='tab'] {
    border: 0;
    background: none;
    padding: 4px 8px;
    font: inherit;
    color: #4b4a57;
    cursor: pointer;
    border-bottom: 2px solid transparent;
  }
  [role='tab'][aria-selected='true'] {
    color: #3d2fb3;
    border-bottom-color: #553de9;
  }
  .count {
    display: inline-block;
    min-width: 1.4em;
    margin-left: 4px;
    border-radius: 8px;
    background: #c62828;
    color: #fff;
    text-align: center;
  }
  .spacer {
    flex: 1;
  }
  .close {
    border: 0;
    background: none;
    font: inherit;
    cursor: pointer;
  }
  .body {
    overflow: auto;
    flex: 1;
    padding: 4px 8px;
  }
  input[type='search'] {
    width: min(100%, 360px);
    font: inherit;
    padding: 2px 6px;
    margin: 2px 0 6px;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .row {
    display: flex;
    gap: 6px;
    align-items: baseline;
    white-space: nowrap;
  }
  .row button {
    border: 0;
    background: none;
    font: inherit;
    padding: 0 2px;
    cursor: pointer;
    color: inherit;
  }
  .toggle {
    width: 1.2em;
    color: #777;
  }
  .key {
    color: #7a1fa2;
  }
  .value {
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .t-string {
    color: #a31515;
  }
  .t-number,
  .t-boolean,
  .t-bigint {
    color: #0b57d0;
  }
  .t-null,
  .t-undefined {
    color: #888;
  }
  .t-masked {
    color: #8a6d00;
  }
  .t-error {
    color: #c62828;
  }
  .indent-0 { padding-left: 0; }
  .indent-1 { padding-left: 14px; }
  .indent-2 { padding-left: 28px; }
  .indent-3 { padding-left: 42px; }
  .indent-4 { padding-left: 56px; }
  .indent-5 { padding-left: 70px; }
  .indent-6 { padding-left: 84px; }
  .indent-7 { padding-left: 98px; }
  .group {
    margin: 6px 0 2px;
    color: #666;
    text-transform: uppercase;
    letter-spacing: 0.05em;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    text-align: left;
    padding: 2px 6px;
    border-bottom: 1px solid #ecebf3;
    vertical-align: top;
  }
  .error-row {
    cursor: pointer;
  }
  .error-row:hover,
  .error-row:focus {
    background: #fdecea;
  }
  .status-ok {
    color: #1b7a35;
  }
  .status-bad {
    color: #c62828;
  }
  pre {
    margin: 2px 0;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    max-height: 240px;
    overflow: auto;
  }
  .note {
    color: #666;
  }
  .highlight {
    position: fixed;
    pointer-events: none;
    border: 2px solid #553de9;
    background: rgb(85 61 233 / 12%);
    border-radius: 4px;
    z-index: 2147483001;
  }
  .status {
    color: #3d2fb3;
  }
`
