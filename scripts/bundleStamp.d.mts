// Types of bundleStamp.mjs for the TypeScript that imports it (tests); the module itself stays plain JavaScript
// so that bin/reconcile.mjs can load it without a compiler.
export declare const root: string
export declare const distDir: string
export declare const bundleFile: string
export declare const pomExportWorkerFile: string
export declare const stampFile: string
export declare const codeCacheFile: (size: number, mtimeMs: number) => string
export declare const codeCachePattern: RegExp
export declare const fingerprints: (files: ReadonlyArray<string>, base?: string) => Record<string, string>
export declare const staleness: (stamped?: string, base?: string) => string | undefined
