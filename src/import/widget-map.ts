/**
 * Appsmith widget types → smithlet widgets: the one table to extend when a widget is
 * added. Each entry names the tag, the Appsmith properties carried over (by Appsmith's
 * name; the attribute is its kebab-case), and the events. Anything not listed here is
 * left out (styling the theme already gives: `buttonColor`, `borderRadius`…). A type
 * missing from the table becomes `<smith-placeholder type="…">`.
 */
import { tableColumnTriggers, tableColumnsAttribute } from './table-columns'
import type { ColumnsReport } from './table-columns'
import type { DslWidget } from './source'

/** How one Appsmith widget type maps. */
export interface WidgetMapping {
  readonly tag: string
  /** Appsmith property names carried as attributes (`isDisabled` → `is-disabled`). */
  readonly props: readonly string[]
  /** Appsmith event names carried as `on-…` attributes (`onClick` → `on-click`). */
  readonly events?: readonly string[]
  /** Appsmith property renamed on the way (`label` of a checkbox is smithlet's `label`…). */
  readonly rename?: Readonly<Record<string, string>>
  /** Attributes made from several Appsmith properties (a table's `primaryColumns` → `columns`). */
  readonly derived?: (w: DslWidget, report: ColumnsReport) => Readonly<Record<string, string | null>>
}

const CANVAS: WidgetMapping = { tag: 'smith-canvas', props: [] }

