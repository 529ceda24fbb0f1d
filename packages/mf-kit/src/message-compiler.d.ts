// The compiler's self-contained browser build (see runtimeMessages in define-micro-frontend.ts).
declare module '@intlify/message-compiler/dist/message-compiler.esm-browser.prod.js' {
  export * from '@intlify/message-compiler'
}
