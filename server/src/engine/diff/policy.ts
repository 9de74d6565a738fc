/** The team's diff policy, from settings (or CLI flags) and `.specgate/changes.yaml`, as engine options. */
import { parseChangeOverrides } from './overrides';
import type { DiffOptions } from './types';

export interface DeprecationWindows {
  deprecationDaysStable: number;
  deprecationDaysBeta: number;
}

/** Options for diffSpecs; `problems` names overrides that were ignored (unknown id or level). */
export function diffPolicy(windows: DeprecationWindows, overridesText: string | undefined): { options: DiffOptions; problems: string[] } {
  const { overrides, problems } = parseChangeOverrides(overridesText);
  return {
    options: { levels: overrides, deprecationDays: { stable: windows.deprecationDaysStable, beta: windows.deprecationDaysBeta } },
    problems,
  };
}
