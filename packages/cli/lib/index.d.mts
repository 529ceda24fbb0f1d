export declare const PNPM_VERSION: string
export declare const root: string
export declare function run(cmd: string, args: string[], opts?: { cwd?: string; env?: NodeJS.ProcessEnv; quiet?: boolean }): Promise<number>
export declare function pnpm(args: string[], opts?: { cwd?: string; env?: NodeJS.ProcessEnv; quiet?: boolean }): Promise<number>
export declare function ensureInstalled(): Promise<void>
export declare function buildAll(): Promise<void>
export declare function waitFor(url: string, opts?: { timeoutMs?: number; child?: import('node:child_process').ChildProcess }): Promise<void>
export interface RunningHall {
  url: string
  idpUrl: string | undefined
  /** The demo department site that embeds the widgets (not started in production or with HALL_DEMO_SITE=0). */
  demoSiteUrl: string | undefined
  /** The development SMTP catcher's port as started (after any fallback), when it runs. */
  smtpCatcherPort: number | undefined
  /** What had to change to start (a busy port moved elsewhere), one sentence each. */
  notices: string[]
  dataDir: string
  port: number
  children: import('node:child_process').ChildProcess[]
  stop(): Promise<void>
}
export declare function hallEnvironment(
  opts?: { env?: NodeJS.ProcessEnv; production?: boolean | { idpMetadata?: string } },
  base?: NodeJS.ProcessEnv,
): { env: NodeJS.ProcessEnv; production: { idpMetadata?: string } | null }
export declare function startHall(opts?: {
  port?: number
  idpPort?: number
  demoSitePort?: number
  dataDir?: string
  env?: NodeJS.ProcessEnv
  quiet?: boolean
  /**
   * A hall as it goes live: NODE_ENV=production, no demo, the IdP from `idpMetadata` (default:
   * the development IdP run outside the hall, as a stand-in for the university's), every built
   * part deployed through the registry.
   */
  production?: boolean | { idpMetadata?: string }
}): Promise<RunningHall>
export declare function bin(name: string): string
export declare function portIsFree(port: number): Promise<boolean>
export declare function freePort(): Promise<number>
/** The hall cannot start as asked (a busy port of its own or of the IdP); the message says what to do. */
export declare class StartRefused extends Error {}
/** The text `npm start` prints once the hall runs. */
export declare function banner(hall: RunningHall, accounts?: string): string
