/**
 * App folders for the pay-for-use checks (test/build/pay-for-use.test.ts looks at their
 * bundles, test/e2e/pay-for-use.test.ts runs them, test/size/budget.test.ts and the
 * bench's size rows measure them): the smallest app, and one that uses every optional
 * part of the runtime (src/features.ts).
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'

/** Writes an app folder: `files` by path. */
export async function appFolder(dir: string, files: Readonly<Record<string, string>>): Promise<string> {
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true })
    await writeFile(join(dir, path), text)
  }
  return dir
}

/** One page, one text bound to the store: the smallest built app. */
export const MINIMAL_APP: Readonly<Record<string, string>> = {
  'smithlet.config.js': "export default { id: 'minimal' }\n",
  'pages/Home/index.html': '<smith-text name="Greeting" text="Hello {{ appsmith.store.name ?? \'you\' }}"></smith-text>\n',
}

/** An app that uses every optional part of the runtime. */
export const FULL_APP: Readonly<Record<string, string>> = {
  'smithlet.config.js': "export default { id: 'full', theme: { colors: { primaryColor: '#112233' } } }\n",
  'public/data.json': '{ "n": 7 }\n',
  'queries/getData.json': '{ "url": "data.json", "runOnPageLoad": true }\n',
  'js/Actions.js': `export default {
  copy: () => copyToClipboard(String(getData.data.n)),
  save: () => download('n=' + getData.data.n, 'n.txt'),
  tick: () => setInterval(() => storeValue('ticked', true), 10, 'tick'),
  later: () => setTimeout(() => storeValue('later', 'done'), 10),
  post: () => postWindowMessage({ n: 1 }, 'window', '*'),
}
`,
  'pages/Home/index.html': `<smith-text name="Loaded" text="n={{ getData.data.n }}"></smith-text>
<smith-text name="Theme" text="{{ appsmith.theme.colors.primaryColor }}"></smith-text>
<smith-text name="Geo" text="{{ typeof appsmith.geolocation.getCurrentPosition }}"></smith-text>
<smith-text name="Ticked" text="ticked={{ appsmith.store.ticked === true }}"></smith-text>
<smith-text name="Later" text="later={{ appsmith.store.later ?? '' }}"></smith-text>
<smith-button name="Tick" text="Tick" on-click="{{ showAlert('ticking', 'info'); Actions.tick(); Actions.later() }}"></smith-button>
<smith-button name="Save" text="Save" on-click="{{ Actions.save() }}"></smith-button>
<smith-button name="Next" text="Next" on-click="{{ navigateTo('Other', { from: 'home' }) }}"></smith-button>
<smith-button name="Modal" text="Modal" on-click="{{ showModal('M1'); closeModal('M1'); resetWidget('Loaded') }}"></smith-button>
`,
  'pages/Home/page.json': '{ "pageLoad": ["getData"] }\n',
  'pages/Other/index.html': '<smith-text name="There" text="from {{ appsmith.URL.queryParams.from }}"></smith-text>\n',
}


/** Four common widgets bound to the store (text, input, button, table): the bench's typical small app. */
export const WIDGETS_APP: Readonly<Record<string, string>> = {
  'smithlet.config.js': "export default { id: 'widgets' }\n",
  'pages/Home/index.html': `<smith-text name="Greeting" text="Hello {{ appsmith.store.name ?? 'you' }}"></smith-text>
<smith-input name="Name" default-text="{{ appsmith.store.name ?? '' }}"></smith-input>
<smith-button name="Save" text="Save" on-click="{{ storeValue('name', Name.text) }}"></smith-button>
<smith-table name="Rows" table-data="{{ appsmith.store.rows ?? [] }}"></smith-table>
`,
}

/** A text bound to the store and a button that stores a value: what a button costs (the size budget's text + button row). */
export const BUTTON_APP: Readonly<Record<string, string>> = {
  'smithlet.config.js': "export default { id: 'button' }\n",
  'pages/Home/index.html': `<smith-text name="Saved" text="Saved: {{ appsmith.store.saved ?? 'no' }}"></smith-text>
<smith-button name="Save" text="Save" on-click="{{ storeValue('saved', 'yes') }}"></smith-button>
`,
}

/** A list whose items bind their own names (currentItem, currentIndex, currentView): the list item scopes, installed by the list widget. */
export const LIST_APP: Readonly<Record<string, string>> = {
  'smithlet.config.js': "export default { id: 'list' }\n",
  'pages/Home/index.html': `<smith-list name="Items" item-height="40" list-data="{{ [{ n: 'a' }, { n: 'b' }] }}" on-item-click="{{ storeValue('picked', Items.selectedItem.n) }}">
  <template><smith-text name="Row" text="{{ currentIndex + ':' + currentItem.n }}"></smith-text></template>
</smith-list>
<smith-text name="Picked" text="picked={{ appsmith.store.picked ?? '' }}"></smith-text>
`,
}
