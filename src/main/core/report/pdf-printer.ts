/**
 * Prints a self-contained HTML document to PDF. The core cannot print: each host brings its own
 * printer (Electron's `printToPDF` in the desktop app, a headless Chromium for the CLI and the web
 * host) through its host port; a host without one offers the HTML report only.
 */
export interface PdfPrinter {
  /** The document's PDF bytes; rejects with an `ApiError` a user can act on. */
  print(html: string): Promise<Uint8Array>
}
