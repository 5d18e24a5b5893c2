/**
 * The part of jsdom's API the benchmark uses (jsdom ships no types, and the project compiles
 * without the DOM library, so its documents are passed through opaquely).
 */
declare module 'jsdom' {
  export class VirtualConsole {}
  export class JSDOM {
    constructor(html: string, options?: { virtualConsole?: VirtualConsole });
    readonly window: { readonly document: unknown; close(): void };
  }
}
