import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { UsageError } from '../core/errors.js';
import { type LoadedScenarioModule, ScenarioRegistry, scenarioFromModule } from '../scenario/registry.js';
import type { Scenario } from '../scenario/scenario.js';

/**
 * The shipped scenarios' folder: `dist/scenarios/` next to the compiled CLI
 * (tsc compiles `scenarios/*.ts` there), or `scenarios/` when the CLI runs
 * from its TypeScript sources.
 */
export function shippedScenariosDirectory(): string {
  return fileURLToPath(new URL('../../scenarios/', import.meta.url));
}

function isScenarioModuleFile(name: string): boolean {
  return (name.endsWith('.js') || name.endsWith('.ts')) && !name.endsWith('.d.ts');
}

async function importModule(path: string, shownAs: string): Promise<LoadedScenarioModule> {
  try {
    return { file: shownAs, module: (await import(pathToFileURL(path).href)) as unknown };
  } catch (error: unknown) {
    throw new UsageError(`${shownAs}: cannot load: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Loads and validates every shipped scenario (a broken one is a usage error naming its file and field). */
export async function loadShippedScenarios(): Promise<ScenarioRegistry> {
  const directory = shippedScenariosDirectory();
  let names: string[];
  try {
    names = readdirSync(directory).filter(isScenarioModuleFile).sort();
  } catch {
    throw new UsageError(`no scenarios at ${directory}: run 'npm run build' first`);
  }
  const modules: LoadedScenarioModule[] = [];
  for (const name of names) modules.push(await importModule(join(directory, name), `scenarios/${name.replace(/\.js$/, '.ts')}`));
  return ScenarioRegistry.fromModules(modules);
}

/** True when the argument names a file rather than a shipped scenario. */
export function looksLikePath(argument: string): boolean {
  return argument.includes('/') || argument.includes('\\') || /\.(m?js|ts)$/.test(argument);
}

/**
 * A user's scenario file. Compiled `.js`/`.mjs` files are imported as they
 * are. A `.ts` file is transpiled in memory with the `typescript` package
 * (types are not checked) to a temporary `.mjs` beside it, so its relative
 * imports resolve as written; an import of `redsim` or of
 * `.../scenario/scenario.js` (for `defineScenario`) is pointed at the
 * compiled scenario module. The temporary file is removed after the import.
 */
export async function loadScenarioFile(argument: string): Promise<Scenario> {
  const path = resolve(argument);
  if (path.endsWith('.ts')) return scenarioFromModule(await importTypeScript(path, argument), { nameMatchesFile: false });
  return scenarioFromModule(await importModule(path, argument), { nameMatchesFile: false });
}

async function importTypeScript(path: string, shownAs: string): Promise<LoadedScenarioModule> {
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch {
    throw new UsageError(`${shownAs}: no such file`);
  }
  let typescript: typeof import('typescript');
  try {
    typescript = (await import('typescript')).default;
  } catch {
    throw new UsageError(`${shownAs}: a .ts scenario needs the 'typescript' package; compile it to .js (tsc) or install typescript`);
  }
  const output = typescript.transpileModule(source, { compilerOptions: { module: typescript.ModuleKind.ES2022, target: typescript.ScriptTarget.ES2022 }, fileName: path }).outputText;
  const scenarioModule = new URL('../scenario/scenario.js', import.meta.url).href;
  const rewritten = output.replace(/(from\s+['"])(redsim|[^'"]*\/scenario\/scenario(\.js|\.ts)?)(['"])/g, (_match, before: string, _specifier: string, _extension: string, after: string) => `${before}${scenarioModule}${after}`);
  const temporary = join(dirname(path), `.${basename(path, '.ts')}.redsim-${process.pid}.mjs`);
  writeFileSync(temporary, rewritten);
  try {
    return await importModule(temporary, shownAs);
  } finally {
    rmSync(temporary, { force: true });
  }
}

/** A shipped scenario by name, or a user's scenario file by path; an unknown name is a usage error listing the names. */
export async function resolveScenario(argument: string): Promise<Scenario> {
  if (looksLikePath(argument)) return loadScenarioFile(argument);
  const registry = await loadShippedScenarios();
  const scenario = registry.get(argument);
  if (scenario === undefined) throw new UsageError(`unknown scenario '${argument}'. Scenarios: ${registry.names().join(', ')}`);
  return scenario;
}
