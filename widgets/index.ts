/**
 * The smithlet widgets: their classes, and `defineWidgets`. Importing this module
 * defines nothing (`smithlet/widgets` has no side effect); `./define.ts`
 * (`smithlet/widgets/define`) defines every `smith-*` element.
 */
import { SmithButton } from './button'
import { SmithCanvas } from './canvas'
import { SmithContainer } from './container'
import { SmithForm } from './form'
import { SmithModal } from './modal'
import { SmithPlaceholder } from './placeholder'
import { SmithCustomWidget } from './custom-widget/custom-widget'
import { SmithDocumentViewer } from './document-viewer'
import { SmithIframe } from './iframe'
import { SmithSelect } from './select'
import { SmithCheckbox } from './checkbox'
import { SmithCheckboxGroup } from './checkbox-group'
import { SmithRadioGroup } from './radio-group'
import { SmithSwitch } from './switch'
import { SmithIconButton } from './icon-button'
import { SmithImage } from './image'
import { SmithDivider } from './divider'
import { SmithProgress } from './progress'
import { SmithMultiSelect } from './multi-select'
import { SmithDatePicker } from './date-picker'
import { SmithFilePicker } from './file-picker'
import { SmithMenuButton, SmithMenuItem } from './menu-button'
import { SmithButtonGroup } from './button-group'
import { SmithPhoneInput } from './phone-input'
import { SmithCurrencyInput } from './currency-input'
import { SmithInput } from './input'
import { SmithJsonForm } from './json-form/json-form'
import { SmithList } from './list/list'
import { SmithStatbox } from './statbox'
import { SmithTable } from './table'
import { SmithTabs } from './tabs'
import { SmithText } from './text'
import { SmithToast } from './toast'

export { SmithBaseElement, SmithElement, TRIGGER_EVENT } from './smith-element'
export type { TriggerDetail } from './smith-element'
export { SmithButton, SmithInput, SmithTable, SmithText, SmithToast }
export { SmithCustomWidget, SmithDocumentViewer, SmithIframe, SmithJsonForm, SmithList, SmithStatbox, SmithTabs }
export type { Field, FieldType } from './json-form/schema'
export { CUSTOM_WIDGET_FRAME_CSP, CUSTOM_WIDGET_FRAME_FILE, customWidgetFrameHtml } from './custom-widget/frame-document'
export { SmithCanvas, SmithContainer, SmithForm, SmithModal, SmithPlaceholder }
export { GRID_COLUMNS } from './canvas'
export { VISIBILITY_EVENT } from './modal'
// smith-chart is defined by widgets/chart/index.ts, imported only by apps with a chart.
export type { Tab, TabConfig } from './tabs'
export { SmithSelect, SmithCheckbox, SmithCheckboxGroup, SmithRadioGroup, SmithSwitch, SmithIconButton, SmithImage, SmithDivider, SmithProgress }
export { SmithMultiSelect, SmithDatePicker, SmithFilePicker, SmithMenuButton, SmithMenuItem, SmithButtonGroup, SmithPhoneInput, SmithCurrencyInput }
export type { PickedFile } from './file-picker'
export type { Option } from './options'
export type { ToastType } from './toast'
export type { Column, ColumnConfig, ColumnType, SortOrder } from './table-model'

/** Every widget by tag name. */
export const widgets = {
  'smith-table': SmithTable,
  'smith-text': SmithText,
  'smith-button': SmithButton,
  'smith-input': SmithInput,
  'smith-toast': SmithToast,
  'smith-tabs': SmithTabs,
  'smith-list': SmithList,
  'smith-json-form': SmithJsonForm,
  'smith-custom-widget': SmithCustomWidget,
  'smith-statbox': SmithStatbox,
  'smith-iframe': SmithIframe,
  'smith-document-viewer': SmithDocumentViewer,
  'smith-select': SmithSelect,
  'smith-checkbox': SmithCheckbox,
  'smith-checkbox-group': SmithCheckboxGroup,
  'smith-radio-group': SmithRadioGroup,
  'smith-switch': SmithSwitch,
  'smith-icon-button': SmithIconButton,
  'smith-image': SmithImage,
  'smith-divider': SmithDivider,
  'smith-progress': SmithProgress,
  'smith-canvas': SmithCanvas,
  'smith-container': SmithContainer,
  'smith-form': SmithForm,
  'smith-modal': SmithModal,
  'smith-placeholder': SmithPlaceholder,
  'smith-multi-select': SmithMultiSelect,
  'smith-date-picker': SmithDatePicker,
  'smith-file-picker': SmithFilePicker,
  'smith-menu-button': SmithMenuButton,
  'smith-menu-item': SmithMenuItem,
  'smith-button-group': SmithButtonGroup,
  'smith-phone-input': SmithPhoneInput,
  'smith-currency-input': SmithCurrencyInput,
} as const

/** Defines the widgets in a registry; tags already defined are skipped. */
export function defineWidgets(registry: CustomElementRegistry | undefined = globalThis.customElements): void {
  // No registry (a Node test that imports the runtime): nothing to define.
  if (!registry) return
  for (const [tag, ctor] of Object.entries(widgets)) {
    if (!registry.get(tag)) registry.define(tag, ctor)
  }
}


declare global {
  interface HTMLElementTagNameMap {
    'smith-table': SmithTable
    'smith-text': SmithText
    'smith-button': SmithButton
    'smith-input': SmithInput
    'smith-toast': SmithToast
    'smith-tabs': SmithTabs
    'smith-list': SmithList
    'smith-json-form': SmithJsonForm
    'smith-custom-widget': SmithCustomWidget
    'smith-statbox': SmithStatbox
    'smith-iframe': SmithIframe
    'smith-document-viewer': SmithDocumentViewer
    'smith-select': SmithSelect
    'smith-checkbox': SmithCheckbox
    'smith-checkbox-group': SmithCheckboxGroup
    'smith-radio-group': SmithRadioGroup
    'smith-switch': SmithSwitch
    'smith-icon-button': SmithIconButton
    'smith-image': SmithImage
    'smith-divider': SmithDivider
    'smith-progress': SmithProgress
    'smith-canvas': SmithCanvas
    'smith-container': SmithContainer
    'smith-form': SmithForm
    'smith-modal': SmithModal
    'smith-placeholder': SmithPlaceholder
    'smith-multi-select': SmithMultiSelect
    'smith-date-picker': SmithDatePicker
    'smith-file-picker': SmithFilePicker
    'smith-menu-button': SmithMenuButton
    'smith-menu-item': SmithMenuItem
    'smith-button-group': SmithButtonGroup
    'smith-phone-input': SmithPhoneInput
    'smith-currency-input': SmithCurrencyInput
  }
}