/** The table: Appsmith type → mapping. */
export const WIDGET_MAP: Readonly<Record<string, WidgetMapping>> = {
  CANVAS_WIDGET: CANVAS,
  CONTAINER_WIDGET: { tag: 'smith-container', props: [] },
  FORM_WIDGET: { tag: 'smith-form', props: [] },
  MODAL_WIDGET: { tag: 'smith-modal', props: ['canOutsideClickClose'], events: ['onClose'] },
  TEXT_WIDGET: { tag: 'smith-text', props: ['text'] },
  BUTTON_WIDGET: { tag: 'smith-button', props: ['text', 'isDisabled', 'buttonVariant'], events: ['onClick'] },
  INPUT_WIDGET_V2: {
    tag: 'smith-input',
    props: ['label', 'defaultText', 'placeholderText', 'inputType', 'isRequired', 'isDisabled', 'regex', 'validation', 'errorMessage'],
    events: ['onTextChanged', 'onSubmit'],
  },
  TABLE_WIDGET_V2: {
    tag: 'smith-table',
    props: ['tableData', 'serverSidePaginationEnabled', 'totalRecordsCount'],
    events: ['onRowSelected', 'onPageChange', 'onPageSizeChange', 'onSearchTextChanged', 'onSort'],
    rename: { serverSidePaginationEnabled: 'serverSidePagination' },
    // primaryColumns (order, labels, visibility, types, computedValue, button columns' onClick): ./table-columns.ts.
    derived: (w, report) => ({ columns: tableColumnsAttribute(w, report), ...tableColumnTriggers(w, report) }),
  },
  SELECT_WIDGET: { tag: 'smith-select', props: ['options', 'defaultOptionValue', 'labelText', 'placeholderText', 'isFilterable', 'isDisabled', 'isRequired'], events: ['onOptionChange'] },
  ICON_BUTTON_WIDGET: { tag: 'smith-icon-button', props: ['iconName', 'tooltip', 'buttonVariant', 'isDisabled'], events: ['onClick'] },
  IMAGE_WIDGET: { tag: 'smith-image', props: ['image', 'defaultImage', 'objectFit', 'enableDownload', 'imageShape'], events: ['onClick'] },
  TABS_WIDGET: { tag: 'smith-tabs', props: ['defaultTab', 'shouldShowTabs'], events: ['onTabSelected'] },
  CHECKBOX_WIDGET: { tag: 'smith-checkbox', props: ['label', 'defaultCheckedState', 'isDisabled', 'isRequired'], events: ['onCheckChange'] },
  SWITCH_WIDGET: { tag: 'smith-switch', props: ['label', 'defaultSwitchState', 'isDisabled'], events: ['onChange'] },
  DIVIDER_WIDGET: { tag: 'smith-divider', props: ['orientation', 'thickness', 'strokeStyle', 'color'] },
  STATBOX_WIDGET: { tag: 'smith-statbox', props: [] },
  IFRAME_WIDGET: { tag: 'smith-iframe', props: ['source', 'srcDoc', 'title'], events: ['onURLChanged', 'onSrcDocChanged', 'onMessageReceived'] },
  DOCUMENT_VIEWER_WIDGET: { tag: 'smith-document-viewer', props: ['docUrl'] },
  MULTI_SELECT_WIDGET_V2: {
    tag: 'smith-multi-select',
    props: ['options', 'defaultOptionValue', 'labelText', 'placeholderText', 'isFilterable', 'sourceData', 'optionLabel', 'optionValue', 'serverSideFiltering', 'isDisabled', 'isRequired'],
    events: ['onOptionChange', 'onFilterUpdate'],
  },
  DATE_PICKER_WIDGET2: { tag: 'smith-date-picker', props: ['label', 'defaultDate', 'dateFormat', 'minDate', 'maxDate', 'timePrecision', 'isDisabled', 'isRequired'], events: ['onDateSelected'] },
  FILE_PICKER_WIDGET_V2: { tag: 'smith-file-picker', props: ['label', 'allowedFileTypes', 'maxNumFiles', 'maxFileSize', 'fileDataType', 'dynamicTyping', 'isDisabled', 'isRequired'], events: ['onFilesSelected'] },
  RADIO_GROUP_WIDGET: { tag: 'smith-radio-group', props: ['label', 'options', 'defaultOptionValue', 'isInline', 'isDisabled', 'isRequired'], events: ['onSelectionChange'] },
  CHECKBOX_GROUP_WIDGET: { tag: 'smith-checkbox-group', props: ['label', 'options', 'defaultSelectedValues', 'isInline', 'isSelectAll', 'isDisabled', 'isRequired'], events: ['onSelectionChange'] },
  PROGRESS_WIDGET: { tag: 'smith-progress', props: ['progress', 'progressType', 'isIndeterminate', 'showResult', 'steps', 'fillColor'] },
  PHONE_INPUT_WIDGET: {
    tag: 'smith-phone-input',
    props: ['label', 'defaultText', 'placeholderText', 'defaultDialCode', 'allowDialCodeChange', 'isDisabled', 'isRequired', 'regex', 'validation', 'errorMessage'],
    events: ['onTextChanged', 'onSubmit', 'onISDCodeChange'],
  },
  // The item template is emitted by ./list-template.ts; `pageSize` is what Appsmith derived from the heights.
  LIST_WIDGET_V2: {
    tag: 'smith-list',
    props: ['listData', 'itemSpacing', 'pageSize', 'primaryKeys', 'serverSidePagination', 'totalRecordsCount'],
    events: ['onItemClick', 'onPageChange'],
  },
  JSON_FORM_WIDGET: {
    tag: 'smith-json-form',
    props: ['sourceData', 'schema', 'title', 'submitButtonLabel', 'resetButtonLabel', 'showReset', 'disabledWhenInvalid'],
    events: ['onSubmit'],
  },
  // Their items / buttons become child elements (./menu-items.ts).
  MENU_BUTTON_WIDGET: { tag: 'smith-menu-button', props: ['label', 'iconName', 'menuVariant', 'isDisabled'], rename: { menuVariant: 'buttonVariant' } },
  BUTTON_GROUP_WIDGET: { tag: 'smith-button-group', props: ['orientation', 'isDisabled'] },
  CURRENCY_INPUT_WIDGET: {
    tag: 'smith-currency-input',
    props: ['label', 'defaultText', 'placeholderText', 'defaultCurrencyCode', 'allowCurrencyChange', 'decimals', 'isDisabled', 'isRequired', 'regex', 'validation', 'errorMessage'],
    events: ['onTextChanged', 'onSubmit', 'onCurrencyChange'],
  },
}

/** Types whose children are canvases (placed by the canvas, not the grid cell of the parent). */
export const CONTAINER_TYPES: ReadonlySet<string> = new Set(['CONTAINER_WIDGET', 'FORM_WIDGET', 'MODAL_WIDGET', 'TABS_WIDGET', 'STATBOX_WIDGET'])

/** The mapping of a type, or undefined (it becomes a placeholder). */
export function mappingFor(type: string): WidgetMapping | undefined {
  return Object.hasOwn(WIDGET_MAP, type) ? WIDGET_MAP[type] : undefined
}
