/**
 * `appsmith.theme`: Appsmith's theme `properties` (`colors.primaryColor`,
 * `borderRadius.appBorderRadius`, `fontFamily.appFont`, …), and the CSS custom
 * properties the runtime sets from it on the mount root so widgets can style
 * with `var(--smith-primary, #553de9)`. Set through CSSOM, never a style
 * attribute in markup, so a strict CSP (`style-src 'self'`) allows it.
 */

/** Appsmith's theme properties, as an export's `publishedTheme.properties` holds them. */
export interface ThemeProperties {
  readonly colors?: Readonly<Record<string, string>>
  readonly borderRadius?: Readonly<Record<string, string>>
  readonly boxShadow?: Readonly<Record<string, string>>
  readonly fontFamily?: Readonly<Record<string, string>>
}

/**
 * Appsmith's default system theme ("Modern", `Default-New`): what `appsmith.theme`
 * holds when an app names a system theme without its properties.
 */
export const DEFAULT_THEME: ThemeProperties = Object.freeze({
  colors: Object.freeze({ primaryColor: '#553DE9', backgroundColor: '#F8FAFC' }),
  borderRadius: Object.freeze({ appBorderRadius: '0.375rem' }),
  boxShadow: Object.freeze({ appBoxShadow: '0 1px 3px 0 rgba(0, 0, 0, 0.1), 0 1px 2px -1px rgba(0, 0, 0, 0.1)' }),
  fontFamily: Object.freeze({ appFont: 'Nunito Sans' }),
})

/** The theme as bindings see it: the given properties over the default, frozen. */
export function resolveTheme(theme: ThemeProperties | undefined): ThemeProperties {
  if (theme === undefined) return DEFAULT_THEME
  const merge = (key: keyof ThemeProperties): Readonly<Record<string, string>> =>
    Object.freeze({ ...DEFAULT_THEME[key], ...theme[key] })
  return Object.freeze({ colors: merge('colors'), borderRadius: merge('borderRadius'), boxShadow: merge('boxShadow'), fontFamily: merge('fontFamily') })
}

/** A font value fit for CSS: `System Default` means the browser's, a name with spaces is quoted. */
function cssFont(font: string | undefined): string | null {
  if (font === undefined || font === '' || font === 'System Default') return null
  return /^[\w-]+$/.test(font) ? `${font}, system-ui, sans-serif` : `${JSON.stringify(font)}, system-ui, sans-serif`
}

/**
 * The CSS custom properties of a theme, `[name, value]`: `--smith-primary`,
 * `--smith-background`, `--smith-radius`, `--smith-shadow` and `--smith-font`, each that
 * has a value. A value that could end its declaration (`;`, braces) is left out: the
 * build writes these into a stylesheet.
 */
export function themeProperties(theme: ThemeProperties): Array<[string, string]> {
  const out: Array<[string, string]> = []
  const add = (name: string, value: string | null | undefined): void => {
    if (value && !/[;{}]|<\//.test(value)) out.push([name, value])
  }
  add('--smith-primary', theme.colors?.primaryColor)
  add('--smith-background', theme.colors?.backgroundColor)
  add('--smith-radius', theme.borderRadius?.appBorderRadius)
  add('--smith-shadow', theme.boxShadow?.appBoxShadow)
  add('--smith-font', cssFont(theme.fontFamily?.appFont))
  return out
}

/** Sets the theme's custom properties ({@link themeProperties}) on `root`. */
export function applyTheme(root: Element, theme: ThemeProperties): void {
  const style = (root as HTMLElement).style
  if (style === undefined) return
  for (const [name, value] of themeProperties(theme)) style.setProperty(name, value)
}
