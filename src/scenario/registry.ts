import { InputError } from '../core/errors.js';
import type { Expectation, Scenario } from './scenario.js';
import { validateScenario } from './validate.js';

/** A scenario module as the CLI imported it: the file to name in errors, and the module namespace. */
export interface LoadedScenarioModule {
  /** The file as users know it (`scenarios/foo.ts`, or the path they gave). */
  readonly file: string;
  readonly module: unknown;
}

/** One line of `redsim list --json`. */
export interface ScenarioListing {
  readonly name: string;
  readonly description: string;
  readonly expect: Expectation;
  readonly seeds: readonly number[];
}

function baseNameOf(file: string): string {
  const last = file.split(/[\\/]/).pop() ?? file;
  return last.replace(/\.(ts|js|mjs|cjs|mts)$/, '');
}

/**
 * The scenario a module exports (`export default defineScenario({...})`),
 * validated. With `nameMatchesFile`, its name must be the file's base name
 * (shipped scenarios: `scenarios/foo.ts` is `foo`).
 */
export function scenarioFromModule(loaded: LoadedScenarioModule, options: { readonly nameMatchesFile: boolean }): Scenario {
  const module = loaded.module;
  const exported = typeof module === 'object' && module !== null && 'default' in module ? (module as { readonly default: unknown }).default : undefined;
  if (exported === undefined) throw new InputError(loaded.file, '(default export)', 'missing: a scenario file does `export default defineScenario({...})`');
  const scenario = validateScenario(exported, loaded.file);
  if (options.nameMatchesFile && scenario.name !== baseNameOf(loaded.file)) {
    throw new InputError(loaded.file, 'name', `must be the file's name ${JSON.stringify(baseNameOf(loaded.file))}, got ${JSON.stringify(scenario.name)}`);
  }
  return scenario;
}

/** The shipped scenarios by name, validated as they load. */
export class ScenarioRegistry {
  private readonly byName = new Map<string, Scenario>();

  private constructor(scenarios: readonly Scenario[]) {
    for (const scenario of scenarios) this.byName.set(scenario.name, scenario);
  }

  /** Validates every module; the first broken one throws an InputError naming its file and field. */
  static fromModules(modules: readonly LoadedScenarioModule[]): ScenarioRegistry {
    const scenarios: Scenario[] = [];
    const files = new Map<string, string>();
    for (const loaded of [...modules].sort((left, right) => (left.file < right.file ? -1 : 1))) {
      const scenario = scenarioFromModule(loaded, { nameMatchesFile: true });
      const other = files.get(scenario.name);
      if (other !== undefined) throw new InputError(loaded.file, 'name', `${JSON.stringify(scenario.name)} is already the name of ${other}`);
      files.set(scenario.name, loaded.file);
      scenarios.push(scenario);
    }
    return new ScenarioRegistry(scenarios);
  }

  static of(scenarios: readonly Scenario[]): ScenarioRegistry {
    return new ScenarioRegistry(scenarios);
  }

  names(): string[] {
    return [...this.byName.keys()].sort();
  }

  get(name: string): Scenario | undefined {
    return this.byName.get(name);
  }

  all(): Scenario[] {
    return this.names().map((name) => this.byName.get(name) as Scenario);
  }

  listing(): ScenarioListing[] {
    return this.all().map(({ name, description, expect, seeds }) => ({ name, description, expect, seeds }));
  }
}
