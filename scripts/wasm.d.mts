// Types of scripts/wasm.mjs for the TypeScript that bundles the engine (tests, harnesses).
import type { Plugin } from 'esbuild';

export const WASM_MODULE_ID: string;
export const WAT_PATH: string;
export function compileKernels(): Promise<Buffer>;
export const esbuildWasmPlugin: Plugin;
export function viteWasmPlugin(): { name: string; resolveId(id: string): string | null; load(id: string): Promise<string> | null };
