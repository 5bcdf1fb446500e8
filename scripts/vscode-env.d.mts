// Types for scripts/vscode-env.mjs, imported by the UI tests (test/ui/*.ts).
export const ROOT: string;
export const CHROMIUM: string;
export const CHROMIUM_ARGS: string[];
export function ensureChromium(): string;
export function ensureCodeServer(): string;
export function ensureDebPackages(names: string[]): void;
export function freePort(preferred?: number): Promise<number>;
export interface CodeServerOptions {
  port?: number;
  userDataDir: string;
  extensionsDir: string;
  folder?: string;
  settings?: Record<string, unknown>;
  smokeTestDriver?: boolean;
  extraArgs?: string[];
  env?: Record<string, string>;
  logFile?: string;
}
export interface CodeServer {
  url: string;
  port: number;
  pid: number;
  logFile: string;
  stop(): Promise<void>;
}
export function startCodeServer(o: CodeServerOptions): Promise<CodeServer>;
export function installDevExtension(extensionsDir: string, extensionPath?: string): string;
export function extensionHostLogTail(userDataDir: string, lines?: number): string;
export function remoteUri(absPath: string): string;
